import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../../sim/index.js';
import { recommendationFindings } from '../../../model/recommendations/index.js';
import type { KeyTimes, Recommendations } from '../../../model/result.js';

const observed = (times: Partial<KeyTimes>): KeyTimes => ({
  initialSyncDoneAt: null, mxSwitchedAt: null, batchRemovedAt: null, decommissionedAt: null, licensesAssignedAt: null, firstProvisionedAt: null, removalSafeAt: null, ...times,
});
const recommended: Recommendations = {
  initialSyncDoneAt: { p50: 5 * HOUR, p90: 6 * HOUR }, earliestSafeMxSwitchAt: 7 * HOUR, earliestSafeBatchRemovalAt: 4 * DAY, latestLicenseAt: 10 * DAY, seeds: 3, syncedSeeds: 3,
};

/** The three plan.* findings: a recommendation this run's plan did not follow. */
describe('recommendationFindings', () => {
  it('plan.mx-switched-before-recommended: a switch before the earliest safe one, times to the minute', () => {
    const [finding, ...rest] = recommendationFindings(observed({ mxSwitchedAt: 2 * HOUR + 12 * MINUTE + 20 * SECOND }), recommended);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'plan.mx-switched-before-recommended', severity: 'warning', at: 2 * HOUR + 12 * MINUTE + 20 * SECOND, step: 'Step 5: Route your email directly to Microsoft 365 or Office 365' });
    expect(finding!.message).toBe('the MX was switched at T+2h12m, before the earliest safe switch T+7h (initial sync done at P90 and a full old TTL after lowering it, over 3 seeds of this plan)');
  });

  it('plan.batch-removed-before-recommended: a removal before the earliest safe one', () => {
    const [finding, ...rest] = recommendationFindings(observed({ batchRemovedAt: 3 * DAY }), { ...recommended, seeds: 1 });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'plan.batch-removed-before-recommended', severity: 'warning', at: 3 * DAY, message: 'the batch was removed at T+3d, before the earliest safe removal T+4d (over 1 seed of this plan)' });
  });

  it('plan.licenses-after-recommended: licenses after the latest safe assignment', () => {
    const [finding, ...rest] = recommendationFindings(observed({ licensesAssignedAt: 11 * DAY }), recommended);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'plan.licenses-after-recommended', severity: 'warning', at: 11 * DAY, message: "licenses were assigned at T+11d, after the latest safe assignment T+10d (the first mailbox's license grace ends then)" });
  });

  it('nothing at the recommended moments themselves, nor when a moment or a recommendation is missing', () => {
    expect(recommendationFindings(observed({ mxSwitchedAt: 7 * HOUR, batchRemovedAt: 4 * DAY, licensesAssignedAt: 10 * DAY }), recommended)).toEqual([]);
    expect(recommendationFindings(observed({}), recommended)).toEqual([]);
    const none: Recommendations = { ...recommended, earliestSafeMxSwitchAt: null, earliestSafeBatchRemovalAt: null, latestLicenseAt: null };
    expect(recommendationFindings(observed({ mxSwitchedAt: 0, batchRemovedAt: 0, licensesAssignedAt: 30 * DAY }), none)).toEqual([]);
  });
});
