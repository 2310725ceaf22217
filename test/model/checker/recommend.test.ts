import { describe, expect, it } from 'vitest';
import { recommend } from '../../../model/checker/index.js';
import { initialSyncDuration } from '../../../model/checker/sync-only.js';
import { DAY, HOUR } from '../../../sim/index.js';
import { textbookWith } from './helpers.js';
import { loadScenario } from '../../../scenarios/index.js';

describe('recommend', () => {
  const config = textbookWith({});
  const result = recommend(config, { seeds: 4 });

  it('gives the initial sync P50 ≤ P90, after the planned batch start', () => {
    expect(result.initialSyncDoneAt).not.toBeNull();
    const { p50, p90 } = result.initialSyncDoneAt!;
    expect(p50).toBeGreaterThan(40 * 60 * 1000);
    expect(p90).toBeGreaterThanOrEqual(p50);
  });

  it('the sync-only run is deterministic per seed and differs across seeds', () => {
    expect(initialSyncDuration(config, 1)).toBe(initialSyncDuration(config, 1));
    const durations = new Set([1, 2, 3, 4].map((seed) => initialSyncDuration(config, seed)));
    expect(durations.size).toBeGreaterThan(1);
  });

  it('the switch waits for the sync (P90) and a full old TTL after lowering it', () => {
    expect(result.earliestSafeMxSwitchAt).toBeGreaterThanOrEqual(result.initialSyncDoneAt!.p90);
    expect(result.earliestSafeMxSwitchAt).toBeGreaterThanOrEqual(config.dns.initialMxTtl);
  });

  it('the removal comes at least 72 h after the switch', () => {
    expect(result.earliestSafeBatchRemovalAt).toBeGreaterThanOrEqual(result.earliestSafeMxSwitchAt! + 72 * HOUR);
  });

  it('licenses before the 30-day grace ends', () => {
    expect(result.latestLicenseAt).toBeLessThan(30 * DAY + HOUR);
    expect(result.latestLicenseAt).toBeGreaterThan(29 * DAY);
  });

  it('no sync estimate when the endpoint cannot be created', () => {
    const broken = loadScenario('exchange-2003-ports-closed').config;
    expect(recommend(broken, { seeds: 1 }).initialSyncDoneAt).toBeNull();
  });
});
