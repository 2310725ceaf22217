import { HOUR, type Millis } from '../../sim/index.js';
import type { ActionType, PlanAnchor, PlannedAction, SimulationConfig } from '../config.js';
import { worstCaseOldMxWindow } from '../dns/index.js';
import { domainIndex, domainNames } from '../accepted-domains.js';
import { MINIMUM_WAIT_AFTER_SWITCH, windowMoment } from '../plan/index.js';
import { finalPassBound, initialSyncBounds } from './estimates.js';
import { at, gap, plus, range, type Bounds, type Moment } from './moment.js';

/**
 * The plan laid out in time without simulating: each action's moment (symbolic where it
 * hangs on the initial sync or the recommended removal) and each anchor's, the way the
 * plan runner fires them (once, the first time).
 */

export interface PlannedStep {
  index: number;
  action: PlannedAction;
  /** Undefined when its anchor never comes. */
  moment: Moment | undefined;
}

export interface Timeline {
  steps: PlannedStep[];
  anchors: Partial<Record<PlanAnchor, Moment>>;
  bounds: Bounds;
  /** Worst-case time after the switch that a sender may still reach the old host. */
  oldMxWindow: Millis;
  /** Moments the MX TTL changes before the switch could matter. */
  ttlChanges: { moment: Moment; ttl: Millis }[];
}

/** Whether a step acts on accepted domain `domain` (0 the primary; every action not on a domain counts as the primary's). */
const onDomain = (config: SimulationConfig, step: PlannedStep, domain: number): boolean =>
  step.action.domain === undefined ? domain === 0 : domainIndex(config.organisation, step.action.domain) === domain;

/** The placed step of `type` that may come earliest (the plan runs actions in time order, not list order), on accepted domain `domain`. */
function earliestOf(steps: readonly PlannedStep[], type: ActionType, bounds: Bounds, config?: SimulationConfig, domain = 0): PlannedStep | undefined {
  let best: PlannedStep | undefined;
  for (const step of steps) {
    if (step.action.action !== type || step.moment === undefined) continue;
    if (config === undefined ? step.action.domain !== undefined : !onDomain(config, step, domain)) continue;
    if (best === undefined || range(step.moment, bounds).low < range(best.moment!, bounds).low) best = step;
  }
  return best;
}

/**
 * The step of `type` that happens first in time (a second Switch or Decommission listed first still
 * counts from the earliest); for an action on a domain's records, the primary domain's.
 */
export const first = (timeline: Timeline, type: ActionType): PlannedStep | undefined => earliestOf(timeline.steps, type, timeline.bounds);

/** The first step of `type` on accepted domain `domain` (an index, model/accepted-domains.ts). */
export const firstOnDomain = (config: SimulationConfig, timeline: Timeline, type: ActionType, domain: number): PlannedStep | undefined =>
  earliestOf(timeline.steps, type, timeline.bounds, config, domain);

/** Every placed step of `type` (for an action on a domain's records, the primary domain's). */
export const all = (timeline: Timeline, type: ActionType): PlannedStep[] =>
  timeline.steps.filter((step) => step.action.action === type && step.moment !== undefined && step.action.domain === undefined);

/**
 * The MX switch as the plan runner fires it: once every accepted domain's MX points at the tenant,
 * so the latest of each domain's first switch (none while a domain is never switched).
 */
function lastDomainSwitch(config: SimulationConfig, steps: readonly PlannedStep[], bounds: Bounds): PlannedStep | undefined {
  let last = earliestOf(steps, 'switchMx', bounds);
  for (let domain = 1; domain < domainNames(config.organisation).length && last?.moment; domain++) {
    const own = earliestOf(steps, 'switchMx', bounds, config, domain);
    if (!own?.moment) return undefined;
    if (range(own.moment, bounds).low > range(last.moment, bounds).low) last = own;
  }
  return last;
}

function anchorsOf(config: SimulationConfig, steps: PlannedStep[], bounds: Bounds): Partial<Record<PlanAnchor, Moment>> {
  const anchors: Partial<Record<PlanAnchor, Moment>> = { start: at(0) };
  const placed = (type: ActionType) => steps.filter((step) => step.action.action === type && step.moment !== undefined);
  const creation = earliestOf(steps, 'createBatch', bounds);
  if (creation?.moment) {
    // The batch is Created at once (the anchor fires then); auto-start follows after the creation time (CUTPS: 2-5 min).
    const created = creation.moment;
    anchors.batchCreated = created;
    // A Start before the batch exists is refused; the first one after it counts.
    const start = creation.action.autoStart
      ? plus(created, config.migration.batchCreationDuration)
      : placed('startBatch').map((step) => step.moment!).find((moment) => gap(moment, created, bounds).low >= 0);
    if (start) {
      anchors.batchStarted = start;
      anchors.initialSyncDone = plus(start, 0, 'initialSync');
    }
  }
  const switchStep = lastDomainSwitch(config, steps, bounds);
  if (switchStep?.moment) {
    anchors.mxSwitched = switchStep.moment;
    anchors.recommendedBatchRemoval = plus(switchStep.moment, 0, 'removalWait');
  }
  const removal = earliestOf(steps, 'removeBatch', bounds);
  if (removal?.moment) anchors.batchRemoved = plus(removal.moment, config.migration.removalDuration);
  // The removal is recommended only after sync passes that follow the switch (model/plan/removal-readiness.ts):
  // a batch that may be deleted before that moment may never reach it, nor the steps that wait for it.
  if (anchors.recommendedBatchRemoval && removal?.moment && gap(removal.moment, anchors.recommendedBatchRemoval, bounds).low < 0) delete anchors.recommendedBatchRemoval;
  return anchors;
}

