import type { MigrationBatchStatistics } from '../../model/result.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, psObject, type PsObject } from '../values.js';
import { currentBatch, give, requireBatch, type BatchInfo } from './give.js';
import { statisticsNow } from './statistics.js';

/**
 * Get-MigrationBatch's object: the model's batch statistics (field names as the cmdlet's) with
 * the batch's settings. Status and every count and time come from `statistics` and nothing else.
 */
export function toMigrationBatch(context: CmdletContext, batch: BatchInfo, statistics: MigrationBatchStatistics, includeReport: boolean): PsObject {
  const properties: PsObject['properties'] = {
    Identity: statistics.Identity,
    Status: statistics.Status,
    Type: statistics.MigrationType,
    MigrationType: statistics.MigrationType,
    TotalCount: statistics.TotalCount,
    ActiveCount: statistics.ActiveCount,
    StoppedCount: statistics.StoppedCount,
    SyncedCount: statistics.SyncedCount,
    FinalizedCount: statistics.FinalizedCount,
    FailedCount: statistics.FailedCount,
    FailedInitialSyncCount: statistics.FailedInitialSyncCount,
    FailedIncrementalSyncCount: statistics.FailedIncrementalSyncCount,
    PendingCount: statistics.PendingCount,
    ProvisionedCount: statistics.ProvisionedCount,
    SourceEndpoint: context.target.config.endpoint.name,
    TargetDeliveryDomain: context.target.config.organisation.domain,
    AutoStart: batch.autoStart,
    CreationDateTime: context.date(statistics.CreationDateTime),
    StartDateTime: context.date(statistics.StartDateTime ?? undefined),
    InitialSyncDateTime: context.date(statistics.InitialSyncDateTime ?? undefined),
    InitialSyncDuration: statistics.InitialSyncDuration === null ? null : formatTimeSpan(statistics.InitialSyncDuration),
    LastSyncedDateTime: context.date(statistics.LastSyncedDateTime ?? undefined),
    DataConsistencyScore: statistics.DataConsistencyScore,
  };
  if (includeReport) properties.Report = batchReport(context);
  return psObject('MigrationBatch', properties, ['Identity', 'Status', 'Type', 'TotalCount']);
}

/** A duration as PowerShell prints a TimeSpan: [d.]hh:mm:ss (whole seconds). */
export function formatTimeSpan(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const clock = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60].map((part) => String(part).padStart(2, '0')).join(':');
  return days > 0 ? `${days}.${clock}` : clock;
}

/** The batch as it stands and its statistics, or undefined when there is none. */
function batchNow(context: CmdletContext): { batch: BatchInfo; statistics: MigrationBatchStatistics } | undefined {
  const batch = currentBatch(context);
  const statistics = statisticsNow(context).batch;
  return batch === undefined || statistics === null ? undefined : { batch, statistics };
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
    const now = batchNow(context);
    return now === undefined ? [] : [toMigrationBatch(context, now.batch, now.statistics, false)];
  },
};

export const getMigrationBatch: Cmdlet = {
  name: 'Get-MigrationBatch',
  synopsis: 'Shows the migration batch: status, counts of synced, failed and stopped users, sync times.',
  parameters: [{ ...IDENTITY, fromPipeline: undefined }, { name: 'IncludeReport', type: 'switch' }, { name: 'Status', type: 'string' }, { name: 'Diagnostic', type: 'switch' }],
  run(context, bound) {
    const identity = bound.Identity === undefined ? undefined : asText(bound.Identity);
    if (identity !== undefined) requireBatch(context, this.name, identity);
    const now = batchNow(context);
    if (now === undefined) return [];
    if (bound.Status !== undefined && asText(bound.Status).toLowerCase() !== now.statistics.Status.toLowerCase()) return [];
    return [toMigrationBatch(context, now.batch, now.statistics, bound.IncludeReport === true)];
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
