import { HOUR, type Millis, type Scheduler } from '../../sim/index.js';

/** CUT step 5: wait at least 72 hours after the MX change before deleting the batch. */
export const MINIMUM_WAIT_AFTER_SWITCH: Millis = 72 * HOUR;

export interface RemovalReadinessOptions {
  scheduler: Scheduler;
  /** The worst-case time after a switch at `switchAt` that any sender may still reach the old host (DNS). */
  oldMxWindow: (switchAt: Millis) => Millis;
  /** When every user's Outlook has left on-prem, once known. */
  clientsAllMovedAt: () => Millis | undefined;
  /** The mailboxes that are migrated (have a cloud mailbox and did not fail); call `changed()` when this changes. */
  migratedMailboxes: () => readonly string[];
  onReady: (at: Millis) => void;
  minimumWaitAfterSwitch?: Millis;
}

/**
 * When the batch can be deleted without stranding mail (the `recommendedBatchRemoval`
 * anchor). After the switch, L is the last moment anything can still land on-prem: the
 * switch plus the worst-case old-MX window for the TTL history, and no earlier than the
 * moment the last Outlook profile leaves on-prem when that is known. The batch is safe to
 * delete once every migrated mailbox has finished a pass whose snapshot is at or after L
 * (CUTPS: the last sync must postdate the moment mail began going direct), and not before
 * the switch plus 72 hours (CUT step 5).
 */
export class RemovalReadiness {
  private switchAt: Millis | undefined;
  private readonly lastSnapshot = new Map<string, Millis>();
  private readyAt: Millis | undefined;
  /**
   * A check runs after every sync pass (60,000 in `max`); scanning every migrated mailbox
   * each time was quadratic (issue 9 profile). Snapshots only move forward, so mailboxes
   * before `cursor` stay done while the list and the last old-host moment stay the same.
   */
  private migrated: readonly string[] | undefined;
  private cursor = 0;
  private cursorLast: Millis | undefined;

  constructor(private readonly options: RemovalReadinessOptions) {}

  get minimumWait(): Millis {
    return this.options.minimumWaitAfterSwitch ?? MINIMUM_WAIT_AFTER_SWITCH;
  }

  mxSwitched(at: Millis): void {
    if (this.switchAt !== undefined) return;
    this.switchAt = at;
    this.options.scheduler.at(at + this.minimumWait, 'plan.removal-check', 'batch', this.checkNow, undefined);
  }

  syncPass(address: string, snapshotAt: Millis): void {
    this.lastSnapshot.set(address.toLowerCase(), Math.max(snapshotAt, this.lastSnapshot.get(address.toLowerCase()) ?? -Infinity));
    this.check(this.options.scheduler.now());
  }

  /** The set of migrated mailboxes changed (one was provisioned or failed): re-check. */
  changed(): void {
    this.migrated = undefined;
    this.cursor = 0;
    this.check(this.options.scheduler.now());
  }

  /** The last moment mail may still land on-prem, once the MX was switched. */
  lastOldHostMoment(): Millis | undefined {
    if (this.switchAt === undefined) return undefined;
    const dnsBound = this.switchAt + this.options.oldMxWindow(this.switchAt);
    const clients = this.options.clientsAllMovedAt();
    return clients === undefined ? dnsBound : Math.max(dnsBound, clients);
  }

  recommendedAt(): Millis | undefined {
    return this.readyAt;
  }

  private readonly checkNow = (_: undefined, now: Millis): void => this.check(now);

  private check(now: Millis): void {
    if (this.readyAt !== undefined || this.switchAt === undefined) return;
    if (now < this.switchAt + this.minimumWait) return;
    const last = this.lastOldHostMoment()!;
    if (last !== this.cursorLast) {
      this.cursorLast = last;
      this.cursor = 0;
    }
    this.migrated ??= this.options.migratedMailboxes();
    for (; this.cursor < this.migrated.length; this.cursor++) {
      if ((this.lastSnapshot.get(this.migrated[this.cursor]!.toLowerCase()) ?? -Infinity) < last) return;
    }
    this.readyAt = now;
    this.options.onReady(now);
  }
}
