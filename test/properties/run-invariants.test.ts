import { test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { assertInvariant, batchTransitionsAllowed, conservation, realEngine, sameRun, scenarioArbitrary, statisticsAgree } from '../../testing/index.js';

/**
 * Invariants of every run (issue 7): conservation, determinism (each case run twice), the
 * batch's transitions and migration figures that agree. A failure prints fast-check's seed and path; replay it with
 * `{ seed, path, endOnFailure: true }` as the second argument of test.prop (docs/testing.md).
 */
describe('every generated run', () => {
  test.prop([scenarioArbitrary()], { numRuns: 60 })('conserves messages, replays bit for bit, moves the batch only as its machine allows and reports figures that agree', (config) => {
    const result = realEngine.simulate(config);
    assertInvariant(conservation(result));
    assertInvariant(batchTransitionsAllowed(result));
    assertInvariant(statisticsAgree(result));
    assertInvariant(sameRun(result, realEngine.simulate(structuredClone(config))));
  });
});
