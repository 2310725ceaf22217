import type { Millis } from '../../sim/index.js';
import type { ActionTiming, ActionType, PlannedAction } from '../config.js';

/**
 * Whether a planned fix happens before the batch is created. Only timings anchored to the
 * start have a known time; an action timed after another anchor (batchStarted, mxSwitched,
 * ...) cannot be placed without running the plan, so the answer is then "unproven" and
 * the rules stay conservative.
 */

export type FixOrder = 'initially' | 'before' | 'after' | 'unproven' | 'never';

export function absoluteTime(timing: ActionTiming): Millis | undefined {
  if ('at' in timing) return timing.at;
  return timing.after === 'start' ? timing.delay : undefined;
}

/** When the precondition is not met at T+0, does a `fix` action in the plan come before the first createBatch? */
export function fixBeforeBatch(plan: readonly PlannedAction[], initiallyMet: boolean, fix: ActionType): FixOrder {
  if (initiallyMet) return 'initially';
  const fixes = plan.filter((action) => action.action === fix);
  if (fixes.length === 0) return 'never';
  const creation = plan.find((action) => action.action === 'createBatch');
  if (creation === undefined) return 'before'; // nothing to be late for
  const createdAt = absoluteTime(creation.timing);
  const fixTimes = fixes.map((action) => absoluteTime(action.timing));
  if (createdAt === undefined || fixTimes.some((time) => time === undefined)) {
    if (createdAt !== undefined && fixTimes.some((time) => time !== undefined && time < createdAt)) return 'before';
    return 'unproven';
  }
  return fixTimes.some((time) => time !== undefined && time < createdAt) ? 'before' : 'after';
}
