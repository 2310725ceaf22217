import { defineConfig } from 'vitest/config';

/** Browser tests: they share one Chromium and one dashboard build per run (docs/testing.md). */
const BROWSER_TESTS = ['test/**/browser/**/*.test.ts', 'test/**/browser.test.ts'];
/** The packed package installed into a consumer project: slow, so its own project (`--project node` leaves it out). */
const PACKAGE_TESTS = ['test/package/**/*.test.ts'];

export default defineConfig({
  test: {
    setupFiles: ['./test/setup/temporary-cleanup.ts'],
    // The default output, then one plain closing line for CI (test/summary-reporter.ts).
    reporters: ['default', './test/summary-reporter.ts'],
    // Property tests and whole-scenario runs are CPU-bound; two cores on CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: [...BROWSER_TESTS, ...PACKAGE_TESTS], isolate: false } },
      { extends: true, test: { name: 'package', include: PACKAGE_TESTS } },
      // Its global setup runs only when a run includes one of these files.
      { extends: true, test: { name: 'browser', include: BROWSER_TESTS, globalSetup: ['./test/setup/browser-global.ts'] } },
    ],
  },
});
