import TinyQueue from 'tinyqueue';

/** What the heap needs of an event: its time and its insertion sequence. */
export interface Ordered {
  readonly at: number;
  readonly seq: number;
}

const precedes = (a: Ordered, b: Ordered): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
const byTimeThenSequence = (a: Ordered, b: Ordered): number => a.at - b.at || a.seq - b.seq;

/**
 * The event queue's ordering: a binary min-heap (tinyqueue, a small well-kept package)
 * ordered by (time, insertion sequence).
 *
 * In front of the heap sits one slot for an item that precedes everything in the heap: the
 * next mail arrival usually is the earliest pending event, and then it is pushed and popped
 * without touching the heap at all (every message costs one push and one pop; issue 9
 * profile). The order is the same total order either way.
 */
export class EventHeap<E extends Ordered> {
  private readonly heap = new TinyQueue<E>([], byTimeThenSequence);
  private front: E | undefined;

  get size(): number {
    return this.heap.length + (this.front === undefined ? 0 : 1);
  }

  peek(): E | undefined {
    return this.front ?? this.heap.peek();
  }

  push(item: E): void {
    const front = this.front;
    if (front === undefined) {
      const top = this.heap.peek();
      if (top === undefined || precedes(item, top)) {
        this.front = item;
        return;
      }
    } else if (precedes(item, front)) {
      this.front = item;
      this.heap.push(front);
      return;
    }
    this.heap.push(item);
  }

  pop(): E | undefined {
    const front = this.front;
    if (front !== undefined) {
      this.front = undefined;
      return front;
    }
    return this.heap.pop();
  }
}
