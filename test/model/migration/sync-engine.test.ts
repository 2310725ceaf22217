import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { HOUR, RandomStreams, Scheduler, Trace, type Millis } from '../../../sim/index.js';
import { DEFAULT_MIGRATION } from '../../../model/defaults.js';
import { createMigrationService } from '../../../model/migration/index.js';
import { SlotPool } from '../../../model/migration/slot-pool.js';
import { drawMailboxRate, fairShares, uplinkBytesPerHour } from '../../../model/migration/throughput.js';
import { TransferEngine } from '../../../model/migration/transfer-engine.js';
import { createAndStart, deterministic, FakeTenant, GB, harness, mailboxes, makeConfig } from './fixtures.js';

describe('throughput', () => {
  it('converts the uplink: 100 Mbps = 45 GB/h (decimal)', () => {
    expect(uplinkBytesPerHour(100)).toBe(45e9);
  });

  it('draws data rates whose all-in rates at the typical density stay in the published 0.1-1.0 GB/h', () => {
    const stream = new RandomStreams(7).stream('migration.throughput');
    const rates = Array.from({ length: 2_000 }, () => drawMailboxRate(stream, DEFAULT_MIGRATION)).sort((a, b) => a - b);
    // One GB at the default 14,000 items per GB: data time plus per-item time (PERF footnotes: 0.1-1.0 GB/h per mailbox).
    const allIn = (rate: number): number => GB / ((GB / rate) * HOUR + 14_000 * DEFAULT_MIGRATION.perItemOverhead) * HOUR;
    expect(allIn(rates[0]!) / GB).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(allIn(rates[rates.length - 1]!) / GB).toBeLessThanOrEqual(1.0 + 1e-9);
    expect(rates[1_000]! / GB).toBeGreaterThan(0.88);
    expect(rates[1_000]! / GB).toBeLessThan(0.98);
  });

  test.prop([fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), fc.double({ min: 0, max: 500, noNaN: true })], { numRuns: 100 })(
    'fair shares never exceed a demand or the capacity, and use all of it when demand exceeds it',
    (demands, capacity) => {
      const shares = fairShares(demands, capacity);
      const total = shares.reduce((sum, share) => sum + share, 0);
      shares.forEach((share, index) => expect(share).toBeLessThanOrEqual(demands[index]! + 1e-9));
      expect(total).toBeLessThanOrEqual(capacity + 1e-6);
      const demanded = demands.reduce((sum, demand) => sum + demand, 0);
      expect(total).toBeCloseTo(Math.min(capacity, demanded), 6);
    },
  );
});

describe('transfer engine', () => {
  const run = (capacityPerHour: number, stallsPerHour: number, rates: number[]): Millis[] => {
    const scheduler = new Scheduler();
    const done: Millis[] = [];
    const streams = new RandomStreams(3);
    const engine = new TransferEngine<number>(scheduler, capacityPerHour, { perHour: stallsPerHour, duration: 30 * 60_000, stream: (entity) => streams.stream('s', entity) }, (_owner, at) => done.push(at));
    rates.forEach((rate, index) => engine.start(index, `t${index}`, 1 * GB, rate));
    let peak = 0;
    while (scheduler.step() === 'step-limit') peak = Math.max(peak, engine.totalRate * HOUR);
    expect(peak).toBeLessThanOrEqual(capacityPerHour * (1 + 1e-9));
    return done;
  };

  it('runs each transfer at its own rate when the capacity allows', () => {
    expect(run(100 * GB, 0, [1 * GB, 0.5 * GB])).toEqual([HOUR, 2 * HOUR]);
  });

  it('splits a shared cap among concurrent transfers and speeds up the rest when one finishes', () => {
    // 1 GB/h shared by two 1 GB transfers that could each do 1 GB/h: both finish after 2 h.
    expect(run(1 * GB, 0, [1 * GB, 1 * GB])).toEqual([2 * HOUR, 2 * HOUR]);
    // A slow 0.25 GB/h transfer keeps its rate; the fast one gets the remaining 0.75 GB/h, then all of it.
    const [fast, slow] = run(1 * GB, 0, [1 * GB, 0.25 * GB]);
    expect(fast).toBe(Math.ceil((1 * GB) / ((0.75 * GB) / HOUR)));
    expect(slow).toBe(4 * HOUR);
  });

  it('draws only the data of a transfer from the capacity, not its per-item latency', () => {
    const scheduler = new Scheduler();
    const done: Millis[] = [];
    const engine = new TransferEngine<number>(scheduler, 1 * GB, { perHour: 0, duration: 0, stream: () => new RandomStreams(3).stream('s') }, (_owner, at) => done.push(at));
    // 2 GB of work, half of it data, at up to 4 GB/h: the 1 GB/h capacity carries the data in 1 h.
    engine.start(0, 't0', 2 * GB, 4 * GB, 1 * GB);
    expect(engine.totalRate * HOUR).toBeCloseTo(1 * GB, 0);
    scheduler.runUntilIdle();
    expect(done).toEqual([HOUR]);
  });

  it('delays transfers by stalls, and still finishes them', () => {
    const stalled = run(100 * GB, 2, [1 * GB]);
    expect(stalled).toHaveLength(1);
    expect(stalled[0]!).toBeGreaterThan(HOUR + 29 * 60_000);
  });

  it('stalls each transfer from its own stream: others starting beside it never move its stalls (issue 20)', () => {
    // With room for every transfer, t0 keeps its own rate, so only a shared stall stream could move its finish.
    const alone = run(100 * GB, 2, [1 * GB]);
    const crowded = run(100 * GB, 2, [1 * GB, 0.5 * GB, 0.8 * GB]);
    expect(alone[0]!).toBeGreaterThan(HOUR + 29 * 60_000);
    expect(crowded).toContain(alone[0]!);
  });
});

