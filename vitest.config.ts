import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests and whole-scenario runs are CPU-bound; two cores on CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
