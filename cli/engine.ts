import type { SimulationConfig } from '../model/config.js';
import type { Finding, Recommendations, SimulationResult } from '../model/result.js';
import type { Trace } from '../sim/index.js';
import type { InventoryImport, InventoryOptions } from '../scenarios/index.js';

/**
 * What the command line needs from the rest of the project. `main` takes one so tests can
 * run the commands on a hand-built result; the real one is `realEngine()`, loaded on first use.
 */
export interface Engine {
  loadScenario(fileOrBuiltinName: string): { config: SimulationConfig; source: { file: string; text: string } };
  builtinScenarioNames(): string[];
  simulate(config: SimulationConfig, options: { trace?: boolean | Trace }): SimulationResult;
  checkPlan(config: SimulationConfig): Finding[];
  /** Recommended times for this plan from runs of it over several seeds (`runs` are reused); optional for test engines. */
  recommend?(config: SimulationConfig, options: { seeds: number; runs?: readonly SimulationResult[] }): Recommendations;
  /** The result with recommendations from itself and other runs of the same plan, and its findings for them. */
  withRecommendations?(config: SimulationConfig, result: SimulationResult, others: readonly SimulationResult[]): SimulationResult;
  /** Turns an inventory CSV into a scenario; bad rows are listed (with keepGoing) or thrown. */
  importInventory(csvText: string, options: InventoryOptions): InventoryImport;
  scenarioJsonSchema(): unknown;
}
