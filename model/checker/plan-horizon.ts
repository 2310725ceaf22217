import { DAY, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import { DEFAULT_SCENARIO } from '../defaults.js';
import { finalPassBound } from './estimates.js';
import { range } from './moment.js';
import { lastOnPremLanding } from './rules-horizon.js';
import { buildTimeline } from './timeline.js';

/**
 * Margin simulated after the plan's last step (assumption, a parameter of `planHorizon`):
 * longer than the generated traffic's quiet day before the horizon plus the senders' usual
 * first retries, so mail sent around the last step settles inside the run.
 */
export const PLAN_HORIZON_MARGIN: Millis = 3 * DAY;
/** Nothing is simulated beyond this when no horizon is given (assumption: a year). */
const LONGEST: Millis = 365 * DAY;

export interface PlanHorizon {
  horizon: Millis;
  /** The latest moment the plan's last step (and the final pass it needs) can come, from the checker's bounds. */
  planEndsBy: Millis;
  margin: Millis;
}

/**
 * The horizon for a scenario that gives none: the whole plan at its latest (the checker's
 * pessimistic bounds on the initial sync and the recommended removal), and, when the batch
 * keeps running, the last sync pass that copies mail still landing on-prem, plus a margin.
 * Nothing a planner sees then depends on where an arbitrary horizon cut the run.
 */
export function planHorizon(config: SimulationConfig, margin: Millis = PLAN_HORIZON_MARGIN): PlanHorizon {
  if (config.plan.length === 0) return { horizon: DEFAULT_SCENARIO.horizon, planEndsBy: 0, margin: 0 };
  const open = { ...config, horizon: LONGEST };
  const timeline = buildTimeline(open);
  const { anchors, bounds } = timeline;
  const ends: Millis[] = [0];
  for (const step of timeline.steps) if (step.moment) ends.push(range(step.moment, bounds).high);
  if (anchors.batchRemoved) ends.push(range(anchors.batchRemoved, bounds).high);
  if (anchors.initialSyncDone) {
    const syncDone = range(anchors.initialSyncDone, bounds).high;
    ends.push(syncDone);
    if (!anchors.batchRemoved) {
      // The batch keeps syncing: cover the pass that copies the last mail landing on-prem, when that mail stops.
      const landing = lastOnPremLanding(open, timeline);
      // A landing that only the open horizon cuts never ends (no switch): then the plan's steps decide.
      const cutByPlan = landing !== undefined && landing < LONGEST - 30 * DAY;
      if (cutByPlan) ends.push(Math.max(landing, syncDone) + finalPassBound(config));
    }
  }
  const planEndsBy = Math.min(LONGEST, Math.max(...ends.filter(Number.isFinite)));
  return { horizon: Math.min(LONGEST, Math.ceil((planEndsBy + margin) / DAY) * DAY), planEndsBy, margin };
}
