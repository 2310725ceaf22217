import type { RandomStream } from '../../sim/index.js';

/** `offer` results other than an evicted id (ids are ≥ 0). */
export const NOT_SAMPLED = -2;
export const SAMPLED = -1;

/**
 * Chooses which generated messages keep their full path: a uniform sample of fixed size
 * over the whole run (reservoir sampling with geometric skips, Li's Algorithm L), so memory
 * stays bounded however many messages are sent, and random draws are made only for the
 * messages that enter the sample (O(k log(n/k)) draws instead of one per message; issue 9).
 * When a newer message takes a slot, the evicted id is returned so its path can be dropped.
 */
export class PathSampler {
  private readonly slots: number[] = [];
  private seen = 0;
  /** Algorithm L's running weight and the 1-based count of the next message to enter the sample. */
  private weight = 1;
  private nextTaken = 0;

  constructor(private readonly capacity: number, private readonly random: RandomStream) {}

  /** Offers a message id: NOT_SAMPLED, SAMPLED (a free slot), or the id it evicts (kept in its place). */
  offer(id: number): number {
    this.seen++;
    if (this.capacity <= 0) return NOT_SAMPLED;
    if (this.slots.length < this.capacity) {
      this.slots.push(id);
      if (this.slots.length === this.capacity) {
        this.weight = Math.exp(Math.log(this.uniform()) / this.capacity);
        this.skip();
      }
      return SAMPLED;
    }
    if (this.seen < this.nextTaken) return NOT_SAMPLED;
    const slot = Math.floor(this.random.next() * this.capacity);
    const evicted = this.slots[slot]!;
    this.slots[slot] = id;
    this.weight *= Math.exp(Math.log(this.uniform()) / this.capacity);
    this.skip();
    return evicted;
  }

  private skip(): void {
    const gap = Math.floor(Math.log(this.uniform()) / Math.log(1 - this.weight));
    this.nextTaken = this.seen + (Number.isFinite(gap) ? gap : Number.MAX_SAFE_INTEGER) + 1;
  }

  /** Uniform in (0, 1): never 0, so logarithms stay finite. */
  private uniform(): number {
    return 1 - this.random.next();
  }
}
