import { describe, expect, it } from 'vitest';
import { RandomStreams, Scheduler, Trace } from '../../sim/index.js';

/** A small stochastic workload: each event schedules the next after a random delay. */
function workload(seed: number, trace: Trace | undefined) {
  const scheduler = new Scheduler({ trace });
  const random = new RandomStreams(seed).stream('workload');
  const handler = (entity: number, now: number) => {
    if (now < 10_000) scheduler.at(now + random.integer(1, 100), 'tick', entity, handler, entity);
  };
  for (let entity = 0; entity < 10; entity++) scheduler.at(random.integer(0, 50), 'tick', entity, handler, entity);
  scheduler.runUntilIdle();
  return scheduler;
}

describe('Trace', () => {
  it('records one compact line per processed event', () => {
    const trace = new Trace();
    const scheduler = workload(1, trace);
    expect(trace.lineCount).toBe(scheduler.processedCount);
    expect(trace.getLines()[0]).toMatch(/^\d+\|tick\|\d+\|\d+$/);
  });

  it('has the same hash for the same seed and another for another seed', () => {
    const first = new Trace();
    const again = new Trace();
    const other = new Trace();
    workload(7, first);
    workload(7, again);
    workload(8, other);
    expect(first.hash()).toMatch(/^[0-9a-f]{16}$/);
    expect(again.hash()).toBe(first.hash());
    expect(other.hash()).not.toBe(first.hash());
  });

  it('hashes the same without keeping lines', () => {
    const kept = new Trace();
    const hashed = new Trace({ keepLines: false });
    workload(3, kept);
    workload(3, hashed);
    expect(hashed.getLines()).toHaveLength(0);
    expect(hashed.hash()).toBe(kept.hash());
  });

  it('distinguishes line boundaries', () => {
    const a = new Trace();
    const b = new Trace();
    a.record(1, 'ab', 'c');
    b.record(1, 'a', 'bc');
    expect(a.hash()).not.toBe(b.hash());
  });
});
