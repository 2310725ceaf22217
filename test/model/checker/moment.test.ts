import { describe, expect, it } from 'vitest';
import { at, gap, plus, range, type Bounds } from '../../../model/checker/moment.js';

const bounds: Bounds = { initialSync: { low: 10, high: 50 }, removalWait: { low: 100, high: 200 }, windowWait: { low: 0, high: 0 } };

describe('symbolic moments', () => {
  it('a moment relative to an uncertain one keeps its exact distance', () => {
    const synced = plus(at(5), 0, 'initialSync');
    const switched = plus(synced, 24);
    expect(gap(switched, synced, bounds)).toEqual({ low: 24, high: 24 });
  });
  it('the distance to a fixed moment spans the unknown', () => {
    const switched = plus(plus(at(5), 0, 'initialSync'), 24);
    expect(range(switched, bounds)).toEqual({ low: 39, high: 79 });
    expect(gap(at(60), switched, bounds)).toEqual({ low: -19, high: 21 });
  });
  it('several unknowns add up', () => {
    const removal = plus(plus(at(0), 0, 'initialSync'), 0, 'removalWait');
    expect(range(removal, bounds)).toEqual({ low: 110, high: 250 });
  });
});
