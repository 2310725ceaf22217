import { describe, expect, it } from 'vitest';
import { builtinScenarioNames, checkWorkBudget, DEFAULT_WORK_BUDGET, estimateWork, loadScenario, parseScenario, scaledBudget } from '../../scenarios/index.js';
import { simulate } from '../../model/simulation.js';
import { InputError } from '../../sim/index.js';

const BIG = 'horizon: 366d\norganisation: { domain: contoso.com, generate: { count: 2000 } }\nmailFlow: { generated: { messagesPerUserPerDay: 10000 } }\n';

describe('work budget', () => {
  it('admits every built-in scenario', () => {
    for (const name of builtinScenarioNames()) expect(() => checkWorkBudget(loadScenario(name).config, DEFAULT_WORK_BUDGET), name).not.toThrow();
  });

  it('estimates at least the events a run takes (measured, not read back)', () => {
    for (const name of ['textbook', 'ttl-not-lowered']) {
      const { config } = loadScenario(name);
      const estimate = estimateWork(config);
      const result = simulate(config, {});
      expect(estimate.events, name).toBeGreaterThanOrEqual(result.events);
      // An estimate far above the run would refuse runs a laptop does: within ten times.
      expect(estimate.events, name).toBeLessThan(result.events * 10);
    }
  });

  it('refuses a run over the budget, naming the estimate and the --budget factor that admits it', () => {
    const { config } = parseScenario(BIG, 'big.yaml');
    let error: unknown;
    try {
      checkWorkBudget(config, DEFAULT_WORK_BUDGET, 'big.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const refused = error as InputError;
    expect(refused.code).toBe('SCENARIO_OVER_BUDGET');
    const factor = Number(/--budget (\d+)/.exec(refused.message)?.[1]);
    expect(() => checkWorkBudget(config, scaledBudget(factor))).not.toThrow();
    expect(() => checkWorkBudget(config, scaledBudget(factor * 0.9))).toThrow(InputError);
  });
});
