import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { createAndStart, FakeSource, FakeTenant, GB, harness, mailboxes, makeConfig } from './fixtures.js';

/**
 * Nothing is copied from a source that is down (facts §2; the checker's decommission rule
 * relies on it): whatever the sizes, the outage and the decommission, no pass completes while
 * the source is down and the bytes in the cloud do not grow meanwhile.
 */
const bytes = (h: ReturnType<typeof harness>) => h.service.recipientStatistics().reduce((sum, entry) => sum + entry.bytesSynced, 0);

describe('passes need the source (property)', () => {
  test.prop([
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 40 }).map((tenths) => (tenths / 10) * GB),
    fc.integer({ min: 0, max: 3 * 24 }).map((hours) => hours * HOUR),
    fc.integer({ min: 1, max: 30 }).map((hours) => hours * HOUR),
    fc.option(fc.integer({ min: 1 * 24, max: 5 * 24 }).map((hours) => hours * HOUR), { nil: undefined }),
    fc.integer({ min: 1, max: 1_000 }),
  ], { numRuns: 40 })('no pass completes and no byte moves while the source is down', (count, size, from, length, decommissionAt, seed) => {
    const outage = { from, until: from + length };
    const source = new FakeSource([outage]);
    const h = harness(makeConfig(mailboxes(count, { sizeBytes: size }), (config) => { config.seed = seed; }), new FakeTenant(), source);
    createAndStart(h);
    const horizon = 6 * DAY;
    if (decommissionAt !== undefined) {
      h.scheduler.at(decommissionAt, 'test.decommission', 'source', () => {
        source.down = 'refused';
        h.service.sourceChanged();
      }, undefined);
    }
    // Bytes at each checkpoint, visited in time order.
    const checkpoints = [outage.from + 1, outage.until - 1, ...(decommissionAt === undefined ? [] : [decommissionAt + 1]), horizon].sort((a, b) => a - b);
    const seen = new Map<number, number>();
    for (const time of checkpoints) {
      h.scheduler.runUntil(Math.max(h.scheduler.now(), time));
      seen.set(time, bytes(h));
    }
    expect(seen.get(outage.until - 1)).toBe(seen.get(outage.from + 1));
    if (decommissionAt !== undefined) expect(seen.get(horizon)).toBe(seen.get(decommissionAt + 1));
    for (const pass of h.recorded.passes) {
      expect(pass.completedAt > outage.from && pass.completedAt < outage.until, `pass at ${pass.completedAt} inside the outage`).toBe(false);
      if (decommissionAt !== undefined) expect(pass.completedAt).toBeLessThanOrEqual(decommissionAt);
    }
  });
});
