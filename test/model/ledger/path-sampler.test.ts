import { describe, expect, it } from 'vitest';
import { RandomStreams, type RandomStream } from '../../../sim/index.js';
import { NOT_SAMPLED, PathSampler, SAMPLED } from '../../../model/ledger/path-sampler.js';

/** Runs the sampler over `count` ids and returns the ids kept at the end. */
function sample(capacity: number, count: number, random: RandomStream): Set<number> {
  const sampler = new PathSampler(capacity, random);
  const kept = new Set<number>();
  for (let id = 0; id < count; id++) {
    const offer = sampler.offer(id);
    if (offer === NOT_SAMPLED) continue;
    if (offer !== SAMPLED) {
      expect(kept.has(offer)).toBe(true); // only a kept id can be evicted
      kept.delete(offer);
    }
    kept.add(id);
    expect(kept.size).toBeLessThanOrEqual(capacity);
  }
  return kept;
}

describe('PathSampler', () => {
  it('keeps a fixed-size sample, taking every id while there is room', () => {
    const random = new RandomStreams(3).stream('ledger.sampling');
    expect([...sample(10, 7, random)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sample(10, 10_000, random).size).toBe(10);
    expect(sample(0, 100, random).size).toBe(0);
  });

  it('samples uniformly: early and late ids are kept equally often', () => {
    const streams = new RandomStreams(11);
    const hits = new Array(10).fill(0); // by tenth of the id range
    const trials = 400;
    for (let trial = 0; trial < trials; trial++) {
      for (const id of sample(20, 1_000, streams.stream(`trial-${trial}`))) hits[Math.floor(id / 100)]++;
    }
    // Each tenth expects 400 × 20 / 10 = 800 kept ids (binomial sd ≈ 27).
    for (const count of hits) expect(Math.abs(count - 800)).toBeLessThan(130);
  });

  it('draws far fewer random numbers than it sees ids once the sample is full', () => {
    const inner = new RandomStreams(5).stream('ledger.sampling');
    let draws = 0;
    const counting = { next: () => { draws++; return inner.next(); } } as RandomStream;
    sample(50, 100_000, counting);
    expect(draws).toBeLessThan(2_000); // about 3k·ln(n/k) ≈ 1,140, where one draw per id was 100,000
  });
});
