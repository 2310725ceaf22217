import { describe, expect, it } from 'vitest';
import { growableFloat64, growableInt32 } from '../../../model/ledger/growable-array.js';

describe('GrowableArray', () => {
  it('grows past its initial capacity and keeps every value', () => {
    const column = growableFloat64(2);
    for (let index = 0; index < 1000; index++) column.push(index * 1.5);
    expect(column.length).toBe(1000);
    expect(column.get(999)).toBe(1498.5);
    expect(() => column.get(1000)).toThrow(RangeError);
  });

  it('drops a prefix, keeping the order of the rest', () => {
    const column = growableInt32(4);
    [5, 6, 7, 8, 9].forEach((value) => column.push(value));
    column.dropFirst(3);
    expect([column.length, column.get(0), column.get(1)]).toEqual([2, 8, 9]);
  });
});
