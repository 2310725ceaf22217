import { builtinScenarioNames, importInventory, loadScenario, scenarioJsonSchema } from '../scenarios/index.js';
import { simulate } from '../model/simulation.js';
import { checkPlan, recommend } from '../model/checker/index.js';
import { withRecommendations } from '../model/recommendations/index.js';
import type { Engine } from './engine.js';

/** The engine made of the project's real parts (loaded lazily by `main`, so `--help` stays fast). */
export function realEngine(): Engine {
  return { loadScenario, builtinScenarioNames, simulate, checkPlan, recommend, withRecommendations, importInventory, scenarioJsonSchema };
}
