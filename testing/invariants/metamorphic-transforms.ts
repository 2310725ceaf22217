import type { Millis } from '../../sim/index.js';
import type { ActionTiming, PlannedAction, SimulationConfig } from '../../model/config.js';
import { CONCURRENCY_LIMITS } from '../../model/defaults.js';
import type { BatchStatus, SimulationResult } from '../../model/result.js';

/**
 * The knobs the metamorphic properties move, and what they measure. Each transform returns
 * a new config with one knob moved (or undefined when the config has no such knob); the
 * seed and everything else stay the same.
 */

const later = (timing: ActionTiming, by: Millis): ActionTiming => ('at' in timing ? { at: timing.at + by } : { after: timing.after, delay: timing.delay + by });
const earlier = (timing: ActionTiming, by: Millis): ActionTiming => ('at' in timing ? { at: Math.max(0, timing.at - by) } : { after: timing.after, delay: Math.max(0, timing.delay - by) });

function movePlan(config: SimulationConfig, which: PlannedAction['action'], move: (timing: ActionTiming) => ActionTiming): SimulationConfig | undefined {
  if (!config.plan.some((action) => action.action === which)) return undefined;
  return { ...config, plan: config.plan.map((action) => (action.action === which ? { ...action, timing: move(action.timing) } : action)) };
}

/** Every removeBatch of the plan `by` later. */
export const removeBatchLater = (config: SimulationConfig, by: Millis): SimulationConfig | undefined => movePlan(config, 'removeBatch', (timing) => later(timing, by));

/** Every setMxTtl of the plan `by` earlier (never before its anchor or T+0). */
export const lowerTtlEarlier = (config: SimulationConfig, by: Millis): SimulationConfig | undefined => movePlan(config, 'setMxTtl', (timing) => earlier(timing, by));

/** MaxConcurrentMigrations raised by `extra` (capped at the endpoint limit, KB2797784); incremental slots unchanged. */
export function moreConcurrency(config: SimulationConfig, extra: number): SimulationConfig {
  const maxConcurrentMigrations = Math.min(CONCURRENCY_LIMITS.max, config.endpoint.maxConcurrentMigrations + Math.max(0, Math.round(extra)));
  return { ...config, endpoint: { ...config.endpoint, maxConcurrentMigrations } };
}

/** How many paths `keepingAllPaths` keeps: a run that sends more has only a sample of them. */
export const KEPT_PATHS_LIMIT = 1_000_000;

/** Keeps every message's path (paths are sampled on their own random stream, so no other draw moves). */
export const keepingAllPaths = (config: SimulationConfig): SimulationConfig => ({ ...config, ledger: { ...config.ledger, sampledPaths: KEPT_PATHS_LIMIT } });

/** When the first admin action of a kind was done, if it was. */
export const doneAt = (result: SimulationResult, action: PlannedAction['action']): Millis | undefined =>
  result.actions.find((outcome) => outcome.action === action && outcome.outcome === 'done')?.at;

/** External messages the old host accepted strictly after `after` (from kept paths). */
export const oldHostAcceptedAfter = (result: SimulationResult, after: Millis): number =>
  result.traces.filter((trace) => trace.path.some((hop) => hop.step === 'accepted:old-host' && hop.at > after)).length;

const SETTLED: ReadonlySet<BatchStatus> = new Set(['Synced', 'SyncedWithErrors', 'Failed']);

/** When the batch first left Syncing for Synced, SyncedWithErrors or Failed (the initial sync's end), if it did. */
export function initialSyncEndedAt(result: SimulationResult): Millis | undefined {
  const history = result.batch.statusHistory;
  for (let index = 1; index < history.length; index++) {
    if (history[index - 1]!.status === 'Syncing' && SETTLED.has(history[index]!.status)) return history[index]!.at;
  }
  return undefined;
}
