import type { BatchCommand } from '../../model/migration/index.js';
import type { BatchStatus } from '../../model/result.js';

/**
 * A small reference model of the cutover batch, written from the documentation (facts §1,
 * MMB, PS-*-MigrationBatch, CUT step 6), independently of model/migration's machine: which
 * admin command each status accepts, what it leads to at once, and which statuses time
 * alone may bring.
 */
export type ModelStatus = BatchStatus | 'None';

export interface BatchModel {
  status: ModelStatus;
  allowStopWhenSynced: boolean;
}

export function accepts(model: BatchModel, command: BatchCommand): boolean {
  const status = model.status;
  switch (command) {
    case 'create':
      return status === 'None' || status === 'Deleted'; // CUTPS: one cutover batch at a time
    case 'start':
      return status === 'Created' || status === 'SyncedWithErrors' || status === 'Stopped' || status === 'Failed'; // PS-Start-MigrationBatch
    case 'stop':
      return status === 'Syncing' || status === 'IncrementalSyncing' || (model.allowStopWhenSynced && (status === 'Synced' || status === 'SyncedWithErrors')); // MMB
    case 'remove':
      // PS-Remove-MigrationBatch: only a batch that isn't running (CUT step 6 removes a Synced one).
      return status === 'Created' || status === 'Synced' || status === 'SyncedWithErrors' || status === 'Stopped' || status === 'Failed';
    case 'complete':
      return false; // PS-Complete-MigrationBatch: not for cutover
  }
}

export const AFTER_COMMAND: Record<Exclude<BatchCommand, 'complete'>, BatchStatus> = { create: 'Created', start: 'Starting', stop: 'Stopping', remove: 'Removing' };

/** Status changes that happen with time alone (sync progress, housekeeping timers). */
const BY_TIME: Record<ModelStatus, readonly ModelStatus[]> = {
  None: [],
  Created: ['Syncing'], // AutoStart once created (CUTPS)
  Starting: ['Syncing'], // transient, shown right after Start-MigrationBatch (MMB)
  Syncing: ['Synced', 'SyncedWithErrors', 'Failed'],
  Synced: ['IncrementalSyncing', 'SyncedWithErrors', 'Stopping'], // 24 h passes (MMB), one that fails as it begins; stopped after 60 days without activity
  SyncedWithErrors: ['IncrementalSyncing'],
  IncrementalSyncing: ['Synced', 'SyncedWithErrors'],
  Stopping: ['Stopped'],
  Stopped: ['Removing'], // removed after 90 days (MMB)
  Failed: ['Removing'],
  Removing: ['Deleted'],
  Deleted: [],
};

/** Whether time alone can take the batch from `from` to `to` (through any number of steps). */
export function reachableByTime(from: ModelStatus, to: ModelStatus): boolean {
  const seen = new Set<ModelStatus>([from]);
  const queue: ModelStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) return true;
    for (const next of BY_TIME[current]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}
