import type { BatchStatus } from '../result.js';
import type { BatchCommand } from './types.js';

/**
 * Why an admin command is refused in a status. The batch machine says whether a command is
 * accepted (`snapshot.can`); this table gives the admin the reason when it is not, in the
 * spirit of the cmdlets' own errors (facts §1.2). A refused command is never ignored silently.
 */

export const COMPLETE_REFUSAL =
  'Complete-MigrationBatch is not supported for a cutover migration, which has no finalization step; ' +
  'once mail is routed to Exchange Online and the batch has synced since, remove (delete) the batch instead.'; // PS-Complete-MigrationBatch, CUT step 6

const NO_BATCH = 'No cutover migration batch exists; create one first (Step 3).';

/** PS-Remove-MigrationBatch removes only a batch that isn't running; the admin center offers Stop meanwhile (MMB). */
const RUNNING_REMOVE = (status: string, extra = ''): string =>
  `The batch is running (${status}), and Remove-MigrationBatch only removes a batch that isn't running: stop the batch first (Stop-MigrationBatch), then remove it once it is Stopped${extra}.`;

const REASONS: Partial<Record<BatchStatus, Partial<Record<Exclude<BatchCommand, 'complete' | 'create'>, string>>>> = {
  Created: {
    stop: 'The batch has not been started, so there is nothing to stop.',
  },
  Starting: {
    start: 'The batch is already starting.',
    stop: 'The batch is starting; stop it once it is Syncing.',
    remove: RUNNING_REMOVE('Starting'),
  },
  Syncing: {
    start: 'The batch is already syncing.',
    remove: RUNNING_REMOVE('Syncing'),
  },
  Synced: {
    start: 'The batch is synced and syncs again every 24 hours by itself; Start only resumes a stopped batch or retries failed mailboxes.',
    stop: 'Every mailbox is synced or failed, so Stop-MigrationBatch does not run (allowStopWhenSynced is off).',
  },
  SyncedWithErrors: {
    stop: 'Every mailbox is synced or failed, so Stop-MigrationBatch does not run (allowStopWhenSynced is off).',
  },
  IncrementalSyncing: {
    start: 'An incremental sync is running; wait until the batch is Synced or SyncedWithErrors.',
    remove: RUNNING_REMOVE('IncrementalSyncing', ', or wait until the incremental sync ends and the batch is Synced'),
  },
  Stopping: {
    start: 'The batch is stopping; start it again once it is Stopped.',
    stop: 'The batch is already stopping.',
    remove: 'The batch is stopping; remove it once it is Stopped.',
  },
  Stopped: {
    stop: 'The batch is already stopped.',
  },
  Failed: {
    stop: 'Every mailbox in the batch failed, so there is nothing to stop; start the batch to retry them.',
  },
  Removing: {
    start: 'The batch is being removed.',
    stop: 'The batch is being removed.',
    remove: 'The batch is already being removed.',
  },
  Deleted: {
    start: 'The batch was deleted; create a new one.',
    stop: 'The batch was deleted.',
    remove: 'The batch was already deleted.',
  },
};

/** The reason a command is refused in a status (for commands the machine does not accept there). */
export function refusalReason(status: BatchStatus | 'None', command: BatchCommand): string {
  if (command === 'complete') return COMPLETE_REFUSAL;
  if (status === 'None') return command === 'create' ? 'Creating a batch is allowed.' : NO_BATCH;
  if (command === 'create') return `Only one cutover migration batch can exist at a time, and one exists (status ${status}).`; // CUTPS
  return REASONS[status]?.[command] ?? `${command} is not allowed while the batch is ${status}.`;
}

/** Batch names may not contain spaces or special characters (CUT step 3); the 64-character cap is an assumption. */
export function batchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'The batch name is empty.';
  if (name.length > 64) return 'The batch name is longer than 64 characters.';
  if (!/^[A-Za-z0-9_-]+$/.test(name)) return `The batch name "${name}" contains spaces or special characters; use letters, digits, "-" and "_" only.`;
  return undefined;
}
