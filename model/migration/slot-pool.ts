/**
 * A pool of endpoint slots: MaxConcurrentMigrations for initial syncs, or
 * MaxConcurrentIncrementalSyncs for incremental passes. The two are independent buckets
 * (BLOG-CONC). Requests beyond the capacity wait in arrival order (MUSR: "Queued" when every
 * connection of the endpoint is in use).
 */
export class SlotPool<T> {
  private used = 0;
  private waiting: T[] = [];
  private waitingHead = 0;

  constructor(
    readonly capacity: number,
    private readonly grant: (item: T) => void,
  ) {}

  get inUse(): number {
    return this.used;
  }

  get queued(): number {
    return this.waiting.length - this.waitingHead;
  }

  /** Grants a slot at once when one is free, otherwise queues the request. */
  request(item: T): void {
    if (this.used < this.capacity) {
      this.used++;
      this.grant(item);
    } else {
      this.waiting.push(item);
    }
  }

  /** Gives a slot back; the longest-waiting request gets it. */
  release(): void {
    if (this.used <= 0) throw new RangeError('slot pool: release without a slot in use');
    this.used--;
    while (this.waitingHead < this.waiting.length && this.used < this.capacity) {
      const next = this.waiting[this.waitingHead++] as T;
      this.used++;
      this.grant(next);
    }
    if (this.waitingHead > 64 && this.waitingHead * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.waitingHead);
      this.waitingHead = 0;
    }
  }

  /** Drops a queued request (the user was stopped); true when it was queued. */
  withdraw(item: T): boolean {
    const index = this.waiting.indexOf(item, this.waitingHead);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    return true;
  }

  /** Drops every queued request. */
  clearQueue(): void {
    this.waiting = [];
    this.waitingHead = 0;
  }
}
