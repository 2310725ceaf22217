import type { EventHandler, Millis, RandomStream, ScheduledEvent, Scheduler } from '../../sim/index.js';
import { HOUR } from '../../sim/index.js';
import { fairShares } from './throughput.js';

/**
 * The data plane of the sync engine: concurrent transfers sharing one capacity. Rates are
 * recomputed only when the set of moving transfers changes (start, finish, stall, resume,
 * cancel), so a transfer costs a handful of engine events however long it runs. A transfer
 * may stall (StalledDueToTarget_*: PERF, BLOG-THR) and then waits `stallDuration` before it
 * retries, holding its slot and using no bandwidth meanwhile.
 */

export interface Transfer<O> {
  readonly owner: O;
  /** Named in trace lines (the address). */
  readonly entity: string;
  readonly work: number;
  /** Work left, in bytes, as of `updatedAt`. */
  remaining: number;
  /** The mailbox's own rate, bytes of work per ms. */
  readonly ownRate: number;
  /**
   * The share of the work that is data (the rest is per-item and per-pass latency): only
   * data draws on the shared capacity, so a source at capacity still lets latency overlap.
   */
  readonly dataShare: number;
  /** The current rate (its fair share), bytes per ms. */
  rate: number;
  updatedAt: Millis;
  stalled: boolean;
  active: boolean;
  due: ScheduledEvent<Transfer<O>> | undefined;
  stall: ScheduledEvent<Transfer<O>> | undefined;
}

export interface StallSettings {
  perHour: number;
  duration: Millis;
  /** The stream a transfer's stalls are drawn from, by its entity (one per mailbox). */
  stream: (entity: string) => RandomStream;
}

export class TransferEngine<O> {
  private readonly moving: Transfer<O>[] = [];
  private readonly capacityPerMs: number;
  private readonly onDue: EventHandler<Transfer<O>>;
  private readonly onStall: EventHandler<Transfer<O>>;
  private readonly onRetry: EventHandler<Transfer<O>>;

  constructor(
    private readonly scheduler: Scheduler,
    capacityBytesPerHour: number,
    private readonly stalls: StallSettings,
    private readonly completed: (owner: O, at: Millis) => void,
  ) {
    this.capacityPerMs = capacityBytesPerHour / HOUR;
    this.onDue = (transfer, now) => this.finish(transfer, now);
    this.onStall = (transfer) => this.stallNow(transfer);
    this.onRetry = (transfer) => this.retry(transfer);
  }

  /** Transfers moving now (not stalled). */
  get movingCount(): number {
    return this.moving.length;
  }

  /** Data bytes per ms all moving transfers draw from the capacity together (never above it). */
  get totalRate(): number {
    let total = 0;
    for (const transfer of this.moving) total += transfer.rate * transfer.dataShare;
    return total;
  }

  /**
   * Starts moving `work` bytes for `owner` at up to `ownRateBytesPerHour`, of which
   * `dataBytes` (all of it when not given) are data drawn from the shared capacity.
   */
  start(owner: O, entity: string, work: number, ownRateBytesPerHour: number, dataBytes = work): Transfer<O> {
    const dataShare = work > 0 ? Math.min(1, Math.max(0, dataBytes / work)) : 1;
    const transfer: Transfer<O> = {
      owner, entity, work, remaining: Math.max(0, work), ownRate: ownRateBytesPerHour / HOUR, dataShare, rate: 0,
      updatedAt: this.scheduler.now(), stalled: false, active: true, due: undefined, stall: undefined,
    };
    this.armStall(transfer);
    this.moving.push(transfer);
    this.rebalance();
    return transfer;
  }

  /** Stops a transfer at once (Stop or Remove); returns the work left. */
  cancel(transfer: Transfer<O>): number {
    if (!transfer.active) return 0;
    this.advanceAll();
    transfer.active = false;
    this.scheduler.cancel(transfer.due);
    this.scheduler.cancel(transfer.stall);
    this.removeMoving(transfer);
    this.rebalance();
    return Math.max(0, transfer.remaining);
  }

  /** Fraction of the work done, as of now. */
  progress(transfer: Transfer<O>): number {
    if (transfer.work <= 0) return 1;
    const elapsed = transfer.active && !transfer.stalled ? this.scheduler.now() - transfer.updatedAt : 0;
    const left = Math.max(0, transfer.remaining - transfer.rate * elapsed);
    return Math.min(1, 1 - left / transfer.work);
  }

  private finish(transfer: Transfer<O>, now: Millis): void {
    transfer.active = false;
    transfer.remaining = 0;
    this.scheduler.cancel(transfer.stall);
    this.advanceAll();
    this.removeMoving(transfer);
    this.rebalance();
    this.completed(transfer.owner, now);
  }

  private stallNow(transfer: Transfer<O>): void {
    this.advanceAll();
    transfer.stalled = true;
    transfer.rate = 0;
    this.scheduler.cancel(transfer.due);
    transfer.due = undefined;
    this.removeMoving(transfer);
    transfer.stall = this.scheduler.after(this.stalls.duration, 'migration.retry', transfer.entity, this.onRetry, transfer);
    this.rebalance();
  }

  private retry(transfer: Transfer<O>): void {
    this.advanceAll();
    transfer.stalled = false;
    transfer.updatedAt = this.scheduler.now();
    this.armStall(transfer);
    this.moving.push(transfer);
    this.rebalance();
  }

  /** Next stall after an exponential time of moving (Poisson stalls, `perHour` per hour). */
  private armStall(transfer: Transfer<O>): void {
    transfer.stall = undefined;
    if (this.stalls.perHour <= 0) return;
    const delay = Math.max(1, Math.round(this.stalls.stream(transfer.entity).exponential(HOUR / this.stalls.perHour)));
    transfer.stall = this.scheduler.after(delay, 'migration.stall', transfer.entity, this.onStall, transfer);
  }

  private removeMoving(transfer: Transfer<O>): void {
    const index = this.moving.indexOf(transfer);
    if (index >= 0) this.moving.splice(index, 1);
  }

  private advanceAll(): void {
    const now = this.scheduler.now();
    for (const transfer of this.moving) {
      transfer.remaining -= transfer.rate * (now - transfer.updatedAt);
      transfer.updatedAt = now;
    }
  }

  /**
   * Recomputes every moving transfer's fair share of the capacity (in data bytes) and
   * reschedules its finish. A transfer's work rate is its data share over its data fraction.
   */
  private rebalance(): void {
    this.advanceAll();
    const shares = fairShares(this.moving.map((transfer) => transfer.ownRate * transfer.dataShare), this.capacityPerMs);
    const now = this.scheduler.now();
    this.moving.forEach((transfer, index) => {
      const share = transfer.dataShare > 0 ? (shares[index] ?? 0) / transfer.dataShare : transfer.ownRate;
      if (share === transfer.rate && transfer.due !== undefined) return;
      transfer.rate = share;
      this.scheduler.cancel(transfer.due);
      transfer.due = undefined;
      if (transfer.remaining <= 0) transfer.due = this.scheduler.at(now, 'migration.transferred', transfer.entity, this.onDue, transfer);
      else if (share > 0) transfer.due = this.scheduler.at(now + Math.ceil(transfer.remaining / share - 1e-6), 'migration.transferred', transfer.entity, this.onDue, transfer);
    });
  }
}
