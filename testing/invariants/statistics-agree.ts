import type { SimulationResult } from '../../model/result.js';
import { broken, HOLDS, type InvariantResult } from './result.js';

/**
 * The migration figures an admin reads agree with each other (PRODUCT "one truth"): per user
 * (Get-MigrationUserStatistics) nothing synced or skipped beyond what the source mailbox holds,
 * a percentage of 100 exactly when the initial copy is done; for the batch (Get-MigrationBatch)
 * the counts add up to its users; and the run's mailbox totals are those of its outcomes.
 */
export function statisticsAgree(result: SimulationResult): InvariantResult {
  const name = 'statistics-agree';
  const { batch, users } = result.migrationStatistics;
  for (const user of users) {
    const counts = { synced: user.SyncedItemCount, skipped: user.SkippedItemCount, bytes: user.BytesTransferred, sourceItems: user.TotalItemsInSourceMailboxCount, sourceBytes: user.EstimatedTotalTransferSize };
    for (const [key, value] of Object.entries(counts)) {
      if (!Number.isSafeInteger(value) || value < 0) return broken(name, `${user.Identity}: ${key} is ${value}, not a whole number ≥ 0`, user);
    }
    if (counts.synced + counts.skipped > counts.sourceItems) {
      return broken(name, `${user.Identity}: ${counts.synced} items synced and ${counts.skipped} skipped, but the source mailbox holds ${counts.sourceItems}`, user);
    }
    if (counts.bytes > counts.sourceBytes) return broken(name, `${user.Identity}: ${counts.bytes} bytes transferred of a source of ${counts.sourceBytes}`, user);
    if (user.PercentageComplete < 0 || user.PercentageComplete > 100) return broken(name, `${user.Identity}: PercentageComplete is ${user.PercentageComplete}`, user);
    if (user.RecipientType === 'Mailbox' && (user.PercentageComplete === 100) !== (user.InitialSeedingCompletedTime !== null)) {
      return broken(name, `${user.Identity}: PercentageComplete ${user.PercentageComplete} with InitialSeedingCompletedTime ${user.InitialSeedingCompletedTime}`, user);
    }
  }
  if (batch !== null) {
    const started = users.filter((user) => user.Status !== 'NotStarted').length;
    const summed = batch.ActiveCount + batch.StoppedCount + batch.SyncedCount + batch.FailedCount;
    if (batch.TotalCount !== users.length) return broken(name, `Get-MigrationBatch TotalCount ${batch.TotalCount}, but ${users.length} migration users`, batch);
    if (summed !== started) return broken(name, `Active ${batch.ActiveCount} + Stopped ${batch.StoppedCount} + Synced ${batch.SyncedCount} + Failed ${batch.FailedCount} = ${summed}, but ${started} users have started`, batch);
    if (batch.FailedInitialSyncCount + batch.FailedIncrementalSyncCount !== batch.FailedCount) {
      return broken(name, `FailedInitialSyncCount ${batch.FailedInitialSyncCount} + FailedIncrementalSyncCount ${batch.FailedIncrementalSyncCount} ≠ FailedCount ${batch.FailedCount}`, batch);
    }
  }
  const { mailboxes } = result;
  if (mailboxes.total !== mailboxes.outcomes.length) return broken(name, `mailboxes.total ${mailboxes.total}, but ${mailboxes.outcomes.length} outcomes`, mailboxes.total);
  if (mailboxes.synced + mailboxes.failed > mailboxes.total) return broken(name, `${mailboxes.synced} mailboxes synced and ${mailboxes.failed} failed of ${mailboxes.total}`, { synced: mailboxes.synced, failed: mailboxes.failed });
  const byIdentity = new Map(users.map((user) => [user.Identity, user]));
  for (const outcome of mailboxes.outcomes) {
    const user = byIdentity.get(outcome.address);
    if (user === undefined) return broken(name, `${outcome.address} has an outcome but no migration statistics`, outcome);
    if (user.SyncedItemCount !== outcome.itemsSynced || user.BytesTransferred !== outcome.bytesSynced || user.Status !== outcome.status) {
      return broken(name, `${outcome.address}: the statistics (${user.Status}, ${user.SyncedItemCount} items, ${user.BytesTransferred} bytes) and the outcome (${outcome.status}, ${outcome.itemsSynced} items, ${outcome.bytesSynced} bytes) differ`, { user, outcome });
    }
  }
  return HOLDS;
}
