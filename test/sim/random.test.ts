import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { RandomStreams } from '../../sim/index.js';

const draws = (streams: RandomStreams, name: string, count: number) => Array.from({ length: count }, () => streams.stream(name).next());

describe('RandomStreams', () => {
  it('gives the same sequence for the same seed and name', () => {
    expect(draws(new RandomStreams(42), 'arrivals', 20)).toEqual(draws(new RandomStreams(42), 'arrivals', 20));
  });

  it('gives different sequences for different seeds and for different names', () => {
    const base = draws(new RandomStreams(42), 'arrivals', 5);
    expect(draws(new RandomStreams(43), 'arrivals', 5)).not.toEqual(base);
    expect(draws(new RandomStreams(42), 'faults', 5)).not.toEqual(base);
  });

  test.prop([fc.integer(), fc.nat({ max: 500 })], { numRuns: 50 })('extra draws in one stream never shift another', (seed, extra) => {
    const quiet = new RandomStreams(seed);
    const busy = new RandomStreams(seed);
    for (let index = 0; index < extra; index++) busy.stream('sync').next();
    expect(draws(busy, 'dns', 10)).toEqual(draws(quiet, 'dns', 10));
  });

  test.prop([fc.integer(), fc.shuffledSubarray(['a@x', 'b@x', 'c@x', 'd@x'], { minLength: 1 }), fc.nat({ max: 50 })], { numRuns: 50 })(
    'an entity\'s stream depends on (seed, name, key) alone, not on other entities\' draws or their order',
    (seed, order, extra) => {
      const first = new RandomStreams(seed);
      const second = new RandomStreams(seed);
      for (const key of order) for (let index = 0; index < extra; index++) second.stream('stalls', key).next();
      const firstDraws = Object.fromEntries(['a@x', 'b@x', 'c@x', 'd@x'].map((key) => [key, first.stream('stalls', key).next()]));
      const fresh = Object.fromEntries(['a@x', 'b@x', 'c@x', 'd@x'].map((key) => [key, new RandomStreams(seed).stream('stalls', key).next()]));
      expect(fresh).toEqual(firstDraws);
      for (const key of ['a@x', 'b@x', 'c@x', 'd@x'].filter((key) => !order.includes(key))) expect(second.stream('stalls', key).next()).toBe(firstDraws[key]);
    },
  );

  it('keeps entity streams apart from each other and from the unkeyed stream', () => {
    const streams = new RandomStreams(7);
    expect(streams.stream('stalls', 1)).toBe(streams.stream('stalls', 1));
    const values = [streams.stream('stalls').next(), streams.stream('stalls', 1).next(), streams.stream('stalls', 2).next(), streams.stream('rates', 1).next()];
    expect(new Set(values).size).toBe(4);
    // The unkeyed stream keeps the seed it always had, so concerns without entities replay as before.
    expect(new RandomStreams(7).stream('dns').next()).toBe(new RandomStreams(7).stream('dns').next());
  });
});

describe('distributions', () => {
  const stream = () => new RandomStreams('distributions').stream('test');
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const sample = (count: number, draw: () => number) => Array.from({ length: count }, draw);

  it('uniform and integer stay in range', () => {
    const random = stream();
    for (let index = 0; index < 1_000; index++) {
      const value = random.uniform(5, 7);
      expect(value).toBeGreaterThanOrEqual(5);
      expect(value).toBeLessThan(7);
      const whole = random.integer(1, 3);
      expect([1, 2, 3]).toContain(whole);
    }
  });

  it('exponential has the requested mean', () => {
    const random = stream();
    expect(mean(sample(20_000, () => random.exponential(10)))).toBeCloseTo(10, 0);
  });

  it('lognormal has the requested median', () => {
    const random = stream();
    expect(median(sample(20_000, () => random.lognormal(80, 0.8))) / 80).toBeCloseTo(1, 1);
  });

  it('poisson has the requested mean, small and large', () => {
    const random = stream();
    expect(mean(sample(20_000, () => random.poisson(3.7)))).toBeCloseTo(3.7, 1);
    expect(mean(sample(5_000, () => random.poisson(200))) / 200).toBeCloseTo(1, 1);
  });

  it('Poisson arrivals come at the requested rate and always advance', () => {
    const random = stream();
    let now = 0;
    let count = 0;
    while (now < 1_000_000) {
      const next = random.nextArrival(now, 1 / 100);
      expect(next).toBeGreaterThan(now);
      now = next;
      count++;
    }
    expect(count / 10_000).toBeCloseTo(1, 1);
    expect(random.nextArrival(5, 0)).toBe(Infinity);
  });

  it('weighted choice follows the weights', () => {
    const random = stream();
    const counts = { a: 0, b: 0, c: 0 };
    for (let index = 0; index < 30_000; index++) counts[random.weighted([{ value: 'a' as const, weight: 1 }, { value: 'b' as const, weight: 3 }, { value: 'c' as const, weight: 0 }])]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeCloseTo(3, 0);
    expect(() => random.weighted([])).toThrow(/positive weight/);
  });
});

describe('RandomStream.next32', () => {
  it('draws 32-bit uniforms in [0, 1), one generator step each: two advance the stream as far as one next()', () => {
    const short = new RandomStreams(7).stream('picks');
    const long = new RandomStreams(7).stream('picks');
    const first = short.next32();
    const value = long.next();
    expect(first * 2 ** 32).toBe(Math.floor(first * 2 ** 32));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
    expect(Math.abs(value - first)).toBeLessThan(2 ** -32); // next() is this step plus 21 bits of the following one
    short.next32();
    expect(short.next()).toBe(long.next());
  });
});
