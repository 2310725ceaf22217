import type { KeyTimes, SimulationResult } from '../result.js';

/**
 * The key times a result observed. Results from before they were recorded (saved JSON, test
 * engines) get them from the batch history and the actions. Type imports only, so the command
 * line can use it without loading the model.
 */
export function keyTimesOf(result: SimulationResult): KeyTimes {
  if (result.keyTimes !== undefined) return result.keyTimes;
  const done = (action: string) => result.actions.find((outcome) => outcome.action === action && outcome.outcome === 'done')?.at ?? null;
  const synced = result.batch.statusHistory.find((change) => change.status === 'Synced' || change.status === 'SyncedWithErrors');
  return {
    initialSyncDoneAt: result.mailboxes.synced > 0 ? synced?.at ?? null : null,
    mxSwitchedAt: done('switchMx'), batchRemovedAt: done('removeBatch'), decommissionedAt: done('decommission'),
    licensesAssignedAt: done('assignLicenses'), firstProvisionedAt: null, removalSafeAt: null,
  };
}
