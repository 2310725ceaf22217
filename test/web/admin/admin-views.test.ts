import { describe, expect, test } from 'vitest';
import type { MigrationBatchStatistics, MigrationUserStatistics } from '../../../model/result.js';
import { batchListRows, findUser, userDetailFields } from '../../../web/src/admin/admin-views.js';
import { toView } from '../../../web/src/session/from-snapshot.js';
import { createSimulation } from '../../../model/simulation.js';
import { smallConfig } from '../../fixtures/config.js';

const user = (overrides: Partial<MigrationUserStatistics> = {}): MigrationUserStatistics => ({
  Identity: 'ann@contoso.com', RecipientType: 'Mailbox', Status: 'Synced', StatusSummary: 'Synced',
  SyncedItemCount: 1234, SkippedItemCount: 0, SkippedItems: [], BytesTransferred: 104_857_600,
  TotalItemsInSourceMailboxCount: 1234, EstimatedTotalTransferSize: 104_857_600, PercentageComplete: 100,
  InitialSeedingCompletedTime: 3_600_000, LastSuccessfulSyncTime: 90_000_000, ErrorSummary: null, DataConsistencyScore: 'Perfect',
  ...overrides,
});

const batch = (overrides: Partial<MigrationBatchStatistics> = {}): MigrationBatchStatistics => ({
  Identity: 'CutoverBatch', Status: 'SyncedWithErrors', MigrationType: 'ExchangeOutlookAnywhere', TotalCount: 40, ActiveCount: 0, StoppedCount: 0,
  SyncedCount: 35, FinalizedCount: 0, FailedCount: 5, FailedInitialSyncCount: 5, FailedIncrementalSyncCount: 0, PendingCount: 0, ProvisionedCount: 35,
  CreationDateTime: 0, StartDateTime: 0, InitialSyncDateTime: 1, InitialSyncDuration: 1, LastSyncedDateTime: 1, DataConsistencyScore: 'Perfect',
  ...overrides,
});

const byField = (fields: ReturnType<typeof userDetailFields>) => Object.fromEntries(fields.map((field) => [field.field, field]));

describe('the admin center views', () => {
  test('the batch list shows Get-MigrationBatch\'s name, status and counts; no batch, or a deleted one, is no row', () => {
    expect(batchListRows({ batch: batch(), users: [] })).toEqual([{ name: 'CutoverBatch', status: 'SyncedWithErrors', total: 40, synced: 35, finalized: 0, failed: 5 }]);
    expect(batchListRows({ batch: null, users: [] })).toEqual([]);
    expect(batchListRows(undefined)).toEqual([]);
    expect(batchListRows({ batch: batch({ Status: 'Deleted' }), users: [] })).toEqual([]);
    expect(batchListRows({ batch: batch({ Status: 'Removing' }), users: [] })[0]?.status).toBe('Removing');
  });

  test('the details pane shows each statistic with the cmdlet field it comes from; the error in full', () => {
    const error = `MigrationPermanentException: ${'a long reason '.repeat(20)}<b>not markup</b>`;
    const fields = byField(userDetailFields(user({ Status: 'Failed', StatusSummary: 'Failed', ErrorSummary: error, SkippedItemCount: 3, SkippedItems: [{ Kind: 'LargeItem', Count: 2 }, { Kind: 'CorruptItem', Count: 1 }], DataConsistencyScore: 'Investigate', LastSuccessfulSyncTime: null }), '2025-03-03T08:00:00Z'));
    expect(fields.Status).toMatchObject({ text: 'Failed', tone: 'bad' });
    expect(fields.SyncedItemCount?.text).toBe('1,234');
    expect(fields.SkippedItemCount).toMatchObject({ text: '3 (2 too large, 1 corrupt)', tone: 'warn' });
    expect(fields.BytesTransferred?.text).toBe('100 MB (104,857,600 bytes)');
    expect(fields.PercentageComplete?.text).toBe('100%');
    expect(fields.LastSuccessfulSyncTime?.text).toBe('Never');
    expect(fields.InitialSeedingCompletedTime?.text).toBe('T+1h (2025-03-03 09:00 UTC)');
    expect(fields.DataConsistencyScore).toMatchObject({ text: 'Investigate', tone: 'warn' });
    expect(fields.ErrorSummary).toMatchObject({ text: error, tone: 'bad' });
    const quiet = byField(userDetailFields(user({ Status: 'NotStarted', StatusSummary: 'NotStarted' })));
    expect(quiet.Status?.text).toBe('Not started');
    expect(quiet.ErrorSummary?.text).toBe('None');
    expect(quiet.SkippedItemCount?.text).toBe('0');
    expect(quiet.LastSuccessfulSyncTime?.text).toBe('T+1d1h');
  });

  test('users are found by address whatever its case', () => {
    const statistics = { batch: null, users: [user(), user({ Identity: 'bob@contoso.com' })] };
    expect(findUser(statistics, 'BOB@Contoso.com')?.Identity).toBe('bob@contoso.com');
    expect(findUser(statistics, 'carl@contoso.com')).toBeUndefined();
  });

  test('the mailbox table\'s rows carry the model\'s statistics: skipped items, synced items, bytes and errors as Get-MigrationUserStatistics gives them', () => {
    // The small organisation's whole textbook plan (smallConfig's default), a day after the initial sync.
    const simulation = createSimulation(smallConfig());
    simulation.runUntil(30 * 3_600_000);
    const snapshot = simulation.snapshot();
    const view = toView(snapshot, simulation.config);
    expect(view.migrationStatistics).toBe(snapshot.migrationStatistics);
    const users = snapshot.migrationStatistics!.users;
    expect(users.some((entry) => entry.SyncedItemCount > 0)).toBe(true);
    for (const row of view.mailboxes) {
      const statistics = findUser(view.migrationStatistics, row.address)!;
      expect({ status: row.status, items: row.itemsSynced, skipped: row.skipped, bytes: row.bytesSynced, error: row.error ?? null, last: row.lastSyncAt ?? null })
        .toEqual({ status: statistics.Status, items: statistics.SyncedItemCount, skipped: statistics.SkippedItemCount, bytes: statistics.BytesTransferred, error: statistics.ErrorSummary, last: statistics.LastSuccessfulSyncTime });
    }
    const batch = snapshot.migrationStatistics!.batch!;
    expect(batchListRows(view.migrationStatistics)[0]).toMatchObject({ name: 'CutoverBatch', total: batch.TotalCount });
    // The batch panel's counts are Get-MigrationBatch's too.
    expect(view.batch).toMatchObject({ total: batch.TotalCount, synced: batch.SyncedCount, failed: batch.FailedCount, active: batch.ActiveCount, stopped: batch.StoppedCount });
  });
});
