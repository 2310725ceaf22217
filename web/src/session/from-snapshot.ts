import { formatDuration } from '../../../sim/index.js';
import type { SimulationConfig } from '../../../model/config.js';
import type { MailboxSnapshotRow, MigrationUserStatistics, SimulationSnapshot } from '../../../model/result.js';
import type { MailboxRow } from '../table/mailbox-rows.js';
import type { DashboardView } from './view.js';

/** The one place that knows the model's live snapshot: it turns it into what the panels draw. */
export function toView(snapshot: SimulationSnapshot, config: SimulationConfig): DashboardView {
  const view: DashboardView = {
    now: snapshot.now,
    horizon: snapshot.horizon,
    batch: { status: snapshot.batch.status, ...batchCounts(snapshot) },
    mailboxes: mailboxRows(snapshot),
    dns: {
      mxHost: snapshot.dns.mxHost,
      mxTtl: snapshot.dns.mxTtl,
      shareOnNewMx: snapshot.dns.shareOnNewMx,
      oldMxHost: config.dns.oldMxHost,
      newMxHost: config.dns.newMxHost,
      autodiscoverCname: snapshot.dns.autodiscoverCname,
      verificationTxtPublished: snapshot.dns.verificationTxtPublished,
    },
    licenses: {
      licensed: snapshot.mailboxes.filter((row) => row.license.state === 'licensed').length,
      inGrace: snapshot.licenses.inGrace,
      disabled: snapshot.licenses.disabled,
    },
    messages: snapshot.messages,
    onPremRunning: snapshot.onPrem.running,
    findings: snapshot.findings,
  };
  if (config.startDate !== undefined) view.startDate = config.startDate;
  if (snapshot.batch.lastSyncedAt !== undefined) view.batch.lastSyncedAt = snapshot.batch.lastSyncedAt;
  if (snapshot.batch.initialSyncDoneAt !== undefined) view.batch.initialSyncDoneAt = snapshot.batch.initialSyncDoneAt;
  if (snapshot.licenses.remaining !== null) view.licenses.remaining = snapshot.licenses.remaining;
  if (snapshot.series !== undefined) view.series = snapshot.series;
  if (snapshot.migrationStatistics !== undefined) view.migrationStatistics = snapshot.migrationStatistics;
  if (snapshot.licenses.shortestGraceLeft !== null) view.licenses.shortestGraceLeft = snapshot.licenses.shortestGraceLeft;
  return view;
}

/** The batch panel's counts: Get-MigrationBatch's (the batch list's and the console's) when the model gives them. */
function batchCounts(snapshot: SimulationSnapshot): Pick<DashboardView['batch'], 'total' | 'synced' | 'failed' | 'active' | 'stopped'> {
  const statistics = snapshot.migrationStatistics?.batch;
  if (statistics === null || statistics === undefined) {
    const { total, synced, failed, active, stopped } = snapshot.batch.counts;
    return { total, synced, failed, active, stopped };
  }
  return { total: statistics.TotalCount, synced: statistics.SyncedCount, failed: statistics.FailedCount, active: statistics.ActiveCount, stopped: statistics.StoppedCount };
}

/** The table's rows: the migration figures are the model's statistics (one truth with the console and the details pane) where it gives them. */
function mailboxRows(snapshot: SimulationSnapshot): MailboxRow[] {
  const statistics = new Map((snapshot.migrationStatistics?.users ?? []).map((user) => [user.Identity.toLowerCase(), user]));
  return snapshot.mailboxes.map((row) => toRow(row, statistics.get(row.address.toLowerCase())));
}

function toRow(row: MailboxSnapshotRow, statistics: MigrationUserStatistics | undefined): MailboxRow {
  const license = row.license.state === 'grace' && row.graceLeft !== null ? `grace, ${formatDuration(Math.floor(row.graceLeft / 60_000) * 60_000 || 60_000)} left` : row.license.state;
  const out: MailboxRow = {
    address: row.address, displayName: row.displayName, status: statistics?.Status ?? row.status,
    itemsSynced: statistics?.SyncedItemCount ?? row.itemsSynced,
    skipped: statistics?.SkippedItemCount ?? row.skippedLarge + row.skippedBad,
    bytesSynced: statistics?.BytesTransferred ?? row.bytesSynced, license, outlook: row.outlook,
  };
  const lastSyncAt = statistics === undefined ? row.lastSuccessfulSyncAt : statistics.LastSuccessfulSyncTime ?? undefined;
  const error = statistics === undefined ? row.error : statistics.ErrorSummary ?? undefined;
  if (lastSyncAt !== undefined) out.lastSyncAt = lastSyncAt;
  if (error !== undefined) out.error = error;
  return out;
}
