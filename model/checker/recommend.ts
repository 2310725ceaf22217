import { HOUR, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import { worstCaseOldMxWindow } from '../dns/index.js';
import { MINIMUM_WAIT_AFTER_SWITCH } from '../plan/index.js';
import type { Recommendations } from '../result.js';
import { finalPassBound } from './estimates.js';
import { range } from './moment.js';
import { initialSyncDuration } from './sync-only.js';
import { ARTICLE_MAX_TTL, buildTimeline, first } from './timeline.js';

export interface RecommendOptions {
  /** How many seeds to sample the initial sync over (default 5, from the scenario's seed on). */
  seeds?: number;
}

/** Margin kept before the license grace ends (assumption: an hour to spare). */
const LICENSE_MARGIN: Millis = HOUR;

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;

/**
 * The moments a planner asks for, computed from the scenario: when the initial sync is
 * done (P50/P90 over seeds, from a sync-only run of the migration service), the earliest
 * safe MX switch (sync done at P90, and a full old-TTL period after the TTL is lowered),
 * the earliest safe batch deletion after that switch (the checker's conservative wait),
 * and the latest license assignment (before the first mailbox's 30-day grace can end).
 * Times are from T+0, using the plan's batch start (T+0 when the plan has none).
 */
export function recommend(config: SimulationConfig, options: RecommendOptions = {}): Recommendations {
  const timeline = buildTimeline(config);
  const started = timeline.anchors.batchStarted;
  const startAt = started ? range(started, timeline.bounds).high : 0;
  const seeds = Math.max(1, Math.floor(options.seeds ?? 5));
  const durations: number[] = [];
  for (let offset = 0; offset < seeds; offset++) {
    const duration = initialSyncDuration(config, config.seed + offset);
    if (duration !== undefined) durations.push(duration);
  }
  durations.sort((a, b) => a - b);
  const initialSyncDoneAt = durations.length === 0 ? null : { p50: startAt + percentile(durations, 0.5), p90: startAt + percentile(durations, 0.9) };

  // The TTL condition: lowered to 1 h at the planned moment (or now), then one old TTL must pass (dns §7.1).
  const lowering = timeline.ttlChanges.filter((change) => change.ttl <= ARTICLE_MAX_TTL).map((change) => range(change.moment, timeline.bounds).high);
  const loweredAt = config.dns.initialMxTtl <= ARTICLE_MAX_TTL ? 0 : Math.min(...lowering, Infinity);
  const ttlReadyAt = config.dns.initialMxTtl <= ARTICLE_MAX_TTL ? 0 : (Number.isFinite(loweredAt) ? loweredAt : 0) + config.dns.initialMxTtl;
  const earliestSafeMxSwitchAt = initialSyncDoneAt === null ? null : Math.max(initialSyncDoneAt.p90, ttlReadyAt);

  const plannedSwitch = first(timeline, 'switchMx')?.moment;
  const switchAt = plannedSwitch ? range(plannedSwitch, timeline.bounds).high : earliestSafeMxSwitchAt;
  let earliestSafeBatchRemovalAt: Millis | null = null;
  if (switchAt !== null) {
    const changes = timeline.ttlChanges.map((change) => ({ at: Math.min(switchAt, range(change.moment, timeline.bounds).high), ttl: change.ttl }));
    if (!Number.isFinite(loweredAt) && config.dns.initialMxTtl > ARTICLE_MAX_TTL) changes.push({ at: 0, ttl: ARTICLE_MAX_TTL });
    const window = worstCaseOldMxWindow({ switchAt, initialTtl: config.dns.initialMxTtl, ttlChanges: changes, mix: config.dns.resolverMix });
    earliestSafeBatchRemovalAt = switchAt + Math.max(MINIMUM_WAIT_AFTER_SWITCH, window + finalPassBound(config));
  }
  const latestLicenseAt = startAt + config.migration.queueDelayMin + config.tenant.licenseGrace - LICENSE_MARGIN;
  return { initialSyncDoneAt, earliestSafeMxSwitchAt, earliestSafeBatchRemovalAt, latestLicenseAt };
}
