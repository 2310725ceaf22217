import type { Millis } from '../../sim/index.js';

/** One mailbox's waiting messages: ids and arrival times in [head, tail) of two typed arrays. */
class Queue {
  ids = new Int32Array(16);
  arrivedAt = new Float64Array(16);
  head = 0;
  tail = 0;

  push(messageId: number, at: Millis): void {
    if (this.tail === this.ids.length) {
      const live = this.tail - this.head;
      // Reuse the consumed prefix when it is at least half the store; otherwise double.
      const capacity = live * 2 <= this.ids.length ? this.ids.length : this.ids.length * 2;
      const ids = capacity === this.ids.length ? this.ids : new Int32Array(capacity);
      const arrivedAt = capacity === this.arrivedAt.length ? this.arrivedAt : new Float64Array(capacity);
      ids.set(this.ids.subarray(this.head, this.tail));
      arrivedAt.set(this.arrivedAt.subarray(this.head, this.tail));
      this.ids = ids;
      this.arrivedAt = arrivedAt;
      this.head = 0;
      this.tail = live;
    }
    this.ids[this.tail] = messageId;
    this.arrivedAt[this.tail] = at;
    this.tail++;
  }
}

/**
 * Messages delivered to an on-prem mailbox that have not reached the cloud mailbox yet,
 * per mailbox (a small integer index), in arrival order (compact Int32 ids and Float64
 * times; issue 6). A sync pass with snapshot s takes every message that arrived at or
 * before s (MMB: incremental sync copies what reached the source since the last pass).
 * Queues are kept in an array by mailbox and reused when emptied: `add` runs for every
 * message that lands on-prem (issue 9).
 */
export class AwaitingSync {
  private readonly queues: (Queue | undefined)[] = [];
  private waiting = 0;

  get total(): number {
    return this.waiting;
  }

  add(mailbox: number, messageId: number, at: Millis): void {
    let queue = this.queues[mailbox];
    if (queue === undefined) {
      if (!Number.isInteger(mailbox) || mailbox < 0) throw new RangeError(`awaiting sync: mailbox must be an index ≥ 0, got ${mailbox}`);
      while (this.queues.length < mailbox) this.queues.push(undefined);
      queue = new Queue();
      this.queues[mailbox] = queue;
    }
    if (queue.tail > queue.head && at < queue.arrivedAt[queue.tail - 1]!) {
      throw new RangeError(`awaiting sync: arrivals must come in time order (${at} < ${queue.arrivedAt[queue.tail - 1]})`);
    }
    queue.push(messageId, at);
    this.waiting++;
  }

  count(mailbox: number): number {
    const queue = this.queues[mailbox];
    return queue === undefined ? 0 : queue.tail - queue.head;
  }

  /** Removes and visits, oldest first, every message that arrived at or before `snapshotAt`. */
  takeUpTo(mailbox: number, snapshotAt: Millis, visit: (messageId: number, arrivedAt: Millis) => void): number {
    const queue = this.queues[mailbox];
    if (queue === undefined) return 0;
    let taken = 0;
    while (queue.head < queue.tail && queue.arrivedAt[queue.head]! <= snapshotAt) {
      const id = queue.ids[queue.head]!;
      const at = queue.arrivedAt[queue.head]!;
      queue.head++;
      taken++;
      visit(id, at);
    }
    this.waiting -= taken;
    if (queue.head === queue.tail) queue.head = queue.tail = 0;
    return taken;
  }

  /** Removes and visits every waiting message of the mailbox. */
  takeAll(mailbox: number, visit: (messageId: number, arrivedAt: Millis) => void): number {
    return this.takeUpTo(mailbox, Infinity, visit);
  }

  /** Visits every waiting message without removing it (for results mid-run), by mailbox. */
  forEach(visit: (mailbox: number, messageId: number, arrivedAt: Millis) => void): void {
    this.queues.forEach((queue, mailbox) => {
      if (queue === undefined) return;
      for (let index = queue.head; index < queue.tail; index++) visit(mailbox, queue.ids[index]!, queue.arrivedAt[index]!);
    });
  }
}