describe('slot pool', () => {
  it('grants in arrival order and never beyond its capacity', () => {
    const granted: string[] = [];
    const pool = new SlotPool<string>(2, (item) => granted.push(item));
    ['a', 'b', 'c', 'd'].forEach((item) => pool.request(item));
    expect(granted).toEqual(['a', 'b']);
    expect(pool.withdraw('c')).toBe(true);
    pool.release();
    expect(granted).toEqual(['a', 'b', 'd']);
    expect(pool.inUse).toBe(2);
    expect(() => new SlotPool<string>(1, () => {}).release()).toThrow(RangeError);
  });

  it('keeps initial and incremental pools independent (BLOG-CONC)', () => {
    const h = harness(makeConfig(mailboxes(3, { sizeBytes: 0.1 * GB }), (c) => {
      deterministic(c);
      c.endpoint.maxConcurrentMigrations = 1;
      c.endpoint.maxConcurrentIncrementalSyncs = 1;
      c.migration.incrementalInterval = 5 * 60_000; // incrementals start while others are still in initial sync
    }));
    createAndStart(h);
    let both = false;
    while (h.scheduler.run(6 * HOUR, 1) === 'step-limit') {
      const slots = h.service.slotsInUse();
      if (slots.initial === 1 && slots.incremental === 1) both = true;
    }
    expect(both).toBe(true);
  });
});

describe('determinism', () => {
  const traceOf = (seed: number): string => {
    const config = makeConfig(mailboxes(5), (c) => { c.seed = seed; c.migration.stallsPerHour = 1; });
    const trace = new Trace();
    const scheduler = new Scheduler({ trace });
    const service = createMigrationService({
      scheduler, random: new RandomStreams(seed), config, tenant: new FakeTenant(), trace,
      listener: { onBatchStatus: () => {}, onProvisioned: () => {}, onSyncPass: () => {}, onMailboxFailed: () => {} },
    });
    service.createEndpoint();
    service.createBatch('CutoverBatch', true);
    scheduler.runUntil(3 * 24 * HOUR);
    expect(trace.getLines().some((line) => line.includes('INITIAL_SYNC_DONE->Synced'))).toBe(true);
    return trace.hash();
  };

  it('replays bit for bit from the seed, and differs with another seed', () => {
    expect(traceOf(11)).toBe(traceOf(11));
    expect(traceOf(11)).not.toBe(traceOf(12));
  });
});

describe('allowed commands', () => {
  it('tracks the status for the dashboard buttons', () => {
    const h = harness(makeConfig(mailboxes(1), deterministic));
    const allowed = () => Object.fromEntries(h.service.allowedCommands().map((entry) => [entry.command, entry.allowed]));
    expect(allowed()).toEqual({ create: true, start: false, stop: false, complete: false, remove: false });
    createAndStart(h, false);
    expect(allowed()).toEqual({ create: false, start: true, stop: false, complete: false, remove: true });
    h.service.startBatch();
    // Start-MigrationBatch shows Starting first (MMB); nothing is allowed but waiting.
    expect(h.service.batchStatus()).toBe('Starting');
    expect(allowed()).toEqual({ create: false, start: false, stop: false, complete: false, remove: false });
    h.scheduler.runUntil(h.scheduler.now());
    expect(h.service.batchStatus()).toBe('Syncing');
    // A running batch is stopped, not removed (PS-Remove-MigrationBatch).
    expect(allowed()).toEqual({ create: false, start: false, stop: true, complete: false, remove: false });
    expect(h.service.startBatch()).toMatchObject({ ok: false, reason: 'The batch is already syncing.' });
    expect(h.service.removeBatch()).toMatchObject({ ok: false, reason: expect.stringMatching(/stop the batch first/) });
  });
});
