/**
 * Scenario files (YAML or JSON): validation with file:line:column errors, resolution to a
 * SimulationConfig with every default applied, the built-in scenarios, the mailbox
 * inventory import and the JSON Schema for editors.
 */
export { parseScenario, scenarioProblems, type LoadedScenario } from './parse.js';
export { loadScenario } from './load.js';
export { builtinScenarioNames, builtinScenarioFile } from './builtin.js';
export { importInventory, type InventoryImport, type InventoryOptions, type RowProblem } from './inventory.js';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema.js';
export { articlePlan } from './article-plan.js';
export { parseSize, formatSize } from './size.js';
export { checkWorkBudget, estimateWork, scaledBudget, DEFAULT_WORK_BUDGET, type WorkBudget, type WorkEstimate } from './budget.js';
export { INPUT_LIMITS } from './input-size.js';
export { LIMITS, MAX_DURATION } from './bounds.js';
export type { ScenarioFile, PlanEntry } from './schema.js';
