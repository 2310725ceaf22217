import { describe, expect, it } from 'vitest';
import { DAY } from '../../../sim/index.js';
import { createSimulation, simulate } from '../../../model/index.js';
import { dataConsistencyScore, worstScore } from '../../../model/migration/index.js';
import { createAndStart, deterministic, FakeSource, FakeTenant, harness, mailbox, mailboxes, makeConfig } from './fixtures.js';
import { builtinScenarioNames } from '../../../scenarios/index.js';
import { builtinRun, builtinScenario } from '../../fixtures/builtin-runs.js';
import { statisticsAgree } from '../../../testing/invariants/index.js';

/**
 * Get-MigrationUserStatistics and Get-MigrationBatch with the cmdlets' field names, built
 * from the same records as the result's mailbox outcomes (one truth), with the
 * DataConsistencyScore graded from skipped large and bad items (DCS).
 */
describe('migration statistics', () => {
  it('grades DataConsistencyScore from skipped items and gives the batch its worst user', () => {
    expect(dataConsistencyScore(0, 1_000)).toBe('Perfect');
    expect(dataConsistencyScore(5, 1_000)).toBe('Investigate');
    expect(dataConsistencyScore(50, 1_000)).toBe('Poor');
    expect(worstScore(['Perfect', 'Investigate', 'Perfect'])).toBe('Investigate');
    expect(worstScore([])).toBe('Perfect');
  });

  it('a run reports each user with the real field names, the same figures as the outcomes, and the batch counts', () => {
    const config = makeConfig([
      mailbox('clean@contoso.com'),
      mailbox('few@contoso.com', { itemCount: 1_000, largeItems: 3, badItems: 1 }),
      mailbox('many@contoso.com', { itemCount: 1_000, largeItems: 40 }),
      mailbox('hidden@contoso.com', { hidden: true }),
    ], (c) => {
      deterministic(c);
      c.plan = [
        { action: 'createEndpoint', timing: { at: 0 } },
        { action: 'createBatch', autoStart: true, timing: { at: 0 } },
      ];
      c.horizon = 3 * DAY;
    });
    const result = simulate(config);
    const { batch, users } = result.migrationStatistics;
    const byId = new Map(users.map((user) => [user.Identity, user]));
    expect(byId.get('clean@contoso.com')).toMatchObject({ Status: 'Synced', StatusSummary: 'Synced', SkippedItemCount: 0, DataConsistencyScore: 'Perfect', PercentageComplete: 100, ErrorSummary: null });
    expect(byId.get('few@contoso.com')).toMatchObject({ SkippedItemCount: 4, DataConsistencyScore: 'Investigate', SkippedItems: [{ Kind: 'LargeItem', Count: 3 }, { Kind: 'CorruptItem', Count: 1 }] });
    expect(byId.get('many@contoso.com')).toMatchObject({ SkippedItemCount: 40, DataConsistencyScore: 'Poor' });
    expect(byId.get('hidden@contoso.com')).toMatchObject({ Status: 'Failed', StatusSummary: 'Failed', ErrorSummary: expect.stringMatching(/couldn't be found/) });
    // One truth: the same numbers as the mailbox outcomes.
    for (const outcome of result.mailboxes.outcomes) {
      const user = byId.get(outcome.address)!;
      expect([user.SyncedItemCount, user.BytesTransferred, user.PercentageComplete, user.LastSuccessfulSyncTime]).toEqual([outcome.itemsSynced, outcome.bytesSynced, outcome.percentComplete, outcome.lastSuccessfulSyncAt ?? null]);
    }
    expect(batch).toMatchObject({
      Identity: 'CutoverBatch', Status: 'SyncedWithErrors', MigrationType: 'ExchangeOutlookAnywhere', TotalCount: 4, SyncedCount: 3,
      FailedCount: 1, FailedInitialSyncCount: 1, FailedIncrementalSyncCount: 0, FinalizedCount: 0, ProvisionedCount: 3, DataConsistencyScore: 'Poor',
    });
    expect(batch!.TotalCount).toBe(result.batch.counts.total);
    expect(batch!.SyncedCount).toBe(result.batch.counts.synced);
    expect(batch!.FailedCount).toBe(result.batch.counts.failed);
    expect(batch!.InitialSyncDuration).toBe(result.batch.initialSyncDuration);
    expect(batch!.LastSyncedDateTime).toBe(result.batch.lastSyncedAt);
  });

  it('the live snapshot (dashboard) and the result give the same statistics', () => {
    const config = makeConfig(mailboxes(3, { largeItems: 2 }), (c) => {
      deterministic(c);
      c.plan = [{ action: 'createEndpoint', timing: { at: 0 } }, { action: 'createBatch', autoStart: true, timing: { at: 0 } }];
      c.horizon = 2 * DAY;
    });
    const simulation = createSimulation(config);
    simulation.runUntil(DAY);
    const live = simulation.snapshot().migrationStatistics!;
    expect(live.batch?.Status).toBe('Synced');
    simulation.runUntil(config.horizon);
    expect(simulation.snapshot().migrationStatistics).toEqual(simulation.result().migrationStatistics);
    expect(simulation.result().migrationStatistics.users.map((user) => user.SkippedItemCount)).toEqual([2, 2, 2]);
  });

  it('counts failed incremental syncs apart and keeps each user\'s last successful sync', () => {
    const source = new FakeSource();
    const h = harness(makeConfig(mailboxes(2), deterministic), new FakeTenant(), source);
    createAndStart(h);
    h.scheduler.runUntil(2 * DAY);
    const lastGood = h.service.lastSuccessfulSync('user0@contoso.com')!;
    expect(lastGood.snapshotAt).toBeLessThanOrEqual(lastGood.completedAt);
    source.down = 'refused';
    h.scheduler.runUntil(4 * DAY);
    const { batch, users } = h.service.migrationStatistics();
    expect(batch).toMatchObject({ Status: 'SyncedWithErrors', FailedCount: 2, FailedIncrementalSyncCount: 2, FailedInitialSyncCount: 0 });
    expect(users.every((user) => user.Status === 'IncrementalFailed' && user.LastSuccessfulSyncTime === lastGood.completedAt)).toBe(true);
    expect(h.service.lastSuccessfulSync('user0@contoso.com')).toEqual(lastGood);
  });

  // The source grows by the mail that lands on it, so the service never reports more synced than the source holds.
  it.each([...builtinScenarioNames()].filter((name) => name !== 'max'))('%s: no user has more synced and skipped than its source mailbox holds, in items or bytes', (name) => {
    expect(statisticsAgree(builtinRun(name))).toEqual({ ok: true });
  });

  it('the source totals grow by the mail that landed on-prem, and a user synced to the end has all of it', () => {
    const result = builtinRun('textbook');
    const mailbox = builtinScenario('textbook').config.organisation.recipients.find((recipient) => recipient.address === 'user0001@contoso.com');
    const user = result.migrationStatistics.users.find((entry) => entry.Identity === 'user0001@contoso.com')!;
    expect(mailbox?.kind).toBe('mailbox');
    if (mailbox?.kind !== 'mailbox') return;
    expect(user.TotalItemsInSourceMailboxCount).toBeGreaterThan(mailbox.itemCount);
    expect(user.EstimatedTotalTransferSize).toBeGreaterThan(mailbox.sizeBytes);
    expect(user.SyncedItemCount + user.SkippedItemCount).toBe(user.TotalItemsInSourceMailboxCount);
    expect(user.BytesTransferred).toBe(user.EstimatedTotalTransferSize);
  });
});
