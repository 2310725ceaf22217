import fc from 'fast-check';
import { DAY, MINUTE, type Millis } from '../../sim/index.js';
import type { ActionTiming, ActionType, PlannedAction } from '../../model/config.js';
import { TEXTBOOK_TIMELINE } from './textbook-timeline.js';
import { PLAN_ANCHORS } from '../../model/plan/index.js';
import { mxTtlArbitrary } from './resolvers.js';

/**
 * Admin timelines: the order and timing of the plan's actions, wrong ones included. A
 * timeline is a base plan (the textbook by default, or a scenario's own plan) with a few
 * mutations applied. The mutation list shrinks toward empty, so every counterexample
 * shrinks toward "the base plan, except for one or two changes".
 */

export const ACTION_TYPES: readonly ActionType[] = [
  'publishVerificationTxt', 'verifyDomain', 'disableDirectorySync', 'createSecurityGroups', 'createEndpoint', 'testEndpoint',
  'createBatch', 'startBatch', 'stopBatch', 'completeBatch', 'removeBatch', 'setMxTtl', 'switchMx', 'assignLicenses',
  'createAutodiscoverCname', 'clearScpPointer', 'decommission',
  'distributePasswords', 'rebuildOutlookProfiles', 'addX500Addresses', 'exportStrandedMail', 'forwardToTenant',
];

export { PLAN_ANCHORS };

/** One change to a base plan. Indexes are taken modulo the plan's length when applied. */
export type TimelineMutation =
  /** The admin forgets a step. */
  | { kind: 'omit'; index: number }
  /** A step happens earlier or later (its time or delay moves by `by`, never below 0). */
  | { kind: 'shift'; index: number; by: Millis }
  /** A step is timed against another moment. */
  | { kind: 'retime'; index: number; timing: ActionTiming }
  /** Two steps swap their timings (a wrong order). */
  | { kind: 'swap'; index: number; other: number }
  /** An extra action, possibly a wrong one (Complete on a cutover batch, an early removal or decommission). */
  | { kind: 'insert'; action: PlannedAction };

export interface TimelineOptions {
  /** Latest absolute time or delay generated (default 2 days). */
  maxDelay?: Millis;
  /** Most mutations (default 3). */
  maxMutations?: number;
  /** Fewest mutations (default 0: the base plan itself is a case). */
  minMutations?: number;
}

const cloneAction = (action: PlannedAction): PlannedAction => ({ ...action, timing: { ...action.timing }, ...(action.users ? { users: [...action.users] } : {}) });

/** A time or delay in whole minutes up to `maxDelay`, shrinking toward 0. */
const delayArbitrary = (maxDelay: Millis): fc.Arbitrary<Millis> => fc.integer({ min: 0, max: Math.max(0, Math.floor(maxDelay / MINUTE)) }).map((minutes) => minutes * MINUTE);

export const timingArbitrary = (maxDelay: Millis = 2 * DAY): fc.Arbitrary<ActionTiming> =>
  fc.oneof(
    delayArbitrary(maxDelay).map((at): ActionTiming => ({ at })),
    fc.record({ after: fc.constantFrom(...PLAN_ANCHORS), delay: delayArbitrary(maxDelay) }),
  );

/** Any single admin action at any timing; the action's own fields are filled in the usual way. */
export function plannedActionArbitrary(maxDelay: Millis = 2 * DAY): fc.Arbitrary<PlannedAction> {
  return fc.record({ action: fc.constantFrom(...ACTION_TYPES), timing: timingArbitrary(maxDelay), ttl: mxTtlArbitrary() }).map(({ action, timing, ttl }) => {
    const planned: PlannedAction = { action, timing };
    if (action === 'setMxTtl') planned.ttl = ttl;
    if (action === 'createBatch') planned.batchName = 'CutoverBatch';
    return planned;
  });
}

export function timelineMutationArbitrary(options: TimelineOptions = {}): fc.Arbitrary<TimelineMutation> {
  const maxDelay = options.maxDelay ?? 2 * DAY;
  const index = fc.nat({ max: 63 });
  const signedShift = fc.integer({ min: -Math.floor(maxDelay / MINUTE), max: Math.floor(maxDelay / MINUTE) }).map((minutes) => minutes * MINUTE);
  return fc.oneof(
    fc.record({ kind: fc.constant('omit' as const), index }),
    fc.record({ kind: fc.constant('shift' as const), index, by: signedShift }),
    fc.record({ kind: fc.constant('retime' as const), index, timing: timingArbitrary(maxDelay) }),
    fc.record({ kind: fc.constant('swap' as const), index, other: index }),
    fc.record({ kind: fc.constant('insert' as const), action: plannedActionArbitrary(maxDelay) }),
  );
}

const shifted = (timing: ActionTiming, by: Millis): ActionTiming =>
  'at' in timing ? { at: Math.max(0, timing.at + by) } : { after: timing.after, delay: Math.max(0, timing.delay + by) };

/** Applies mutations in order to a copy of `base`; the base is never changed. */
export function applyTimelineMutations(base: readonly PlannedAction[], mutations: readonly TimelineMutation[]): PlannedAction[] {
  const plan = base.map(cloneAction);
  for (const mutation of mutations) {
    if (mutation.kind === 'insert') {
      plan.push(cloneAction(mutation.action));
      continue;
    }
    if (plan.length === 0) continue;
    const index = mutation.index % plan.length;
    const target = plan[index]!;
    if (mutation.kind === 'omit') plan.splice(index, 1);
    else if (mutation.kind === 'shift') target.timing = shifted(target.timing, mutation.by);
    else if (mutation.kind === 'retime') target.timing = { ...mutation.timing };
    else {
      const other = plan[mutation.other % plan.length]!;
      [target.timing, other.timing] = [other.timing, target.timing];
    }
  }
  return plan;
}

/** Timelines around a base plan: the base itself when shrunk, else the base with a few mutations. */
export function timelineAround(base: readonly PlannedAction[], options: TimelineOptions = {}): fc.Arbitrary<PlannedAction[]> {
  const maxLength = options.maxMutations ?? 3;
  return fc.array(timelineMutationArbitrary(options), { minLength: Math.min(options.minMutations ?? 0, maxLength), maxLength }).map((mutations) => applyTimelineMutations(base, mutations));
}

/** Timelines around the article's procedure (TEXTBOOK_TIMELINE). */
export const adminTimelineArbitrary = (options: TimelineOptions = {}): fc.Arbitrary<PlannedAction[]> => timelineAround(TEXTBOOK_TIMELINE, options);

/** Any list of admin actions in any order (shrinks toward the empty plan); mostly wrong, for robustness tests. */
export const anyTimelineArbitrary = (options: TimelineOptions & { maxActions?: number } = {}): fc.Arbitrary<PlannedAction[]> =>
  fc.array(plannedActionArbitrary(options.maxDelay ?? 2 * DAY), { maxLength: options.maxActions ?? 12 });

