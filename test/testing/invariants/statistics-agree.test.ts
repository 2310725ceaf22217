import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../../model/result.js';
import { statisticsAgree } from '../../../testing/invariants/index.js';
import { fixtureResult } from '../../fixtures/simulation-result.js';
import { builtinRun } from '../../fixtures/builtin-runs.js';

/** The fixture with one change to its first user's statistics, its batch or its mailbox totals. */
function doctored(change: (result: SimulationResult) => void): SimulationResult {
  const result = structuredClone(fixtureResult());
  change(result);
  return result;
}

describe('statisticsAgree', () => {
  it('holds on the fixture and on a real run', () => {
    expect(statisticsAgree(fixtureResult())).toEqual({ ok: true });
    expect(statisticsAgree(builtinRun('textbook'))).toEqual({ ok: true });
  });

  it.each<[string, (result: SimulationResult) => void, RegExp]>([
    ['more synced than the source holds', (result) => { result.migrationStatistics.users[0]!.TotalItemsInSourceMailboxCount = 10; }, /items synced .* but the source mailbox holds 10/],
    ['more bytes than the source', (result) => { result.migrationStatistics.users[0]!.EstimatedTotalTransferSize = 1; }, /bytes transferred of a source of 1$/],
    ['a negative count', (result) => { result.migrationStatistics.users[0]!.SkippedItemCount = -1; }, /skipped is -1/],
    ['100 % before the initial copy is done', (result) => { result.migrationStatistics.users[0]!.InitialSeedingCompletedTime = null; }, /PercentageComplete 100 with InitialSeedingCompletedTime null/],
    ['batch counts that do not add up', (result) => { result.migrationStatistics.batch!.SyncedCount += 1; }, /Active .* but 2 users have started/],
    ['failed counts that do not add up', (result) => { result.migrationStatistics.batch!.FailedIncrementalSyncCount += 1; }, /≠ FailedCount/],
    ['a total that is not the users', (result) => { result.migrationStatistics.batch!.TotalCount = 3; }, /TotalCount 3, but 2 migration users/],
    ['an outcome the statistics disagree with', (result) => { result.mailboxes.outcomes[0]!.itemsSynced += 1; }, /the statistics .* and the outcome .* differ/],
    ['more synced and failed than mailboxes', (result) => { result.mailboxes.synced = 2; }, /2 mailboxes synced and 1 failed of 2/],
  ])('is broken by %s', (_name, change, message) => {
    const result = statisticsAgree(doctored(change));
    expect(result).toMatchObject({ ok: false, invariant: 'statistics-agree' });
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
