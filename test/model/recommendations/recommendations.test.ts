import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { MINIMUM_WAIT_AFTER_SWITCH, simulate } from '../../../model/index.js';
import type { KeyTimes } from '../../../model/result.js';
import { recommendationFindings, recommendFromRuns, RECOMMENDATION_RULES, withRecommendations } from '../../../model/recommendations/index.js';
import { checkPlan } from '../../../model/checker/index.js';
import { DAY, HOUR } from '../../../sim/index.js';
import { smallConfig } from '../../fixtures/config.js';

const time = fc.option(fc.integer({ min: 0, max: 40 * DAY }), { nil: null });
const keyTimes: fc.Arbitrary<KeyTimes> = fc.record({
  initialSyncDoneAt: time, mxSwitchedAt: time, batchRemovedAt: time, decommissionedAt: time,
  licensesAssignedAt: time, firstProvisionedAt: time, removalSafeAt: time,
});
const config = smallConfig();
const steps = fc.subarray(['switchMx', 'removeBatch', 'assignLicenses'] as const);

describe('recommendations for this plan', () => {
  test.prop([fc.array(keyTimes, { minLength: 1, maxLength: 6 }), steps], { numRuns: 200 })(
    'only for steps the plan takes and batches that synced, in the order a cutover takes them',
    (runs, taken) => {
      const plan = config.plan.filter((action) => !['switchMx', 'removeBatch'].includes(action.action) || (taken as readonly string[]).includes(action.action));
      const rec = recommendFromRuns({ ...config, plan }, runs);
      expect(rec.seeds).toBe(runs.length);
      expect(rec.syncedSeeds).toBe(runs.filter((run) => run.initialSyncDoneAt !== null).length);
      if (rec.syncedSeeds === 0) expect(rec.initialSyncDoneAt).toBeNull();
      if (rec.initialSyncDoneAt === null) {
        expect(rec.earliestSafeMxSwitchAt).toBeNull();
        expect(rec.earliestSafeBatchRemovalAt).toBeNull();
        return;
      }
      expect(rec.initialSyncDoneAt.p50).toBeLessThanOrEqual(rec.initialSyncDoneAt.p90);
      if (!taken.includes('switchMx')) expect(rec.earliestSafeMxSwitchAt).toBeNull();
      else expect(rec.earliestSafeMxSwitchAt).toBeGreaterThanOrEqual(rec.initialSyncDoneAt.p90);
      if (!taken.includes('removeBatch') || !taken.includes('switchMx')) expect(rec.earliestSafeBatchRemovalAt).toBeNull();
      else expect(rec.earliestSafeBatchRemovalAt).toBeGreaterThanOrEqual(rec.earliestSafeMxSwitchAt! + MINIMUM_WAIT_AFTER_SWITCH);
    },
  );

  test.prop([fc.array(keyTimes, { minLength: 1, maxLength: 4 }), keyTimes], { numRuns: 200 })(
    'a recommendation the run did not follow is a finding, and only then',
    (others, observed) => {
      const rec = recommendFromRuns(config, [observed, ...others]);
      const rules = recommendationFindings(observed, rec).map((finding) => finding.rule);
      const early = (at: number | null, bound: number | null) => at !== null && bound !== null && at < bound;
      expect(rules.includes(RECOMMENDATION_RULES[0])).toBe(early(observed.mxSwitchedAt, rec.earliestSafeMxSwitchAt));
      expect(rules.includes(RECOMMENDATION_RULES[1])).toBe(early(observed.batchRemovedAt, rec.earliestSafeBatchRemovalAt));
      expect(rules.includes(RECOMMENDATION_RULES[2])).toBe(early(rec.latestLicenseAt, observed.licensesAssignedAt));
    },
  );

  test('a run, its recommendations and the checker agree on the textbook plan', () => {
    const cfg = smallConfig();
    const own = simulate(cfg);
    const result = withRecommendations(cfg, own, [simulate({ ...cfg, seed: cfg.seed + 1 })]);
    expect(result.recommendations.seeds).toBe(2);
    expect(result.keyTimes).toEqual(own.keyTimes);
    // The plan follows the checker and removes the batch when the twin says it is safe: no error anywhere.
    expect(checkPlan(cfg).filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(result.keyTimes.mxSwitchedAt).toBeGreaterThan(result.keyTimes.initialSyncDoneAt!);
    expect(result.keyTimes.batchRemovedAt).toBeGreaterThanOrEqual(result.keyTimes.mxSwitchedAt! + 72 * HOUR);
    // Recomputing replaces the recommendation findings instead of adding to them.
    const again = withRecommendations(cfg, result, []);
    const count = (findings: typeof result.findings) => findings.filter((finding) => (RECOMMENDATION_RULES as readonly string[]).includes(finding.rule)).length;
    expect(count(again.findings)).toBe(count(recommendationFindings(again.keyTimes, again.recommendations)));
  });

  test('a run whose batch never synced recommends nothing but the license deadline it observed', () => {
    const cfg = smallConfig({ organisation: { ...smallConfig().organisation, server: { ...smallConfig().organisation.server, rpcPorts6001To6004Open: false, version: '2003' } } });
    const result = simulate(cfg);
    expect(result.keyTimes.initialSyncDoneAt).toBeNull();
    expect(result.recommendations).toMatchObject({ initialSyncDoneAt: null, earliestSafeMxSwitchAt: null, earliestSafeBatchRemovalAt: null, syncedSeeds: 0 });
  });
});
