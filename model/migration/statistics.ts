import type { SimulationConfig } from '../config.js';
import type { Recipient } from '../organisation.js';
import { userError, userStatus, type MigrationUser } from './migration-user.js';
import type { SyncEngine } from './sync-engine.js';
import type { BatchCounts, MailboxStatistics } from './types.js';

/**
 * Get-MigrationBatch counts and Get-MigrationUserStatistics-like records (facts §1, §2, §9),
 * computed on demand from the users; nothing here is on the engine's hot path.
 */

/** TotalCount, ActiveCount, SyncedCount, FailedCount, StoppedCount. Users of a batch not yet started count in the total only. */
export function batchCounts(users: readonly MigrationUser[]): BatchCounts {
  const counts: BatchCounts = { total: users.length, active: 0, synced: 0, failed: 0, stopped: 0 };
  for (const user of users) {
    if (!user.started) continue;
    const status = userStatus(user);
    if (status === 'Synced') counts.synced++;
    else if (status === 'Failed' || status === 'IncrementalFailed') counts.failed++;
    else if (status === 'Stopped' || status === 'IncrementalStopped') counts.stopped++;
    else counts.active++; // Queued, Provisioning, ProvisionUpdating, Syncing, IncrementalSyncing (StatusSummary Active)
  }
  return counts;
}

function userStatistics(user: MigrationUser, engine: SyncEngine): MailboxStatistics & { kind: Recipient['kind'] } {
  const pass = user.pass;
  const inFlight = pass === undefined ? 0 : pass.data.bytes * engine.passProgress(user);
  const initialInFlight = pass?.kind === 'initial' ? inFlight : 0;
  let percentComplete = 0;
  if (user.initialSyncDoneAt !== undefined) percentComplete = 100;
  else if (user.initialTotalBytes > 0) percentComplete = Math.min(99, Math.floor((100 * (user.bytesSynced + initialInFlight)) / user.initialTotalBytes));
  const error = userError(user);
  // The source mailbox as the service counts it: what it held at T+0 plus what landed on it since.
  const waiting = engine.waiting(user);
  const mailbox = user.recipient.kind === 'mailbox' ? user.recipient : undefined;
  const sourceItems = mailbox === undefined ? 0 : mailbox.itemCount + user.arrivedItems + (waiting === undefined ? 0 : waiting.items + waiting.large);
  const sourceBytes = mailbox === undefined ? 0 : mailbox.sizeBytes + user.arrivedBytes + (waiting?.bytes ?? 0);
  return {
    kind: user.recipient.kind,
    address: user.address,
    displayName: user.recipient.displayName,
    status: user.started ? userStatus(user) : 'NotStarted',
    ...(error === undefined ? {} : { error }),
    itemsSynced: user.itemsSynced,
    bytesSynced: Math.floor(user.bytesSynced + inFlight),
    sourceItems,
    sourceBytes,
    skippedLarge: user.skippedLarge,
    skippedBad: user.skippedBad,
    percentComplete,
    ...(user.initialSyncDoneAt === undefined ? {} : { initialSyncDoneAt: user.initialSyncDoneAt }),
    ...(user.lastSuccessfulSyncAt === undefined ? {} : { lastSuccessfulSyncAt: user.lastSuccessfulSyncAt }),
    ...(user.note === undefined ? {} : { note: user.note }),
  };
}

/** One record per recipient; before any batch exists every recipient is NotStarted. */
export function recipientStatistics(config: SimulationConfig, engine: SyncEngine | undefined): (MailboxStatistics & { kind: Recipient['kind'] })[] {
  if (engine === undefined) {
    return config.organisation.recipients.map((recipient) => ({
      kind: recipient.kind, address: recipient.address, displayName: recipient.displayName, status: 'NotStarted',
      itemsSynced: 0, bytesSynced: 0, sourceItems: recipient.kind === 'mailbox' ? recipient.itemCount : 0, sourceBytes: recipient.kind === 'mailbox' ? recipient.sizeBytes : 0,
      skippedLarge: 0, skippedBad: 0, percentComplete: 0,
    }));
  }
  return engine.users.map((user) => userStatistics(user, engine));
}

/** Mailboxes with their initial sync done and bytes synced, summed as mailboxStatistics() would, allocating nothing per user. */
export function syncTotals(engine: SyncEngine | undefined): { mailboxesSynced: number; bytesSynced: number } {
  let mailboxesSynced = 0;
  let bytesSynced = 0;
  if (engine === undefined) return { mailboxesSynced, bytesSynced };
  for (const user of engine.users) {
    if (user.recipient.kind !== 'mailbox') continue;
    if (user.initialSyncDoneAt !== undefined) mailboxesSynced++;
    const pass = user.pass;
    const inFlight = pass === undefined ? 0 : pass.data.bytes * engine.passProgress(user);
    bytesSynced += Math.floor(user.bytesSynced + inFlight);
  }
  return { mailboxesSynced, bytesSynced };
}
