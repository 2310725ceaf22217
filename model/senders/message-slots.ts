/**
 * Per-message state of messages queued at senders, in typed arrays grown by doubling. A
 * message takes a slot only while it is queued and gives it back when it is delivered or
 * bounced, so memory follows the queue's peak size, not the run's message count (a 2,000
 * mailbox × 30 day run sends ~6M messages; no object per message).
 */
export class MessageSlots {
  messageId = new Int32Array(0);
  sender = new Int32Array(0);
  recipient = new Int32Array(0);
  attempts = new Int32Array(0);
  submittedAt = new Float64Array(0);
  /** NaN until the first failure. */
  firstFailureAt = new Float64Array(0);
  previousInterval = new Float64Array(0);
  noticeSent = new Uint8Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private capacity = 0;
  private used = 0;

  constructor(initialCapacity = 1024) {
    this.grow(initialCapacity);
  }

  /** Messages holding a slot. */
  get liveCount(): number {
    return this.used;
  }

  allocate(messageId: number, sender: number, recipient: number, submittedAt: number): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const slot = this.free[--this.freeCount]!;
    this.used++;
    this.messageId[slot] = messageId;
    this.sender[slot] = sender;
    this.recipient[slot] = recipient;
    this.attempts[slot] = 0;
    this.submittedAt[slot] = submittedAt;
    this.firstFailureAt[slot] = NaN;
    this.previousInterval[slot] = 0;
    this.noticeSent[slot] = 0;
    return slot;
  }

  release(slot: number): void {
    this.free[this.freeCount++] = slot;
    this.used--;
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(array: T, make: (n: number) => T): T => {
      const grown = make(capacity);
      grown.set(array);
      return grown;
    };
    this.messageId = copy(this.messageId, (n) => new Int32Array(n));
    this.sender = copy(this.sender, (n) => new Int32Array(n));
    this.recipient = copy(this.recipient, (n) => new Int32Array(n));
    this.attempts = copy(this.attempts, (n) => new Int32Array(n));
    this.submittedAt = copy(this.submittedAt, (n) => new Float64Array(n));
    this.firstFailureAt = copy(this.firstFailureAt, (n) => new Float64Array(n));
    this.previousInterval = copy(this.previousInterval, (n) => new Float64Array(n));
    this.noticeSent = copy(this.noticeSent, (n) => new Uint8Array(n));
    const free = new Int32Array(capacity);
    free.set(this.free.subarray(0, this.freeCount));
    // New slots are handed out lowest first.
    for (let slot = capacity - 1; slot >= old; slot--) free[this.freeCount++] = slot;
    this.free = free;
    this.capacity = capacity;
  }
}
