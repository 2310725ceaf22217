import { HOUR, type Millis } from '../../sim/index.js';
import type { ActionType, SimulationConfig } from '../config.js';
import { worstCaseOldMxWindow } from '../dns/index.js';
import { MINIMUM_WAIT_AFTER_SWITCH } from '../plan/index.js';
import type { KeyTimes, Recommendations } from '../result.js';
import { finalPassBound } from '../checker/estimates.js';
import { range } from '../checker/moment.js';
import { ARTICLE_MAX_TTL, buildTimeline } from '../checker/timeline.js';

/** Margin kept before the license grace ends (assumption: an hour to spare). */
export const LICENSE_MARGIN: Millis = HOUR;

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;

const sortedValues = (values: readonly (Millis | null)[]): Millis[] => values.filter((value): value is Millis => value !== null).sort((a, b) => a - b);

export const planTakes = (config: SimulationConfig, action: ActionType): boolean => config.plan.some((step) => step.action === action);

/** When a full old MX TTL has run out after the plan lowers it to the article's hour (0 when it is already low). */
function ttlReadyAt(config: SimulationConfig): Millis {
  if (config.dns.initialMxTtl <= ARTICLE_MAX_TTL) return 0;
  const timeline = buildTimeline(config);
  const lowering = timeline.ttlChanges.filter((change) => change.ttl <= ARTICLE_MAX_TTL).map((change) => range(change.moment, timeline.bounds).high);
  const loweredAt = Math.min(...lowering, Infinity);
  return (Number.isFinite(loweredAt) ? loweredAt : 0) + config.dns.initialMxTtl;
}

/** A closed-form safe removal after a switch at `switchAt`: 72 h, or the old-MX window plus a final pass. */
function closedFormRemoval(config: SimulationConfig, switchAt: Millis): Millis {
  const timeline = buildTimeline(config);
  const changes = timeline.ttlChanges.map((change) => ({ at: Math.min(switchAt, range(change.moment, timeline.bounds).high), ttl: change.ttl }));
  const window = worstCaseOldMxWindow({ switchAt, initialTtl: config.dns.initialMxTtl, ttlChanges: changes, mix: config.dns.resolverMix });
  return switchAt + Math.max(MINIMUM_WAIT_AFTER_SWITCH, window + finalPassBound(config));
}

/**
 * The recommended times for this plan from runs of it over several seeds (`runs`, the key
 * times each observed). Each is given only when the plan takes the step and some run synced
 * the batch: initial sync done at P50/P90 of the runs that synced; the MX switch no earlier
 * than that P90 and a full old TTL after the plan lowers it (dns §7.1); the batch removal at
 * the P90 of the moments the runs judged it safe (72 h after the switch and a pass after the
 * last old-host delivery; closed form when no run reached it), never before the recommended
 * switch plus 72 h (CUT step 5); licenses an hour before the first mailbox's grace can end.
 */
export function recommendFromRuns(config: SimulationConfig, runs: readonly KeyTimes[]): Recommendations {
  const synced = sortedValues(runs.map((run) => run.initialSyncDoneAt));
  const base: Recommendations = {
    initialSyncDoneAt: null, earliestSafeMxSwitchAt: null, earliestSafeBatchRemovalAt: null, latestLicenseAt: null,
    seeds: runs.length, syncedSeeds: synced.length,
  };
  const provisioned = sortedValues(runs.map((run) => run.firstProvisionedAt));
  if (provisioned.length > 0) base.latestLicenseAt = provisioned[0]! + config.tenant.licenseGrace - LICENSE_MARGIN;
  if (synced.length === 0) return base;
  base.initialSyncDoneAt = { p50: percentile(synced, 0.5), p90: percentile(synced, 0.9) };
  if (!planTakes(config, 'switchMx')) return base;
  const switchAt = Math.max(base.initialSyncDoneAt.p90, ttlReadyAt(config));
  base.earliestSafeMxSwitchAt = switchAt;
  if (!planTakes(config, 'removeBatch')) return base;
  const judged = sortedValues(runs.map((run) => run.removalSafeAt));
  const switches = sortedValues(runs.map((run) => run.mxSwitchedAt));
  const fromRuns = judged.length > 0
    ? percentile(judged, 0.9)
    : closedFormRemoval(config, switches.length > 0 ? percentile(switches, 0.9) : switchAt);
  base.earliestSafeBatchRemovalAt = Math.max(fromRuns, switchAt + MINIMUM_WAIT_AFTER_SWITCH);
  return base;
}
