import type { MailboxSnapshotRow } from '../../model/result.js';
import { fail, notFound } from '../errors.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, psObject, type PsObject } from '../values.js';
import { currentBatch } from './give.js';

const inBatch = (row: MailboxSnapshotRow): boolean => row.status !== 'NotStarted';

/** Get-MigrationUser's object for one mailbox row of the model. */
export function toMigrationUser(context: CmdletContext, row: MailboxSnapshotRow, batchName: string): PsObject {
  return psObject('MigrationUser', {
    Identity: row.address,
    Batch: batchName,
    Status: row.status,
    RecipientType: 'Mailbox',
    LastSyncTime: context.date(row.lastSuccessfulSyncAt),
    SyncedItemCount: row.itemsSynced,
    SkippedItemCount: row.skippedLarge + row.skippedBad,
    ErrorSummary: row.error ?? '',
  }, ['Identity', 'Batch', 'Status', 'LastSyncTime']);
}

/**
 * Get-MigrationUserStatistics' object for one mailbox row. The model's per-user statistics
 * are read here and only here, so richer statistics from the model change this one function.
 */
export function toMigrationUserStatistics(context: CmdletContext, row: MailboxSnapshotRow, batchName: string, options: { report: boolean; skipped: boolean }): PsObject {
  const properties: PsObject['properties'] = {
    Identity: row.address,
    Batch: batchName,
    Status: row.status,
    DisplayName: row.displayName,
    SyncedItemCount: row.itemsSynced,
    SkippedItemCount: row.skippedLarge + row.skippedBad,
    BytesTransferred: row.bytesSynced,
    PercentageComplete: row.percentComplete,
    LastSuccessfulSyncTimestamp: context.date(row.lastSuccessfulSyncAt),
    InitialSeedingCompletedTimestamp: context.date(row.initialSyncDoneAt),
    Error: row.error ?? '',
    LicenseState: row.license.state,
  };
  if (options.skipped) properties.SkippedItems = `${row.skippedLarge} large item(s) over the size limit; ${row.skippedBad} corrupt item(s)`;
  if (options.report) properties.Report = [row.note, row.error, row.awaitingSync > 0 ? `${row.awaitingSync} item(s) on the source waiting for the next sync` : undefined].filter(Boolean).join('\n');
  return psObject('MigrationUserStatistics', properties, ['Identity', 'Batch', 'Status', 'SyncedItemCount', 'SkippedItemCount']);
}

function usersNow(context: CmdletContext): { rows: MailboxSnapshotRow[]; batchName: string } {
  const batch = currentBatch(context);
  if (batch === undefined) return { rows: [], batchName: '' };
  return { rows: context.target.snapshot().mailboxes.filter(inBatch), batchName: batch.name };
}

function findUser(context: CmdletContext, cmdlet: string, identity: string): { row: MailboxSnapshotRow; batchName: string } {
  const { rows, batchName } = usersNow(context);
  const row = rows.find((candidate) => candidate.address.toLowerCase() === identity.toLowerCase());
  if (row === undefined) fail(notFound(cmdlet, identity, `Couldn't find a migration user with the identity "${identity}".`));
  return { row: row!, batchName };
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
      const { row, batchName } = findUser(context, this.name, asText(bound.Identity));
      return [toMigrationUser(context, row, batchName)];
    }
    const { rows, batchName } = usersNow(context);
    if (bound.BatchId !== undefined && asText(bound.BatchId).toLowerCase() !== batchName.toLowerCase()) return [];
    const status = bound.Status === undefined ? undefined : asText(bound.Status).toLowerCase();
    return rows.filter((row) => status === undefined || row.status.toLowerCase() === status).map((row) => toMigrationUser(context, row, batchName));
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
    const { row, batchName } = findUser(context, this.name, asText(bound.Identity));
    return [toMigrationUserStatistics(context, row, batchName, { report: bound.IncludeReport === true, skipped: bound.IncludeSkippedItems === true })];
  },
};
