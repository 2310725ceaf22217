import { defineConfig } from 'vitest/config';

/** Browser tests: they share one Chromium and one dashboard build per run (docs/testing.md). */
const BROWSER_TESTS = ['test/**/browser/**/*.test.ts', 'test/**/browser.test.ts'];
/** The packed package installed into a consumer project: slow, so its own project (`--project node` leaves it out). */
const PACKAGE_TESTS = ['test/package/**/*.test.ts'];

/** What every project shares. Not `extends: true`: a project would then carry `maxWorkers` itself and `--maxWorkers` would not reach it. */
const SHARED = {
  setupFiles: ['./test/setup/temporary-cleanup.ts'],
  // Property tests and whole-scenario runs are CPU-bound; two cores on CI.
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    ...SHARED,
    // The default output, then one plain closing line for CI (test/summary-reporter.ts).
    reporters: ['default', './test/summary-reporter.ts'],
    // Vitest's default is one worker per core less one: a single worker on a 2-core machine. Two
    // keep both cores busy (a browser file mostly waits on Chromium, a node file computes);
    // `--maxWorkers n` overrides it.
    maxWorkers: 2,
    projects: [
      { test: { ...SHARED, name: 'node', include: ['test/**/*.test.ts'], exclude: [...BROWSER_TESTS, ...PACKAGE_TESTS], isolate: false } },
      { test: { ...SHARED, name: 'package', include: PACKAGE_TESTS } },
      // Its global setup runs only when a run includes one of these files.
      { test: { ...SHARED, name: 'browser', include: BROWSER_TESTS, isolate: false, globalSetup: ['./test/setup/browser-global.ts'] } },
    ],
  },
});
