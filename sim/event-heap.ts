/** What the heap needs of an event: its time and its insertion sequence. */
export interface Ordered {
  readonly at: number;
  readonly seq: number;
}

const precedes = (a: Ordered, b: Ordered): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

/**
 * A binary min-heap ordered by (time, insertion sequence), with the comparison written
 * inline: the generic comparator call of a general-purpose heap was a tenth of a large
 * run's time, since every message costs one push and one pop (issue 9 profile).
 *
 * In front of the heap sits one slot for an item that precedes everything in the heap: the
 * next mail arrival usually is the earliest pending event, and then it is pushed and popped
 * without touching the heap at all. The order is the same total order either way.
 */
export class EventHeap<E extends Ordered> {
  private readonly items: E[] = [];
  private front: E | undefined;

  get size(): number {
    return this.items.length + (this.front === undefined ? 0 : 1);
  }

  peek(): E | undefined {
    return this.front ?? this.items[0];
  }

  push(item: E): void {
    const front = this.front;
    if (front === undefined) {
      const top = this.items[0];
      if (top === undefined || precedes(item, top)) {
        this.front = item;
        return;
      }
    } else if (precedes(item, front)) {
      this.front = item;
      this.pushToHeap(front);
      return;
    }
    this.pushToHeap(item);
  }

  pop(): E | undefined {
    const front = this.front;
    if (front !== undefined) {
      this.front = undefined;
      return front;
    }
    return this.popFromHeap();
  }

  private pushToHeap(item: E): void {
    const items = this.items;
    let index = items.length;
    items.push(item);
    const at = item.at;
    const seq = item.seq;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex]!;
      if (parent.at < at || (parent.at === at && parent.seq < seq)) break;
      items[index] = parent;
      index = parentIndex;
    }
    items[index] = item;
  }

  private popFromHeap(): E | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const length = items.length;
    const at = last.at;
    const seq = last.seq;
    let index = 0;
    const half = length >> 1;
    while (index < half) {
      let childIndex = 2 * index + 1;
      let child = items[childIndex]!;
      const rightIndex = childIndex + 1;
      if (rightIndex < length) {
        const right = items[rightIndex]!;
        if (right.at < child.at || (right.at === child.at && right.seq < child.seq)) {
          childIndex = rightIndex;
          child = right;
        }
      }
      if (at < child.at || (at === child.at && seq < child.seq)) break;
      items[index] = child;
      index = childIndex;
    }
    items[index] = last;
    return top;
  }
}
