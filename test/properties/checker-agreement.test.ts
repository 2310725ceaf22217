import { test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { assertInvariant, cleanPlanLosesNothing, lossesExplained, realEngine, scenarioArbitrary } from '../../testing/index.js';

/**
 * The checker and the simulator agree (issue 7). A disagreement is a bug in one of them:
 * fix it, never filter it here. Replay a failure with `{ seed, path, endOnFailure: true }`.
 */
describe('checker and simulator', () => {
  test.prop([scenarioArbitrary()], { numRuns: 80 })('a plan the checker finds clean loses and bounces nothing', (config) => {
    assertInvariant(cleanPlanLosesNothing(realEngine.checkPlan(config), realEngine.simulate(config)));
  });

  test.prop([scenarioArbitrary()], { numRuns: 80 })('every lost or bounced message is explained by a finding or a declared fault', (config) => {
    assertInvariant(lossesExplained(config, realEngine.checkPlan(config), realEngine.simulate(config)));
  });
});
