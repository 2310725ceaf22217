/**
 * Message ids kept per mailbox (a small integer index), in no particular order: mail
 * stranded on-prem, mail waiting unread in a cloud mailbox, an Outlook Outbox (issue 13).
 */
export class IdBuckets {
  private readonly buckets: (number[] | undefined)[] = [];
  private size = 0;

  get total(): number {
    return this.size;
  }

  add(mailbox: number, messageId: number): void {
    if (!Number.isInteger(mailbox) || mailbox < 0) throw new RangeError(`id buckets: mailbox must be an index ≥ 0, got ${mailbox}`);
    (this.buckets[mailbox] ??= []).push(messageId);
    this.size++;
  }

  count(mailbox: number): number {
    return this.buckets[mailbox]?.length ?? 0;
  }

  /** Removes and visits every id of the mailbox, oldest first. */
  takeAll(mailbox: number, visit: (messageId: number) => void): number {
    const bucket = this.buckets[mailbox];
    if (bucket === undefined || bucket.length === 0) return 0;
    this.buckets[mailbox] = undefined;
    this.size -= bucket.length;
    for (const id of bucket) visit(id);
    return bucket.length;
  }

  /** Removes and visits every id of every mailbox. */
  drain(visit: (mailbox: number, messageId: number) => void): number {
    let taken = 0;
    for (let mailbox = 0; mailbox < this.buckets.length; mailbox++) taken += this.takeAll(mailbox, (id) => visit(mailbox, id));
    return taken;
  }
}
