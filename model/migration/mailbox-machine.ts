import { assign, setup } from 'xstate';
import type { Millis } from '../../sim/index.js';

/**
 * One migration user's lifecycle (facts §2, §9): a mailbox, mail user, mail contact or
 * mail-enabled group in the cutover batch. Queued means waiting for the service queue or an
 * endpoint slot (MUSR); Provisioning creates the cloud object; Syncing is the initial copy;
 * after it, IncrementalSyncing passes return to Synced. Failed keeps the error text (MUSR:
 * provisioning can succeed and the data sync still fail). Objects without data (mail users,
 * contacts, groups) go from Provisioning straight to Synced.
 *
 * Timing lives in the service (plain engine events); this machine only decides statuses.
 */

export type MailboxEvent =
  | { type: 'PROVISION'; at: Millis }
  | { type: 'PROVISIONED'; at: Millis; hasData: boolean }
  | { type: 'SYNC_DONE'; at: Millis }
  | { type: 'INCREMENTAL'; at: Millis }
  | { type: 'FAIL'; at: Millis; error: string }
  | { type: 'STOP'; at: Millis }
  | { type: 'RESUME'; at: Millis };

export interface MailboxContext {
  error: string | undefined;
  /** The initial sync finished once; a resumed user then only needs incremental passes. */
  initialDone: boolean;
}

export const mailboxMachine = setup({
  types: {} as { context: MailboxContext; events: MailboxEvent },
  guards: {
    hasData: ({ event }) => event.type === 'PROVISIONED' && event.hasData,
    initialDone: ({ context }) => context.initialDone,
  },
  actions: {
    recordError: assign({ error: ({ event }) => (event.type === 'FAIL' ? event.error : undefined) }),
    clearError: assign({ error: undefined }),
    markInitialDone: assign({ initialDone: true }),
  },
}).createMachine({
  id: 'migrationUser',
  initial: 'Queued',
  context: { error: undefined, initialDone: false },
  states: {
    Queued: {
      on: {
        PROVISION: 'Provisioning',
        FAIL: { target: 'Failed', actions: 'recordError' },
        STOP: 'Stopped',
      },
    },
    Provisioning: {
      on: {
        PROVISIONED: [{ guard: 'hasData', target: 'Syncing' }, { target: 'Synced', actions: 'markInitialDone' }],
        FAIL: { target: 'Failed', actions: 'recordError' },
        STOP: 'Stopped',
      },
    },
    Syncing: {
      on: {
        SYNC_DONE: { target: 'Synced', actions: 'markInitialDone' },
        FAIL: { target: 'Failed', actions: 'recordError' },
        STOP: 'Stopped',
      },
    },
    Synced: {
      on: { INCREMENTAL: 'IncrementalSyncing' },
    },
    IncrementalSyncing: {
      on: {
        SYNC_DONE: 'Synced',
        FAIL: { target: 'Failed', actions: 'recordError' },
        STOP: 'Stopped',
      },
    },
    Stopped: {
      on: {
        RESUME: [{ guard: 'initialDone', target: 'Synced' }, { target: 'Queued' }],
      },
    },
    Failed: {
      // PS-Start-MigrationBatch retries failed users.
      on: { RESUME: { target: 'Queued', actions: 'clearError' } },
    },
  },
});

export type MailboxMachine = typeof mailboxMachine;
