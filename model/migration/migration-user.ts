import { createActor, type Actor } from 'xstate';
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

/** One migration user: its lifecycle actor plus plain data-plane fields (no XState on the hot path). */
export interface MigrationUser {
  readonly recipient: Recipient;
  readonly address: string;
  /** Mailboxes carry data; mail users, contacts and groups are only provisioned. */
  readonly hasData: boolean;
  readonly actor: Actor<MailboxMachine>;
  /** False until the batch first starts (reported as NotStarted). */
  started: boolean;
  provisioned: boolean;
  /** The one pending engine event of this user (queue delay, provisioning, next incremental). */
  timer: ScheduledEvent<MigrationUser> | undefined;
  slot: 'initial' | 'incremental' | undefined;
  /** Waiting in the incremental pool's queue: its pass is already requested, so Start must not request another. */
  awaitingIncrementalSlot: boolean;
  pass: SyncPass | undefined;
  /** The mailbox's own transfer rate, bytes per hour, drawn once. */
  ownRate: number | undefined;
  /** What a stopped initial copy still has to move. */
  initialLeft: PendingData | undefined;
  /** Bytes the initial copy covers (size at the snapshot plus arrivals folded in). */
  initialTotalBytes: number;
  bytesSynced: number;
  itemsSynced: number;
  skippedLarge: number;
  skippedBad: number;
  initialSyncDoneAt: Millis | undefined;
  lastSuccessfulSyncAt: Millis | undefined;
  /** For example "provisioned as a distribution group". */
  note: string | undefined;
}

export function createMigrationUser(recipient: Recipient, now: () => Millis, trace: Trace | undefined): MigrationUser {
  const actor = createActor(mailboxMachine, {
    systemId: `migrationUser:${recipient.address}`,
    ...(trace === undefined ? {} : { inspect: trace.inspector(now) }),
  });
  actor.start();
  return {
    recipient, address: recipient.address, hasData: recipient.kind === 'mailbox', actor,
    started: false, provisioned: false, timer: undefined, slot: undefined, awaitingIncrementalSlot: false, pass: undefined, ownRate: undefined,
    initialLeft: undefined, initialTotalBytes: 0, bytesSynced: 0, itemsSynced: 0, skippedLarge: 0, skippedBad: 0,
    initialSyncDoneAt: undefined, lastSuccessfulSyncAt: undefined, note: undefined,
  };
}

export const userStatus = (user: MigrationUser): MailboxMigrationStatus => user.actor.getSnapshot().value as MailboxMigrationStatus;

/**
 * Sends a lifecycle event; a transition the machine does not allow is a defect in the service, so it throws.
 * XState keeps the very same snapshot when no transition is enabled (every transition of the
 * mailbox machine has a target or an assign), so checking after sending costs nothing, where
 * `can()` beforehand computed each transition twice (two per incremental pass, issue 9).
 */
export function sendUser(user: MigrationUser, event: MailboxEvent): void {
  const before = user.actor.getSnapshot();
  user.actor.send(event);
  if (user.actor.getSnapshot() === before) throw new Error(`migration user ${user.address}: ${event.type} is not allowed in ${String(before.value)}`);
}
