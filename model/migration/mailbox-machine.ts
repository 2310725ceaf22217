import { assign, setup } from 'xstate';
import type { Millis } from '../../sim/index.js';

/**
 * One migration user's lifecycle (facts §2, §9): a mailbox, mail user, mail contact or
 * mail-enabled group in the cutover batch. Status names are those Get-MigrationUser reports.
 * Queued means waiting for the service queue or an endpoint slot (MUSR); Provisioning creates
 * the cloud object; a group whose members are not all provisioned yet is ProvisionUpdating
 * (MUSR: provisioned, properties such as membership still to come); Syncing is the initial
 * copy; after it, IncrementalSyncing passes return to Synced, or to IncrementalFailed when the
 * pass fails (the next pass retries). Failed keeps the error text (MUSR: provisioning can
 * succeed and the data sync still fail). Stop leaves users whose initial copy was not done
 * Stopped and synced ones IncrementalStopped (PS-Get-MigrationUser status list); Start
 * resumes both. Objects without data (mail users, contacts, groups) go from Provisioning
 * straight to Synced.
 *
 * Timing lives in the service (plain engine events); this machine only decides statuses.
 */

export type MailboxEvent =
  | { type: 'PROVISION'; at: Millis }
  | { type: 'PROVISIONED'; at: Millis; hasData: boolean }
  /** The cloud object exists but some properties wait for other users (a group's members). */
  | { type: 'PROVISION_PENDING'; at: Millis }
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
        PROVISION_PENDING: 'ProvisionUpdating',
        FAIL: { target: 'Failed', actions: 'recordError' },
        STOP: 'Stopped',
      },
    },
    ProvisionUpdating: {
      on: {
        PROVISIONED: { target: 'Synced', actions: 'markInitialDone' },
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
      on: {
        INCREMENTAL: 'IncrementalSyncing',
        STOP: 'IncrementalStopped',
      },
    },
    IncrementalSyncing: {
      on: {
        SYNC_DONE: { target: 'Synced', actions: 'clearError' },
        FAIL: { target: 'IncrementalFailed', actions: 'recordError' },
        STOP: 'IncrementalStopped',
      },
    },
    IncrementalFailed: {
      on: {
        // The next 24-hour pass tries again (assumption: the subscription stays active).
        INCREMENTAL: 'IncrementalSyncing',
        STOP: 'IncrementalStopped',
        // PS-Start-MigrationBatch retries failed users.
        RESUME: { target: 'Synced', actions: 'clearError' },
      },
    },
    Stopped: {
      // The initial copy resumes where it stopped.
      on: { RESUME: 'Queued' },
    },
    IncrementalStopped: {
      on: { RESUME: { target: 'Synced', actions: 'clearError' } },
    },
    Failed: {
      // PS-Start-MigrationBatch retries failed users; a copy resumes from its checkpoint.
      on: { RESUME: { target: 'Queued', actions: 'clearError' } },
    },
  },
});

export type MailboxMachine = typeof mailboxMachine;
