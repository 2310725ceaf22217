import { describe, expect, it } from 'vitest';
import { recommend } from '../../../model/checker/index.js';
import { simulate } from '../../../model/index.js';
import { keyTimesOf } from '../../../model/recommendations/index.js';
import { DAY, HOUR } from '../../../sim/index.js';
import { textbookWith } from './helpers.js';
import { loadScenario } from '../../../scenarios/index.js';

describe('recommend (this plan over seeds)', () => {
  const config = { ...textbookWith({}, 'horizon: 9d'), seed: 3 };
  const runs = [3, 4, 5].map((seed) => simulate({ ...config, seed }));
  const result = recommend(config, { seeds: 3, runs });

  it('says how many seeds it used, and takes P50 ≤ P90 from the runs of this plan', () => {
    expect(result.seeds).toBe(3);
    expect(result.syncedSeeds).toBe(3);
    const synced = runs.map((run) => keyTimesOf(run).initialSyncDoneAt!).sort((a, b) => a - b);
    expect(result.initialSyncDoneAt).toEqual({ p50: synced[1], p90: synced[2] });
  });

  it('reuses the runs it is given and simulates the rest the same way', () => {
    expect(recommend(config, { seeds: 3, runs: runs.slice(0, 1) })).toEqual(result);
  });

  it('the switch waits for the sync (P90) and a full old TTL after lowering it', () => {
    expect(result.earliestSafeMxSwitchAt).toBeGreaterThanOrEqual(result.initialSyncDoneAt!.p90);
    expect(result.earliestSafeMxSwitchAt).toBeGreaterThanOrEqual(config.dns.initialMxTtl);
  });

  it('the removal comes at least 72 h after the recommended switch', () => {
    expect(result.earliestSafeBatchRemovalAt).toBeGreaterThanOrEqual(result.earliestSafeMxSwitchAt! + 72 * HOUR);
  });

  it('licenses before the 30-day grace ends', () => {
    expect(result.latestLicenseAt).toBeLessThan(31 * DAY);
    expect(result.latestLicenseAt).toBeGreaterThan(29 * DAY);
  });

  it('no times for a batch that never synced, and none for steps the plan does not take', () => {
    const broken = loadScenario('exchange-2003-ports-closed').config;
    const none = recommend(broken, { seeds: 1 });
    expect(none).toMatchObject({ initialSyncDoneAt: null, earliestSafeMxSwitchAt: null, earliestSafeBatchRemovalAt: null, seeds: 1, syncedSeeds: 0 });
    const noSwitch = recommend(textbookWith({ 'switch-mx': null, 'remove-batch': null, decommission: null }, 'horizon: 4d'), { seeds: 1 });
    expect(noSwitch.initialSyncDoneAt).not.toBeNull();
    expect(noSwitch.earliestSafeMxSwitchAt).toBeNull();
    expect(noSwitch.earliestSafeBatchRemovalAt).toBeNull();
  });
});
