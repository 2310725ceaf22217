import { checkPlan } from '../model/checker/index.js';
import { simulate } from '../model/simulation.js';
import type { SimulationConfig } from '../model/config.js';
import type { SimulationResult } from '../model/result.js';
import type { CheckPlanFunction, SimulateFunction } from './invariants/index.js';

/** The project's own engine for the invariants: the simulator (trace hash only, no lines) and the plan checker. */
export const realEngine: { simulate: SimulateFunction; checkPlan: CheckPlanFunction } = {
  simulate: (config: SimulationConfig): SimulationResult => simulate(config),
  checkPlan,
};
