import type { SimulationSnapshot } from '../../model/result.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, psObject, type PsObject } from '../values.js';
import { currentBatch, give, requireBatch, type BatchInfo } from './give.js';

/** Get-MigrationBatch's object: the batch's status and counts as the admin center's batch list shows them. */
export function toMigrationBatch(context: CmdletContext, batch: BatchInfo, snapshot: SimulationSnapshot, includeReport: boolean): PsObject {
  const { counts } = snapshot.batch;
  const properties: PsObject['properties'] = {
    Identity: batch.name,
    Status: batch.status,
    Type: 'ExchangeOutlookAnywhere',
    TotalCount: counts.total,
    ActiveCount: counts.active,
    StoppedCount: counts.stopped,
    SyncedCount: counts.synced,
    FinalizedCount: 0,
    FailedCount: counts.failed,
    SourceEndpoint: context.target.config.endpoint.name,
    TargetDeliveryDomain: context.target.config.organisation.domain,
    AutoStart: batch.autoStart,
    CreationDateTime: context.date(batch.createdAt),
    StartDateTime: context.date(batch.startedAt),
    InitialSyncDateTime: context.date(snapshot.batch.initialSyncDoneAt),
    LastSyncedDateTime: context.date(snapshot.batch.lastSyncedAt),
  };
  if (includeReport) properties.Report = batchReport(context);
  return psObject('MigrationBatch', properties, ['Identity', 'Status', 'Type', 'TotalCount']);
}

/** -IncludeReport: the batch's commands with their times, one entry a line. */
function batchReport(context: CmdletContext): string {
  return context.target.log
    .filter((entry) => /Batch$/.test(entry.action.action))
    .map((entry) => `${context.date(entry.at)} [${entry.action.action}]`)
    .join('\n');
}

const IDENTITY = { name: 'Identity', type: 'string', position: 0, fromPipeline: ['Identity'] } as const;

export const newMigrationBatch: Cmdlet = {
  name: 'New-MigrationBatch',
  synopsis: 'Creates the cutover batch that migrates every mailbox from the source endpoint.',
  parameters: [
    { name: 'Name', type: 'string', mandatory: true, position: 0 },
    { name: 'SourceEndpoint', type: 'string' },
    { name: 'AutoStart', type: 'switch' },
    { name: 'AutoComplete', type: 'switch' },
    { name: 'TargetDeliveryDomain', type: 'string' },
    { name: 'NotificationEmails', type: 'strings' },
    { name: 'TimeZone', type: 'string' },
  ],
  run(context, bound) {
    const name = asText(bound.Name);
    const endpoint = context.target.config.endpoint.name;
    if (bound.SourceEndpoint !== undefined && asText(bound.SourceEndpoint).toLowerCase() !== endpoint.toLowerCase()) {
      context.warn(`The scenario's endpoint is "${endpoint}"; the batch uses it.`);
    }
    give(context, this.name, name, { action: 'createBatch', batchName: name, autoStart: bound.AutoStart === true });
    const batch = currentBatch(context);
    return batch === undefined ? [] : [toMigrationBatch(context, batch, context.target.snapshot(), false)];
  },
};

export const getMigrationBatch: Cmdlet = {
  name: 'Get-MigrationBatch',
  synopsis: 'Shows the migration batch: status, counts of synced, failed and stopped users, sync times.',
  parameters: [{ ...IDENTITY, fromPipeline: undefined }, { name: 'IncludeReport', type: 'switch' }, { name: 'Status', type: 'string' }, { name: 'Diagnostic', type: 'switch' }],
  run(context, bound) {
    const identity = bound.Identity === undefined ? undefined : asText(bound.Identity);
    const batch = identity === undefined ? currentBatch(context) : requireBatch(context, this.name, identity);
    if (batch === undefined) return [];
    if (bound.Status !== undefined && asText(bound.Status).toLowerCase() !== batch.status.toLowerCase()) return [];
    return [toMigrationBatch(context, batch, context.target.snapshot(), bound.IncludeReport === true)];
  },
};

/** Start, Stop, Complete and Remove: check the identity, give the command, print nothing (as Exchange does). */
function batchCommand(name: string, action: 'startBatch' | 'stopBatch' | 'completeBatch' | 'removeBatch', synopsis: string): Cmdlet {
  return {
    name,
    synopsis,
    parameters: [{ ...IDENTITY, mandatory: true }],
    run(context, bound) {
      const batch = requireBatch(context, name, asText(bound.Identity));
      give(context, name, batch.name, { action });
      return [];
    },
  };
}

export const startMigrationBatch = batchCommand('Start-MigrationBatch', 'startBatch', 'Starts (or retries the failed users of) the migration batch.');
export const stopMigrationBatch = batchCommand('Stop-MigrationBatch', 'stopBatch', 'Stops the migration batch; Start-MigrationBatch resumes it.');
export const completeMigrationBatch = batchCommand('Complete-MigrationBatch', 'completeBatch', 'Finalizes the migration batch.');
export const removeMigrationBatch = batchCommand('Remove-MigrationBatch', 'removeBatch', 'Deletes the migration batch: incremental syncs end for good.');
