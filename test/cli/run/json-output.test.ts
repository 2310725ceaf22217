import { describe, expect, test } from 'vitest';
import { runJson } from '../../../cli/index.js';
import { fixtureResult } from '../../fixtures/simulation-result.js';

describe('runJson', () => {
  test('has exactly the documented fields and no mailbox details', () => {
    const json = runJson(fixtureResult());
    expect(json.findings[0]).toEqual({ rule: 'preflight.hidden-mailboxes', severity: 'error', at: null, message: 'bob@contoso.com is hidden' });
    expect(json.findings[1]).toMatchObject({ at: 30 * 3_600_000, atIso: '2025-03-02T14:00:00.000Z' });
    expect(Object.keys(json.recommendations)).toEqual([
      'initialSyncDoneAt', 'earliestSafeMxSwitchAt', 'earliestSafeMxSwitchAtIso', 'earliestSafeBatchRemovalAt', 'earliestSafeBatchRemovalAtIso', 'latestLicenseAt', 'latestLicenseAtIso',
      'seeds', 'syncedSeeds',
    ]);
    expect(json.keyTimes).toMatchObject({ initialSyncDoneAt: 20 * 3_600_000, mxSwitchedAt: 24 * 3_600_000, batchRemovedAt: 30 * 3_600_000, decommissionedAt: null });
    expect(json.keyTimes.mxSwitchedAtIso).toBe('2025-03-02T08:00:00.000Z');
    expect(JSON.stringify(json)).not.toContain('outcomes');
  });

  test('without a start date there are no ISO fields; missing recommendations are null', () => {
    const json = runJson(fixtureResult({
      startDate: undefined,
      recommendations: { initialSyncDoneAt: null, earliestSafeMxSwitchAt: null, earliestSafeBatchRemovalAt: null, latestLicenseAt: 5, seeds: 3, syncedSeeds: 0 },
    }));
    expect(JSON.stringify(json)).not.toMatch(/Iso|startDate/);
    expect(json.recommendations).toEqual({ initialSyncDoneAt: null, earliestSafeMxSwitchAt: null, earliestSafeBatchRemovalAt: null, latestLicenseAt: 5, seeds: 3, syncedSeeds: 0 });
  });
});
