import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup/temporary-cleanup.ts'],
    // The default output, then one plain closing line for CI (test/summary-reporter.ts).
    reporters: ['default', './test/summary-reporter.ts'],
    // Property tests and whole-scenario runs are CPU-bound; two cores on CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
