import type { MailboxSnapshotRow, MigrationUserStatistics } from '../../model/result.js';
import { fail, notFound } from '../errors.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, psObject, type PsObject } from '../values.js';
import { currentBatch } from './give.js';
import { statisticsNow } from './statistics.js';

/** A migration user now: the model's statistics, and the mailbox row beside it (for a mailbox) for what the dashboard shows too. */
interface UserNow {
  statistics: MigrationUserStatistics;
  row: MailboxSnapshotRow | undefined;
}

/** Get-MigrationUser's object for one user, from the model's statistics. */
export function toMigrationUser(context: CmdletContext, { statistics }: UserNow, batchName: string): PsObject {
  return psObject('MigrationUser', {
    Identity: statistics.Identity,
    Batch: batchName,
    RecipientType: statistics.RecipientType,
    Status: statistics.Status,
    StatusSummary: statistics.StatusSummary,
    LastSyncTime: context.date(statistics.LastSuccessfulSyncTime ?? undefined),
    LastSuccessfulSyncTime: context.date(statistics.LastSuccessfulSyncTime ?? undefined),
    SyncedItemCount: statistics.SyncedItemCount,
    SkippedItemCount: statistics.SkippedItemCount,
    ErrorSummary: statistics.ErrorSummary ?? '',
    DataConsistencyScore: statistics.DataConsistencyScore,
  }, ['Identity', 'Batch', 'Status', 'LastSyncTime']);
}

/** -IncludeSkippedItems: the skipped items by kind (the model keeps counts, not each item's subject and folder). */
const skippedText = (statistics: MigrationUserStatistics): string =>
  (['LargeItem', 'CorruptItem'] as const).map((kind) => `${kind} ${statistics.SkippedItems.find((entry) => entry.Kind === kind)?.Count ?? 0}`).join(', ');

/**
 * Get-MigrationUserStatistics' object for one user: every figure is the model's
 * (MigrationUserStatistics, the cmdlet's field names); only the display name, the license and
 * the report's notes come from the mailbox row.
 */
export function toMigrationUserStatistics(context: CmdletContext, { statistics, row }: UserNow, batchName: string, options: { report: boolean; skipped: boolean }): PsObject {
  const properties: PsObject['properties'] = {
    Identity: statistics.Identity,
    Batch: batchName,
    RecipientType: statistics.RecipientType,
    Status: statistics.Status,
    StatusSummary: statistics.StatusSummary,
    DisplayName: row?.displayName ?? statistics.Identity,
    SyncedItemCount: statistics.SyncedItemCount,
    SkippedItemCount: statistics.SkippedItemCount,
    TotalItemsInSourceMailboxCount: statistics.TotalItemsInSourceMailboxCount,
    EstimatedTotalTransferSize: statistics.EstimatedTotalTransferSize,
    BytesTransferred: statistics.BytesTransferred,
    PercentageComplete: statistics.PercentageComplete,
    InitialSeedingCompletedTime: context.date(statistics.InitialSeedingCompletedTime ?? undefined),
    LastSuccessfulSyncTime: context.date(statistics.LastSuccessfulSyncTime ?? undefined),
    ErrorSummary: statistics.ErrorSummary ?? '',
    DataConsistencyScore: statistics.DataConsistencyScore,
  };
  if (row !== undefined) properties.LicenseState = row.license.state;
  if (options.skipped) properties.SkippedItems = skippedText(statistics);
  if (options.report) properties.Report = [row?.note, statistics.ErrorSummary, row !== undefined && row.awaitingSync > 0 ? `${row.awaitingSync} item(s) on the source waiting for the next sync` : undefined].filter(Boolean).join('\n');
  return psObject('MigrationUserStatistics', properties, ['Identity', 'Batch', 'Status', 'SyncedItemCount', 'SkippedItemCount']);
}

/** The batch's users as the service lists them: every started migration user (mailboxes, and contacts and groups where the organisation has them). */
function usersNow(context: CmdletContext): { users: UserNow[]; batchName: string } {
  const batch = currentBatch(context);
  if (batch === undefined) return { users: [], batchName: '' };
  const rows = new Map(context.target.snapshot().mailboxes.map((row) => [row.address.toLowerCase(), row]));
  const users = statisticsNow(context).users
    .filter((statistics) => statistics.Status !== 'NotStarted')
    .map((statistics) => ({ statistics, row: rows.get(statistics.Identity.toLowerCase()) }));
  return { users, batchName: batch.name };
}

function findUser(context: CmdletContext, cmdlet: string, identity: string): { user: UserNow; batchName: string } {
  const { users, batchName } = usersNow(context);
  const user = users.find((candidate) => candidate.statistics.Identity.toLowerCase() === identity.toLowerCase());
  if (user === undefined) fail(notFound(cmdlet, identity, `Couldn't find a migration user with the identity "${identity}".`));
  return { user: user!, batchName };
}

export const getMigrationUser: Cmdlet = {
  name: 'Get-MigrationUser',
  synopsis: 'Lists the users of the migration batch with their status and last sync time.',
  parameters: [
    { name: 'Identity', type: 'string', position: 0 },
    { name: 'BatchId', type: 'string', fromPipeline: ['Identity'] },
    { name: 'Status', type: 'string' },
    { name: 'ResultSize', type: 'string' },
  ],
  run(context, bound) {
    if (bound.Identity !== undefined) {
      const { user, batchName } = findUser(context, this.name, asText(bound.Identity));
      return [toMigrationUser(context, user, batchName)];
    }
    const { users, batchName } = usersNow(context);
    if (bound.BatchId !== undefined && asText(bound.BatchId).toLowerCase() !== batchName.toLowerCase()) return [];
    const status = bound.Status === undefined ? undefined : asText(bound.Status).toLowerCase();
    return users.filter((user) => status === undefined || user.statistics.Status.toLowerCase() === status).map((user) => toMigrationUser(context, user, batchName));
  },
};

export const getMigrationUserStatistics: Cmdlet = {
  name: 'Get-MigrationUserStatistics',
  synopsis: 'Shows one migration user\'s statistics: items synced and skipped, bytes, last successful sync, the error in full.',
  parameters: [
    { name: 'Identity', type: 'string', mandatory: true, position: 0, fromPipeline: ['Identity'] },
    { name: 'IncludeReport', type: 'switch' },
    { name: 'IncludeSkippedItems', type: 'switch' },
    { name: 'Diagnostic', type: 'switch' },
  ],
  run(context, bound) {
    const { user, batchName } = findUser(context, this.name, asText(bound.Identity));
    return [toMigrationUserStatistics(context, user, batchName, { report: bound.IncludeReport === true, skipped: bound.IncludeSkippedItems === true })];
  },
};
