import fc from 'fast-check';
import { describe, it } from 'vitest';
import { DAY } from '../../sim/index.js';
import {
  cleanPlanLosesNothing, keepingAllPaths, lossesExplained, preparedScenarioArbitrary, realEngine, riskyTimelineArbitrary, scenarioArbitrary,
} from '../../testing/index.js';
import { runProperty } from './property-run.js';

/**
 * The checker and the simulator agree (issues 7 and 20). A disagreement is a bug in one of
 * them: fix it, never filter it here. Each property reaches its premise: prepared scenarios
 * (healthy service, licenses, flaws fixed) with at most two plan mutations are clean about
 * half the time; plans with one of the mistakes that lose mail (riskyTimelineArbitrary), and
 * now and then a raw scenario, lose mail in about a third of the cases, each explained
 * message by message (every path kept).
 */
const FILE = 'test/properties/checker-agreement.test.ts';
const TIMEOUT = 240_000;

const cleanLeaning = preparedScenarioArbitrary({ limits: { maxTimelineMutations: 2 } });
const risky = fc.oneof({ arbitrary: preparedScenarioArbitrary({ timeline: riskyTimelineArbitrary({ maxDelay: 7 * DAY }) }), weight: 3 }, { arbitrary: scenarioArbitrary(), weight: 1 });

describe('checker and simulator', () => {
  it('a plan the checker finds clean loses and bounces nothing', () => {
    runProperty({
      name: 'clean-plan-loses-nothing', file: FILE, arbitrary: cleanLeaning, numRuns: 45, minShare: 0.45, toCase: (config) => ({ config }),
      check: (config) => cleanPlanLosesNothing(realEngine.checkPlan(config), realEngine.simulate(config)),
    });
  }, TIMEOUT);

  it('every lost or bounced message is explained by a finding whose rule causes it and whose subjects name its mailbox', () => {
    runProperty({
      name: 'losses-explained', file: FILE, arbitrary: risky, numRuns: 45, minShare: 0.9, minCounted: 18, toCase: (config) => ({ config }),
      counted: (result) => !(result.ok && result.vacuous === 'nothing lost or bounced'),
      check: (config) => lossesExplained(config, realEngine.checkPlan(config), realEngine.simulate(keepingAllPaths(config))),
    });
  }, TIMEOUT);
});
