import type { MigrationBatchStatistics, MigrationStatistics, MigrationUserStatistics } from '../../../model/result.js';
import { formatBytes, formatCount, formatTime } from '../format.js';

/**
 * What the admin center's migration page shows, from the model's statistics (the same
 * figures as Get-MigrationBatch and Get-MigrationUserStatistics in the console, --json and
 * the report). Pure: the panels only put these strings on the page.
 */

/** One line of the migration batch list (MMB: Name, Status, Total, Synced, Finalized, Failed). */
export interface BatchListRow {
  name: string;
  status: string;
  total: number;
  synced: number;
  finalized: number;
  failed: number;
}

/** The batch list: the cutover's one batch while it exists; a deleted batch leaves the list, as in the admin center. */
export function batchListRows(statistics: MigrationStatistics | undefined): BatchListRow[] {
  const batch: MigrationBatchStatistics | null | undefined = statistics?.batch;
  if (batch === null || batch === undefined || batch.Status === 'Deleted') return [];
  return [{ name: batch.Identity, status: batch.Status, total: batch.TotalCount, synced: batch.SyncedCount, finalized: batch.FinalizedCount, failed: batch.FailedCount }];
}

/** One line of the user details pane: the admin center's label, the cmdlet field it shows, and the text. */
export interface DetailField {
  label: string;
  /** The Get-MigrationUserStatistics field (the console's name for the same figure). */
  field: keyof MigrationUserStatistics;
  text: string;
  tone?: 'good' | 'bad' | 'warn';
}

const SCORE_TONE: Record<MigrationUserStatistics['DataConsistencyScore'], DetailField['tone']> = { Perfect: 'good', Good: 'good', Investigate: 'warn', Poor: 'bad' };

const skippedText = (user: MigrationUserStatistics): string => {
  if (user.SkippedItemCount === 0) return '0';
  const kinds = user.SkippedItems.map((entry) => `${formatCount(entry.Count)} ${entry.Kind === 'LargeItem' ? 'too large' : 'corrupt'}`);
  return `${formatCount(user.SkippedItemCount)} (${kinds.join(', ')})`;
};

/** The per-user details pane (MUSR): status, items synced and skipped, data migrated, last successful sync, the error in full, the data consistency score. */
export function userDetailFields(user: MigrationUserStatistics, startDate?: string): DetailField[] {
  const status = user.Status === 'NotStarted' ? 'Not started' : user.Status;
  const statusTone = user.StatusSummary === 'Failed' ? 'bad' : user.StatusSummary === 'Synced' ? 'good' : undefined;
  const never = (at: number | null): string => (at === null ? 'Never' : formatTime(at, startDate));
  const fields: DetailField[] = [
    { label: 'Status', field: 'Status', text: status, ...(statusTone === undefined ? {} : { tone: statusTone }) },
    { label: 'Items synced', field: 'SyncedItemCount', text: formatCount(user.SyncedItemCount) },
    { label: 'Items skipped', field: 'SkippedItemCount', text: skippedText(user), ...(user.SkippedItemCount > 0 ? { tone: 'warn' as const } : {}) },
    { label: 'Data migrated', field: 'BytesTransferred', text: `${formatBytes(user.BytesTransferred)} (${formatCount(user.BytesTransferred)} bytes)` },
    { label: 'Percentage complete', field: 'PercentageComplete', text: `${user.PercentageComplete}%` },
    { label: 'Last successful sync date', field: 'LastSuccessfulSyncTime', text: never(user.LastSuccessfulSyncTime) },
    { label: 'Initial seeding completed', field: 'InitialSeedingCompletedTime', text: never(user.InitialSeedingCompletedTime) },
    { label: 'Data consistency score', field: 'DataConsistencyScore', text: user.DataConsistencyScore, ...(SCORE_TONE[user.DataConsistencyScore] === undefined ? {} : { tone: SCORE_TONE[user.DataConsistencyScore]! }) },
    { label: 'Error', field: 'ErrorSummary', text: user.ErrorSummary ?? 'None', ...(user.ErrorSummary === null ? {} : { tone: 'bad' as const }) },
  ];
  return fields;
}

/** The user with this address in the statistics (addresses compare case-insensitively, as Exchange's identities do). */
export const findUser = (statistics: MigrationStatistics | undefined, address: string): MigrationUserStatistics | undefined =>
  statistics?.users.find((user) => user.Identity.toLowerCase() === address.toLowerCase());
