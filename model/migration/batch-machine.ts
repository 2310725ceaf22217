import { assign, setup } from 'xstate';
import type { Millis } from '../../sim/index.js';
import type { MigrationParameters } from '../config.js';

/**
 * The cutover migration batch (facts §1, §9). Status names are those Get-MigrationBatch
 * reports; the final state is `Deleted` (the batch is gone after Remove-MigrationBatch).
 * There is no Complete, so no Completing either: a cutover has no finalization step
 * (PS-Complete-MigrationBatch). Start-MigrationBatch shows the transient Starting (MMB), as
 * Stop shows Stopping; Remove is accepted only while the batch is not running
 * (PS-Remove-MigrationBatch), so a syncing batch must be stopped first.
 *
 * The machine decides statuses only; the service does the data-plane work (queues, slots,
 * transfers) and reports progress back with the internal events below. Every event that
 * comes from outside carries `at` = scheduler.now(), so timers can count from admin activity.
 */

export type BatchEvent =
  // admin commands (Start-, Stop-, Remove-MigrationBatch)
  | { type: 'START'; at: Millis }
  | { type: 'STOP'; at: Millis }
  | { type: 'REMOVE'; at: Millis }
  // progress reported by the service
  | { type: 'INITIAL_SYNC_DONE'; at: Millis; synced: number; failed: number }
  | { type: 'INCREMENTAL_STARTED'; at: Millis }
  | { type: 'INCREMENTAL_DONE'; at: Millis; failed: number }
  | { type: 'HALTED'; at: Millis }
  | { type: 'STARTED'; at: Millis }
  /** An incremental pass failed without the batch showing IncrementalSyncing (it failed as it began). */
  | { type: 'PASS_FAILED'; at: Millis };

export type BatchInput = {
  autoStart: boolean;
  createdAt: Millis;
} & Pick<
  MigrationParameters,
  'batchCreationDuration' | 'removalDuration' | 'autoStopSyncedAfter' | 'autoRemoveStoppedAfter' | 'allowStopWhenSynced'
>;

export interface BatchContext extends BatchInput {
  /** Last Start or Stop by an admin (or the creation): the 60-day housekeeping counts from it (MMB). */
  lastAdminActivityAt: Millis;
  /** Time of the last event that carried one; `after` timers are counted from it. */
  lastEventAt: Millis;
}

const eventTime = (context: BatchContext, event: { type: string; at?: Millis }): Millis => event.at ?? context.lastEventAt;

export const batchMachine = setup({
  types: {} as { context: BatchContext; events: BatchEvent; input: BatchInput },
  guards: {
    autoStart: ({ context }) => context.autoStart,
    stopWhenSyncedAllowed: ({ context }) => context.allowStopWhenSynced,
    nothingSynced: ({ event }) => event.type === 'INITIAL_SYNC_DONE' && event.synced === 0 && event.failed > 0,
    someFailed: ({ event }) => (event.type === 'INITIAL_SYNC_DONE' || event.type === 'INCREMENTAL_DONE') && event.failed > 0,
  },
  actions: {
    noteEvent: assign({ lastEventAt: ({ context, event }) => eventTime(context, event) }),
    noteAdminActivity: assign({ lastAdminActivityAt: ({ context, event }) => eventTime(context, event) }),
  },
  delays: {
    // CUTPS: creating a batch takes 2-5 minutes; with AutoStart it then starts by itself.
    batchCreation: ({ context }) => context.batchCreationDuration,
    // MMB: a Synced batch with no admin activity for 60 days is stopped.
    autoStop: ({ context }) => Math.max(0, context.lastAdminActivityAt + context.autoStopSyncedAfter - context.lastEventAt),
    // MMB: Stopped and Failed batches are removed after 90 days.
    autoRemove: ({ context }) => context.autoRemoveStoppedAfter,
    // CUT step 6: "a few minutes".
    removal: ({ context }) => context.removalDuration,
  },
}).createMachine({
  id: 'batch',
  initial: 'Created',
  context: ({ input }) => ({ ...input, lastAdminActivityAt: input.createdAt, lastEventAt: input.createdAt }),
  states: {
    Created: {
      // CUT: a batch created to start automatically shows Syncing once it runs.
      after: { batchCreation: { guard: 'autoStart', target: 'Syncing' } },
      on: {
        START: { target: 'Starting', actions: ['noteEvent', 'noteAdminActivity'] },
        REMOVE: { target: 'Removing', actions: 'noteEvent' },
      },
    },
    Starting: {
      on: { STARTED: { target: 'Syncing', actions: 'noteEvent' } },
    },
    Syncing: {
      on: {
        INITIAL_SYNC_DONE: [
          { guard: 'nothingSynced', target: 'Failed', actions: 'noteEvent' },
          { guard: 'someFailed', target: 'SyncedWithErrors', actions: 'noteEvent' },
          { target: 'Synced', actions: 'noteEvent' },
        ],
        STOP: { target: 'Stopping', actions: ['noteEvent', 'noteAdminActivity'] },
      },
    },
    Synced: {
      after: { autoStop: { target: 'Stopping' } },
      on: {
        INCREMENTAL_STARTED: { target: 'IncrementalSyncing', actions: 'noteEvent' },
        PASS_FAILED: { target: 'SyncedWithErrors', actions: 'noteEvent' },
        STOP: { guard: 'stopWhenSyncedAllowed', target: 'Stopping', actions: ['noteEvent', 'noteAdminActivity'] },
        REMOVE: { target: 'Removing', actions: 'noteEvent' },
      },
    },
    SyncedWithErrors: {
      on: {
        INCREMENTAL_STARTED: { target: 'IncrementalSyncing', actions: 'noteEvent' },
        // PS-Start-MigrationBatch: retries the failed users.
        START: { target: 'Starting', actions: ['noteEvent', 'noteAdminActivity'] },
        STOP: { guard: 'stopWhenSyncedAllowed', target: 'Stopping', actions: ['noteEvent', 'noteAdminActivity'] },
        REMOVE: { target: 'Removing', actions: 'noteEvent' },
      },
    },
    IncrementalSyncing: {
      on: {
        INCREMENTAL_DONE: [
          { guard: 'someFailed', target: 'SyncedWithErrors', actions: 'noteEvent' },
          { target: 'Synced', actions: 'noteEvent' },
        ],
        STOP: { target: 'Stopping', actions: ['noteEvent', 'noteAdminActivity'] },
      },
    },
    Stopping: {
      on: { HALTED: { target: 'Stopped', actions: 'noteEvent' } },
    },
    Stopped: {
      after: { autoRemove: { target: 'Removing' } },
      on: {
        // PS-Start-MigrationBatch: resumes a stopped batch.
        START: { target: 'Starting', actions: ['noteEvent', 'noteAdminActivity'] },
        REMOVE: { target: 'Removing', actions: 'noteEvent' },
      },
    },
    Failed: {
      after: { autoRemove: { target: 'Removing' } },
      on: {
        START: { target: 'Starting', actions: ['noteEvent', 'noteAdminActivity'] },
        REMOVE: { target: 'Removing', actions: 'noteEvent' },
      },
    },
    Removing: {
      after: { removal: { target: 'Deleted' } },
    },
    Deleted: { type: 'final' },
  },
});

export type BatchMachine = typeof batchMachine;
