import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Tests: N passed, M failed[, K skipped]`, which CI and
 * other tools read without knowing vitest's own summary format. A file whose own set-up or
 * tear-down failed (its tests then skip) and an unhandled error each count as one failure, so
 * the line never says "0 failed" for a run that failed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const counts = summarise(testModules);
    const failed = counts.failed + unhandledErrors.length;
    process.stdout.write(`\nTests: ${counts.passed} passed, ${failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}\n`);
  }
}

export function summarise(testModules: ReadonlyArray<TestModule>): { passed: number; failed: number; skipped: number } {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const module of testModules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    // A file that failed to load, or whose hooks failed, without any single test failing.
    if (module.state() === 'failed' && failedHere === 0) failedHere = 1;
    failed += failedHere;
  }
  return { passed, failed, skipped };
}
