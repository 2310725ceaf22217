import type { Millis } from '../../sim/index.js';
import { growableFloat64, growableInt32, type GrowableArray } from '../ledger/growable-array.js';

interface Queue {
  ids: GrowableArray<Int32Array>;
  arrivedAt: GrowableArray<Float64Array>;
  head: number;
}

/**
 * Messages delivered to an on-prem mailbox that have not reached the cloud mailbox yet,
 * per mailbox, in arrival order (compact Int32 ids and Float64 times; issue 6). A sync
 * pass with snapshot s takes every message that arrived at or before s (MMB: incremental
 * sync copies what reached the source since the last pass).
 */
export class AwaitingSync {
  private readonly queues = new Map<number, Queue>();
  private waiting = 0;

  get total(): number {
    return this.waiting;
  }

  add(mailbox: number, messageId: number, at: Millis): void {
    let queue = this.queues.get(mailbox);
    if (queue === undefined) {
      queue = { ids: growableInt32(16), arrivedAt: growableFloat64(16), head: 0 };
      this.queues.set(mailbox, queue);
    }
    const last = queue.arrivedAt.length > queue.head ? queue.arrivedAt.get(queue.arrivedAt.length - 1) : -Infinity;
    if (at < last) throw new RangeError(`awaiting sync: arrivals must come in time order (${at} < ${last})`);
    queue.ids.push(messageId);
    queue.arrivedAt.push(at);
    this.waiting++;
  }

  count(mailbox: number): number {
    const queue = this.queues.get(mailbox);
    return queue === undefined ? 0 : queue.ids.length - queue.head;
  }

  /** Removes and visits, oldest first, every message that arrived at or before `snapshotAt`. */
  takeUpTo(mailbox: number, snapshotAt: Millis, visit: (messageId: number, arrivedAt: Millis) => void): number {
    const queue = this.queues.get(mailbox);
    if (queue === undefined) return 0;
    let taken = 0;
    while (queue.head < queue.ids.length && queue.arrivedAt.get(queue.head) <= snapshotAt) {
      const id = queue.ids.get(queue.head);
      const at = queue.arrivedAt.get(queue.head);
      queue.head++;
      taken++;
      visit(id, at);
    }
    this.waiting -= taken;
    if (queue.head === queue.ids.length) this.queues.delete(mailbox);
    else if (queue.head > 1024 && queue.head * 2 > queue.ids.length) {
      queue.ids.dropFirst(queue.head);
      queue.arrivedAt.dropFirst(queue.head);
      queue.head = 0;
    }
    return taken;
  }

  /** Removes and visits every waiting message of the mailbox. */
  takeAll(mailbox: number, visit: (messageId: number, arrivedAt: Millis) => void): number {
    return this.takeUpTo(mailbox, Infinity, visit);
  }

  /** Visits every waiting message without removing it (for results mid-run). */
  forEach(visit: (mailbox: number, messageId: number, arrivedAt: Millis) => void): void {
    for (const [mailbox, queue] of this.queues) {
      for (let index = queue.head; index < queue.ids.length; index++) visit(mailbox, queue.ids.get(index), queue.arrivedAt.get(index));
    }
  }
}