/**
 * A window time ("next Fri 20:00 after …"): exact when the earliest moment is known; else
 * from the window moment after its earliest value, plus an unknown wait up to the one after
 * its latest (the bound on windowWait widens to cover every windowed step; conservative).
 */
function windowed(moment: Moment, window: readonly Millis[] | undefined, bounds: Bounds): Moment | undefined {
  if (window === undefined) return moment;
  const span = range(moment, bounds);
  const earliest = windowMoment(span.low, window);
  if (earliest === undefined) return undefined;
  const latest = windowMoment(span.high, window) ?? window[window.length - 1] ?? earliest;
  bounds.windowWait.high = Math.max(bounds.windowWait.high, latest - earliest);
  return latest === earliest ? at(earliest) : plus(at(earliest), 0, 'windowWait');
}

function withoutDomain(action: PlannedAction): PlannedAction {
  const { domain: _primary, ...rest } = action;
  return rest;
}

export function buildTimeline(config: SimulationConfig): Timeline {
  const bounds: Bounds = {
    initialSync: initialSyncBounds(config),
    removalWait: { low: MINIMUM_WAIT_AFTER_SWITCH, high: MINIMUM_WAIT_AFTER_SWITCH },
    windowWait: { low: 0, high: 0 },
  };
  // The primary domain named explicitly (library callers may) is the primary's action, as the run treats it.
  const primary = config.organisation.domain.toLowerCase();
  const steps: PlannedStep[] = config.plan.map((action, index) => ({ index, action: action.domain?.toLowerCase() === primary ? withoutDomain(action) : action, moment: undefined }));
  let anchors: Partial<Record<PlanAnchor, Moment>> = { start: at(0) };
  // Each pass places the actions whose anchor is known; anchors follow from placed actions.
  for (let pass = 0; pass <= steps.length + 1; pass++) {
    let changed = false;
    for (const step of steps) {
      if (step.moment) continue;
      const timing = step.action.timing;
      const base = 'at' in timing ? at(0) : anchors[timing.after];
      if (!base) continue;
      step.moment = 'at' in timing ? plus(base, timing.at) : windowed(plus(base, timing.delay), timing.window, bounds);
      changed = true;
    }
    anchors = anchorsOf(config, steps, bounds);
    if (!changed) break;
  }
  // A step placed on an anchor that a later pass found may never happen does not run either.
  for (let unplaced = true; unplaced;) {
    unplaced = false;
    for (const step of steps) {
      const timing = step.action.timing;
      if (!step.moment || !('after' in timing) || anchors[timing.after]) continue;
      step.moment = undefined;
      unplaced = true;
    }
    if (unplaced) anchors = anchorsOf(config, steps, bounds);
  }

  const switchMoment = anchors.mxSwitched;
  const ttlChanges = steps
    .filter((step) => step.action.action === 'setMxTtl' && step.moment !== undefined && step.action.ttl !== undefined && step.action.domain === undefined)
    .map((step) => ({ moment: step.moment!, ttl: step.action.ttl! }));
  let oldMxWindow = 0;
  if (switchMoment) {
    // Place the changes relative to the switch, each as late as it may be (the worst case for the window).
    const leads = ttlChanges
      .map((change) => ({ span: gap(switchMoment, change.moment, bounds), ttl: change.ttl }))
      .filter((change) => change.span.high > 0) // a change surely at or after the switch does not matter
      .map((change) => ({ lead: Math.max(0, change.span.low), ttl: change.ttl }));
    const switchAt = Math.max(0, ...leads.map((change) => change.lead));
    oldMxWindow = worstCaseOldMxWindow({
      switchAt,
      initialTtl: config.dns.initialMxTtl,
      ttlChanges: leads.map((change) => ({ at: switchAt - change.lead, ttl: change.ttl })),
      mix: config.dns.resolverMix,
    });
  }
  bounds.removalWait = {
    low: Math.max(MINIMUM_WAIT_AFTER_SWITCH, oldMxWindow),
    high: Math.max(MINIMUM_WAIT_AFTER_SWITCH, oldMxWindow + finalPassBound(config)),
  };
  return { steps, anchors, bounds, oldMxWindow, ttlChanges };
}

export const ARTICLE_MAX_TTL: Millis = HOUR; // CUT "Optional: Reduce email delays": 3,600 s or less
