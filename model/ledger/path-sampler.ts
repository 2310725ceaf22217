import type { RandomStream } from '../../sim/index.js';

/**
 * Chooses which generated messages keep their full path: a uniform sample of fixed size
 * over the whole run (reservoir sampling, Algorithm R), so memory stays bounded however
 * many messages are sent. When a newer message takes a slot, the evicted id is returned
 * so its path can be dropped.
 */
export class PathSampler {
  private readonly slots: number[] = [];
  private seen = 0;

  constructor(private readonly capacity: number, private readonly random: RandomStream) {}

  /** Offers a message id; returns whether it is kept and which id (if any) it replaces. */
  offer(id: number): { keep: boolean; evicted?: number } {
    this.seen++;
    if (this.capacity <= 0) return { keep: false };
    if (this.slots.length < this.capacity) {
      this.slots.push(id);
      return { keep: true };
    }
    const slot = Math.floor(this.random.next() * this.seen);
    if (slot >= this.capacity) return { keep: false };
    const evicted = this.slots[slot]!;
    this.slots[slot] = id;
    return { keep: true, evicted };
  }
}
