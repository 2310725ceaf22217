/**
 * The model's public entry: build and run a simulation of a cutover, and the types of
 * its input (SimulationConfig) and output (SimulationResult, SimulationSnapshot). The
 * CLI, the report, the dashboard, the scenario tests and the fuzzer use this.
 */
export { createSimulation, simulate, type Simulation, type SimulationOptions } from './simulation.js';
export { ACTION_TYPES, ACTION_STEPS } from './simulation/admin-actions.js';
export { PLAN_ANCHORS, MINIMUM_WAIT_AFTER_SWITCH } from './plan/index.js';
export { REASONS as MESSAGE_REASONS } from './mailflow/index.js';
export { EXO_REASONS } from './tenant/index.js';
export { ONPREM_REASONS } from './onprem/index.js';
export { LedgerInvariantError, CAUSES as MESSAGE_CAUSE_TABLE, MESSAGE_CAUSES, PLAN_PENDING_CAUSES, causeOf, causeText } from './ledger/index.js';
export { MESSAGE_FATES } from './result.js';
export { preflightFindings } from './migration/index.js';
export { worstCaseOldMxWindow } from './dns/index.js';
export * from './defaults.js';
export type * from './config.js';
export type * from './result.js';
export type * from './organisation.js';
export { isMailbox } from './organisation.js';
