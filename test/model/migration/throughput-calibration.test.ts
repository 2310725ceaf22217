import { describe, expect, it } from 'vitest';
import { DEFAULT_MAILBOX_GENERATION, DEFAULT_ONPREM_SERVER } from '../../../model/defaults.js';
import { sharedCapacityBytesPerHour } from '../../../model/migration/throughput.js';
import { HOUR } from '../../../sim/index.js';
import { createAndStart, GB, harness, mailboxes, makeConfig } from './fixtures.js';

/**
 * The throughput calibration (docs/migration.md, Sync engine), measured by running the sync
 * engine with the default parameters and the default on-prem server: many ordinary mailboxes
 * (the default generated size and item density), the steady-state aggregate rate between the
 * first and the last slots' worth of completions. The data copied by a moment counts the passes
 * still running at it by the share of their span gone: counting whole mailboxes only made the
 * rate at 100 slots swing ±10% with the seed (a wave of 100 nearly done or just begun at the
 * window's edges).
 */
const SIZE = 2.5 * GB;
const ITEMS = Math.round(2.5 * DEFAULT_MAILBOX_GENERATION.itemsPerGB);

interface Measured {
  /** Steady state: data copied between the first and the last `concurrency` completions. */
  steady: number;
  /** Everything copied over the whole copy span: data conservation keeps it ≤ the capacity. */
  overall: number;
}

function measure(seed: number, concurrency: number, count: number): Measured {
  const config = makeConfig(mailboxes(count, { sizeBytes: SIZE, itemCount: ITEMS }), (c) => {
    c.seed = seed;
    c.organisation.server = { ...c.organisation.server, uplinkMbps: DEFAULT_ONPREM_SERVER.uplinkMbps, sourceCapBytesPerHour: DEFAULT_ONPREM_SERVER.sourceCapBytesPerHour };
    c.endpoint.maxConcurrentMigrations = concurrency;
    c.endpoint.maxConcurrentIncrementalSyncs = Math.min(concurrency, 20);
  });
  const h = harness(config);
  createAndStart(h);
  h.scheduler.runUntil(30 * 24 * HOUR);
  const firstPass = new Map<string, number>();
  const spans: { from: number; to: number }[] = [];
  let firstCopy = Infinity;
  for (const pass of h.recorded.passes) {
    if (firstPass.has(pass.address)) continue;
    firstPass.set(pass.address, pass.completedAt);
    spans.push({ from: pass.snapshotAt, to: pass.completedAt });
    firstCopy = Math.min(firstCopy, pass.snapshotAt);
  }
  // Bytes of first passes copied by `at`, a running pass counted by the share of its span gone.
  const copied = (at: number): number => spans.reduce((sum, span) => sum + SIZE * Math.min(1, Math.max(0, (at - span.from) / (span.to - span.from))), 0);
  expect(firstPass.size).toBe(count);
  const done = [...firstPass.values()].sort((a, b) => a - b);
  // Skip the ramp-up (queue delays, provisioning) and the tail (fewer than `concurrency` left).
  const from = done[concurrency - 1]!;
  const to = done[count - concurrency - 1]!;
  return {
    steady: (copied(to) - copied(from)) / GB / ((to - from) / HOUR),
    overall: (count * SIZE) / GB / ((done[count - 1]! - firstCopy) / HOUR),
  };
}

const aggregateGBPerHour = (seed: number, concurrency: number, count: number): number => measure(seed, concurrency, count).steady;

describe('throughput calibration (PERF)', () => {
  it('moves 10-14 GB/h with 20 concurrent ordinary mailboxes, near the middle of the band', () => {
    const measured = [1, 2, 3].map((seed) => aggregateGBPerHour(seed, 20, 260));
    for (const rate of measured) {
      expect(rate).toBeGreaterThan(10);
      expect(rate).toBeLessThan(14);
    }
    const mean = measured.reduce((sum, rate) => sum + rate, 0) / measured.length;
    expect(mean).toBeGreaterThan(11);
    expect(mean).toBeLessThan(13);
  });

  it('treats the source cap as a capacity: more concurrency helps until the source is full', () => {
    const capacity = sharedCapacityBytesPerHour({ ...DEFAULT_ONPREM_SERVER, exchangeServerFqdn: 'exch01.corp.contoso.com', rpcProxyFqdn: 'mail.contoso.com' }) / GB;
    const twenty = aggregateGBPerHour(4, 20, 300);
    const forty = aggregateGBPerHour(4, 40, 300);
    const hundred = measure(4, 100, 600);
    expect(twenty).toBeLessThan(capacity * 0.6);
    expect(forty).toBeGreaterThan(twenty * 1.6);
    expect(hundred.steady).toBeGreaterThan(forty);
    expect(hundred.overall).toBeLessThanOrEqual(capacity * (1 + 1e-9));
    expect(hundred.steady).toBeGreaterThan(capacity * 0.95);
  });
});
