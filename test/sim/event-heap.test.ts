import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { EventHeap } from '../../sim/event-heap.js';

interface Item { at: number; seq: number }

describe('EventHeap', () => {
  test.prop([fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(-1)), { maxLength: 300 })], { numRuns: 100 })(
    'pops in (time, sequence) order whatever the interleaving of pushes and pops',
    (operations) => {
      const heap = new EventHeap<Item>();
      const reference: Item[] = [];
      let seq = 0;
      for (const operation of operations) {
        if (operation >= 0) {
          const item = { at: operation, seq: seq++ };
          heap.push(item);
          reference.push(item);
        } else {
          reference.sort((a, b) => a.at - b.at || a.seq - b.seq);
          expect(heap.pop()).toBe(reference.shift());
        }
        expect(heap.size).toBe(reference.length);
      }
      reference.sort((a, b) => a.at - b.at || a.seq - b.seq);
      expect(heap.peek()).toBe(reference[0]);
      const rest: Item[] = [];
      for (let item = heap.pop(); item !== undefined; item = heap.pop()) rest.push(item);
      expect(rest).toEqual(reference);
    },
  );
});
