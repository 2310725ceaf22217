import type { SimulationConfig } from '../model/config.js';
import { checkWorkBudget, scaledBudget, type WorkEstimate } from '../scenarios/budget.js';

/**
 * The work budget applied by every command that simulates (run, replay, sweep, fuzz)
 * before the first event: over it is SCENARIO_OVER_BUDGET, exit 2, naming `--budget`.
 * `check` does not simulate, so it has no budget.
 */
export function enforceWorkBudget(config: SimulationConfig, factor: number | undefined, file: string): WorkEstimate {
  return checkWorkBudget(config, scaledBudget(factor ?? 1), file);
}
