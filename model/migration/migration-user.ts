import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Millis, ScheduledEvent, Trace } from '../../sim/index.js';
import type { Recipient } from '../organisation.js';
import type { MailboxMigrationStatus } from '../result.js';
import { mailboxMachine, type MailboxEvent, type MailboxMachine } from './mailbox-machine.js';
import type { Transfer } from './transfer-engine.js';

/** Data not yet copied: what reached the on-prem mailbox since the last snapshot, or what a stopped copy left. */
export interface PendingData {
  bytes: number;
  items: number;
  /** Items over the target's MaxReceiveSize: skipped as large items, not copied (facts §5.2). */
  large: number;
}

export const emptyData = (): PendingData => ({ bytes: 0, items: 0, large: 0 });

/** One sync pass under way: its snapshot time and what it copies. */
export interface SyncPass {
  kind: 'initial' | 'incremental';
  snapshotAt: Millis;
  data: PendingData;
  bad: number;
  transfer: Transfer<MigrationUser>;
}

/** The mailbox machine's state and context (XState snapshots are immutable, so users share them). */
export type MailboxSnapshot = SnapshotFrom<MailboxMachine>;

/** One migration user: its lifecycle snapshot plus plain data-plane fields (no XState on the hot path). */
export interface MigrationUser {
  readonly recipient: Recipient;
  readonly address: string;
  /** Mailboxes carry data; mail users, contacts and groups are only provisioned. */
  readonly hasData: boolean;
  /** Where the mailbox machine is; moved only by `sendUser`. */
  snapshot: MailboxSnapshot;
  /** Records the machine's transitions in the run's trace (absent when the run is not traced). */
  readonly trace: Trace | undefined;
  readonly now: () => Millis;
  /** False until the batch first starts (reported as NotStarted). */
  started: boolean;
  provisioned: boolean;
  /** The one pending engine event of this user (queue delay, provisioning, next incremental). */
  timer: ScheduledEvent<MigrationUser> | undefined;
  slot: 'initial' | 'incremental' | undefined;
  /** Waiting in the incremental pool's queue: its pass is already requested, so Start must not request another. */
  awaitingIncrementalSlot: boolean;
  /** A pass Start-MigrationBatch asked for (a resumed or retried synced user): the batch is Syncing until it ends. */
  resumePass: boolean;
  pass: SyncPass | undefined;
  /** The mailbox's own transfer rate, bytes per hour, drawn once. */
  ownRate: number | undefined;
  /** What a stopped or failed initial copy still has to move (the copy resumes from its checkpoint). */
  initialLeft: PendingData | undefined;
  /** What the running initial copy leaves out because the target mailbox's quota is reached (never copied). */
  overQuota: PendingData | undefined;
  /** Bytes the initial copy covers (size at the snapshot plus arrivals folded in). */
  initialTotalBytes: number;
  bytesSynced: number;
  itemsSynced: number;
  /** Items (large ones included) and bytes that landed on the on-prem mailbox and a pass took since T+0: the source grows by them. */
  arrivedItems: number;
  arrivedBytes: number;
  skippedLarge: number;
  skippedBad: number;
  initialSyncDoneAt: Millis | undefined;
  lastSuccessfulSyncAt: Millis | undefined;
  /** The snapshot of that pass: what reached the on-prem mailbox by then is in the cloud, anything later is not. */
  lastSuccessfulSnapshotAt: Millis | undefined;
  /** For example "provisioned as a distribution group". */
  note: string | undefined;
}

export function createMigrationUser(recipient: Recipient, now: () => Millis, trace: Trace | undefined): MigrationUser {
  const user: MigrationUser = {
    recipient, address: recipient.address, hasData: recipient.kind === 'mailbox', snapshot: INITIAL, trace, now,
    started: false, provisioned: false, timer: undefined, slot: undefined, awaitingIncrementalSlot: false, resumePass: false, pass: undefined, ownRate: undefined,
    initialLeft: undefined, overQuota: undefined, initialTotalBytes: 0, bytesSynced: 0, itemsSynced: 0, arrivedItems: 0, arrivedBytes: 0, skippedLarge: 0, skippedBad: 0,
    initialSyncDoneAt: undefined, lastSuccessfulSyncAt: undefined, lastSuccessfulSnapshotAt: undefined, note: undefined,
  };
  record(user, 'xstate.init');
  return user;
}

export const userStatus = (user: MigrationUser): MailboxMigrationStatus => user.snapshot.value as MailboxMigrationStatus;

/** The error text a failed user keeps (Get-MigrationUserStatistics ErrorSummary). */
export const userError = (user: MigrationUser): string | undefined => user.snapshot.context.error;

/**
 * Moves the user's machine with XState's pure `transition()`; a transition the machine does
 * not allow is a defect in the service, so it throws. The machine reads only the event's
 * type, `hasData` and `error` (never `at`), so its answer for one snapshot and those fields
 * is computed once and shared by every user (FAIL, rare and carrying its own text, is not
 * kept): 2,000 users' daily passes were 2,000 actors each computing the same microsteps and
 * allocating ~5 KB a transition (issue 9 profile). The trace gets the line an actor's
 * inspector gave, so a run's trace hash is unchanged.
 */
export function sendUser(user: MigrationUser, event: MailboxEvent): void {
  const before = user.snapshot;
  let after: MailboxSnapshot | undefined;
  if (event.type === 'FAIL') after = transition(mailboxMachine, before, event)[0]; // rare, and its error text varies
  else {
    const key = event.type === 'PROVISIONED' && event.hasData ? 'PROVISIONED+data' : event.type;
    let known = nextSnapshots.get(before);
    if (known === undefined) {
      known = new Map();
      nextSnapshots.set(before, known);
    }
    after = known.get(key);
    if (after === undefined) {
      after = transition(mailboxMachine, before, event)[0];
      known.set(key, after);
    }
  }
  // XState gives back the very same snapshot when no transition is enabled.
  if (after === before) throw new Error(`migration user ${user.address}: ${event.type} is not allowed in ${String(before.value)}`);
  user.snapshot = after;
  record(user, event.type);
}

const INITIAL: MailboxSnapshot = initialTransition(mailboxMachine)[0];

/** Next snapshots by snapshot and event type (PROVISIONED split by `hasData`); snapshots compared by identity, so shared ones hit. */
const nextSnapshots = new WeakMap<MailboxSnapshot, Map<string, MailboxSnapshot>>();

function record(user: MigrationUser, eventType: string): void {
  user.trace?.record(user.now(), 'transition', `migrationUser:${user.address}`, `${eventType}->${String(user.snapshot.value)}`);
}
