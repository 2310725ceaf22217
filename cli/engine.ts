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
  /** Recommended times over several seeds (initial sync P50/P90); optional for test engines. */
  recommend?(config: SimulationConfig): Recommendations;
  /** Turns an inventory CSV into a scenario; bad rows are listed (with keepGoing) or thrown. */
  importInventory(csvText: string, options: InventoryOptions): InventoryImport;
  scenarioJsonSchema(): unknown;
}
