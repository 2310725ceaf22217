import type { SimulationResult } from '../model/result.js';
import { escapeHtml } from './escape.js';
import { describeDuration, describeInstant } from './time-labels.js';

/**
 * Get-MigrationBatch and Get-MigrationUserStatistics as the admin reads them, with the
 * cmdlets' field names, from `result.migrationStatistics` (the figures the CSV reports and
 * --json give).
 */
export function migrationStatisticsSection(result: SimulationResult, limit = 500): string {
  const { batch, users } = result.migrationStatistics;
  const at = (value: number | null) => escapeHtml(describeInstant(value, result.startDate));
  const batchTable = batch === null ? '<p>No migration batch was created.</p>' : `<table><tbody>${[
    ['Identity', escapeHtml(batch.Identity)], ['Status', escapeHtml(batch.Status)],
    ['TotalCount', escapeHtml(batch.TotalCount)], ['ActiveCount', escapeHtml(batch.ActiveCount)], ['SyncedCount', escapeHtml(batch.SyncedCount)],
    ['StoppedCount', escapeHtml(batch.StoppedCount)], ['FailedCount', escapeHtml(batch.FailedCount)],
    ['FailedInitialSyncCount', escapeHtml(batch.FailedInitialSyncCount)], ['FailedIncrementalSyncCount', escapeHtml(batch.FailedIncrementalSyncCount)],
    ['FinalizedCount', escapeHtml(batch.FinalizedCount)], ['ProvisionedCount', escapeHtml(batch.ProvisionedCount)],
    ['StartDateTime', at(batch.StartDateTime)], ['InitialSyncDateTime', at(batch.InitialSyncDateTime)],
    ['InitialSyncDuration', escapeHtml(describeDuration(batch.InitialSyncDuration ?? undefined))], ['LastSyncedDateTime', at(batch.LastSyncedDateTime)],
    ['DataConsistencyScore', escapeHtml(batch.DataConsistencyScore)],
  ].map(([label, value]) => `<tr><th>${label}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;
  const rows = users.slice(0, limit).map((user) => `<tr><td>${escapeHtml(user.Identity)}</td><td>${escapeHtml(user.RecipientType)}</td>`
    + `<td>${escapeHtml(user.Status)}</td><td class="num">${escapeHtml(user.SyncedItemCount)}</td><td class="num">${escapeHtml(user.SkippedItemCount)}</td>`
    + `<td class="num">${escapeHtml(user.BytesTransferred.toLocaleString('en-US'))}</td><td class="num">${escapeHtml(user.PercentageComplete)}%</td>`
    + `<td>${at(user.LastSuccessfulSyncTime)}</td><td>${escapeHtml(user.DataConsistencyScore)}</td><td>${escapeHtml(user.ErrorSummary ?? '')}</td></tr>`);
  const more = users.length > limit ? `<p class="note">${users.length - limit} more migration users are in the JSON output.</p>` : '';
  return `<h2 id="migration-statistics">Migration statistics (Get-MigrationBatch, Get-MigrationUserStatistics)</h2>
${batchTable}
<table><thead><tr><th>Identity</th><th>RecipientType</th><th>Status</th><th class="num">SyncedItemCount</th><th class="num">SkippedItemCount</th>`
    + `<th class="num">BytesTransferred</th><th class="num">PercentageComplete</th><th>LastSuccessfulSyncTime</th><th>DataConsistencyScore</th><th>ErrorSummary</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="10">No migration users.</td></tr>'}</tbody></table>${more}`;
}
