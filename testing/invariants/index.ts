/**
 * Invariants of a cutover simulation (issue 7), as plain functions returning
 * `{ ok: true } | { ok: false, invariant, message, details? }`. The engine is passed in
 * (`simulate`, `checkPlan`), so they run against any build. See docs/testing.md.
 */
export { HOLDS, broken, vacuous, exercised, firstBroken, assertInvariant, type InvariantResult, type SimulateFunction, type CheckPlanFunction } from './result.js';
export { conservation } from './conservation.js';
export { statisticsAgree } from './statistics-agree.js';
export { cleanPlanLosesNothing, lossesExplained, type AgreementOptions } from './checker-agreement.js';
export { sameRun, deterministic } from './determinism.js';
export { batchTransitionsAllowed, allowedBatchTransitions, machineTransitions } from './batch-transitions.js';
export {
  removeBatchLater, lowerTtlEarlier, moreConcurrency, keepingAllPaths, KEPT_PATHS_LIMIT, doneAt, oldHostAcceptedAfter, initialSyncEndedAt,
} from './metamorphic-transforms.js';
export { removingLaterLosesNoMore, loweringTtlEarlierSendsNoMoreToOldHost, moreConcurrencyNeverSlower } from './metamorphic.js';
export { checkScenario, checkScenarioInvariants, type ScenarioCheckOptions, type MetamorphicKnobs } from './check-scenario.js';
