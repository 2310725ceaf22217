import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, RandomStreams, SECOND } from '../../../sim/index.js';
import { bucketOf, delayHistogram, Ledger } from '../../../model/ledger/index.js';

describe('delayHistogram', () => {
  it('counts every delivered delay in the bucket bucketOf names, in order, seconds to days', () => {
    const ledger = new Ledger({ lateThreshold: DAY, sampledPaths: 0, keepAllPaths: false, sampling: new RandomStreams(1).stream('sample') });
    const a = ledger.internAddress('a@contoso.com');
    const b = ledger.internAddress('b@contoso.com');
    const random = new RandomStreams(3).stream('delays');
    const expected = new Map<number, number>();
    let max = 0;
    for (let index = 0; index < 2_000; index++) {
      // Delays spread over the three bucket widths: under a minute, under a day, up to three days.
      const range = [MINUTE, DAY, 3 * DAY][index % 3]!;
      const delay = Math.floor(random.next() * range);
      const sentAt = index * SECOND;
      const id = ledger.sendBetween(a, b, sentAt);
      if (index % 7 === 0) {
        ledger.bounce(id, sentAt, 'ndr'); // not delivered: not counted
        continue;
      }
      ledger.deliver(id, sentAt + delay, 'delivered');
      expected.set(bucketOf(delay), (expected.get(bucketOf(delay)) ?? 0) + 1);
      max = Math.max(max, delay);
    }
    const histogram = delayHistogram(ledger, () => ({ fate: 'pending', reason: 'none' }));
    expect(histogram.buckets).toEqual([...expected].sort((x, y) => x[0] - y[0]));
    expect(histogram.total).toBe([...expected.values()].reduce((sum, count) => sum + count, 0));
    expect(histogram.max).toBe(max);
    expect(histogram.buckets.some(([bucket]) => bucket < MINUTE) && histogram.buckets.some(([bucket]) => bucket >= DAY)).toBe(true);
  });
});
