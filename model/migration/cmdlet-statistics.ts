import type { Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import { DEFAULT_DATA_CONSISTENCY_POOR_SHARE } from '../defaults.js';
import type { Recipient } from '../organisation.js';
import type {
  BatchStatus, DataConsistencyScore, MailboxMigrationStatus, MigrationBatchStatistics, MigrationStatistics, MigrationStatusSummary, MigrationUserStatistics,
} from '../result.js';
import type { MailboxStatistics } from './types.js';

/**
 * The figures an admin reads in Exchange Online, with the cmdlets' field names:
 * Get-MigrationUserStatistics per user and Get-MigrationBatch for the batch (facts §1, §2,
 * DCS). Built from the same per-user records as the result's `mailboxes` (statistics.ts), so
 * the summary, --json, the report, the CSV files and the dashboard show one set of numbers.
 */

const SCORE_ORDER: readonly DataConsistencyScore[] = ['Perfect', 'Good', 'Investigate', 'Poor'];

/** DCS: nothing skipped is Perfect; skipped items are significant loss (Investigate), above the poor share major loss (Poor). */
export function dataConsistencyScore(skipped: number, sourceItems: number, poorShare = DEFAULT_DATA_CONSISTENCY_POOR_SHARE): DataConsistencyScore {
  if (skipped <= 0) return 'Perfect';
  return skipped > poorShare * Math.max(1, sourceItems) ? 'Poor' : 'Investigate';
}

/** DCS: a batch's score is its worst user's. */
export const worstScore = (scores: readonly DataConsistencyScore[]): DataConsistencyScore =>
  scores.reduce<DataConsistencyScore>((worst, score) => (SCORE_ORDER.indexOf(score) > SCORE_ORDER.indexOf(worst) ? score : worst), 'Perfect');

/** PS-Get-MigrationUser StatusSummary for a status. */
export function statusSummary(status: MailboxMigrationStatus): MigrationStatusSummary {
  switch (status) {
    case 'Synced': return 'Synced';
    case 'Failed': case 'IncrementalFailed': return 'Failed';
    case 'Stopped': case 'IncrementalStopped': return 'Stopped';
    default: return 'Active';
  }
}

const RECIPIENT_TYPE: Record<Recipient['kind'], MigrationUserStatistics['RecipientType']> = { mailbox: 'Mailbox', mailUser: 'MailUser', contact: 'Contact', group: 'Group' };

export type UserRecord = MailboxStatistics & { kind: Recipient['kind'] };

export function userStatistics(record: UserRecord, poorShare?: number): MigrationUserStatistics {
  const sourceItems = record.sourceItems;
  const skipped = record.skippedLarge + record.skippedBad;
  const skippedItems: MigrationUserStatistics['SkippedItems'] = [];
  if (record.skippedLarge > 0) skippedItems.push({ Kind: 'LargeItem', Count: record.skippedLarge });
  if (record.skippedBad > 0) skippedItems.push({ Kind: 'CorruptItem', Count: record.skippedBad });
  return {
    Identity: record.address,
    RecipientType: RECIPIENT_TYPE[record.kind],
    Status: record.status,
    StatusSummary: record.status === 'NotStarted' ? 'NotStarted' : statusSummary(record.status),
    SyncedItemCount: record.itemsSynced,
    SkippedItemCount: skipped,
    SkippedItems: skippedItems,
    BytesTransferred: record.bytesSynced,
    TotalItemsInSourceMailboxCount: sourceItems,
    EstimatedTotalTransferSize: record.sourceBytes,
    PercentageComplete: record.percentComplete,
    InitialSeedingCompletedTime: record.initialSyncDoneAt ?? null,
    LastSuccessfulSyncTime: record.lastSuccessfulSyncAt ?? null,
    ErrorSummary: record.error ?? null,
    DataConsistencyScore: dataConsistencyScore(skipped, sourceItems, poorShare),
  };
}

export interface BatchFacts {
  name: string;
  status: BatchStatus;
  createdAt: Millis;
  firstStartedAt: Millis | undefined;
  initialSyncDoneAt: Millis | undefined;
  lastSyncedAt: Millis | undefined;
  /** Users whose cloud object exists. */
  provisioned: number;
}

export function batchStatistics(batch: BatchFacts, users: readonly MigrationUserStatistics[]): MigrationBatchStatistics {
  const count = (test: (user: MigrationUserStatistics) => boolean) => users.filter(test).length;
  const started = users.filter((user) => user.Status !== 'NotStarted');
  return {
    Identity: batch.name,
    Status: batch.status,
    MigrationType: 'ExchangeOutlookAnywhere',
    TotalCount: users.length,
    ActiveCount: count((user) => user.StatusSummary === 'Active'),
    StoppedCount: count((user) => user.StatusSummary === 'Stopped'),
    SyncedCount: count((user) => user.StatusSummary === 'Synced'),
    FinalizedCount: 0,
    FailedCount: count((user) => user.StatusSummary === 'Failed'),
    FailedInitialSyncCount: count((user) => user.Status === 'Failed'),
    FailedIncrementalSyncCount: count((user) => user.Status === 'IncrementalFailed'),
    PendingCount: count((user) => user.Status === 'Queued'),
    ProvisionedCount: batch.provisioned,
    CreationDateTime: batch.createdAt,
    StartDateTime: batch.firstStartedAt ?? null,
    InitialSyncDateTime: batch.initialSyncDoneAt ?? null,
    InitialSyncDuration: batch.initialSyncDoneAt === undefined || batch.firstStartedAt === undefined ? null : batch.initialSyncDoneAt - batch.firstStartedAt,
    LastSyncedDateTime: batch.lastSyncedAt ?? null,
    DataConsistencyScore: worstScore(started.map((user) => user.DataConsistencyScore)),
  };
}

/** Both, from the service's per-user records; `batch` undefined before a batch exists. */
export function migrationStatistics(config: SimulationConfig, records: readonly UserRecord[], batch: BatchFacts | undefined): MigrationStatistics {
  const users = records.map((record) => userStatistics(record, config.migration.dataConsistencyPoorShare));
  return { batch: batch === undefined ? null : batchStatistics(batch, users), users };
}
