import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { createAndStart, deterministic, GB, harness, mailbox, makeConfig } from './fixtures.js';

/** Mailboxes of different sizes, so their initial syncs finish hours apart. */
const uneven = () => Array.from({ length: 6 }, (_, index) => mailbox(`user${index}@contoso.com`, { sizeBytes: (index + 1) * 0.5 * GB }));

describe('incremental rounds', () => {
  it('runs passes in batch-wide rounds every 24 h from the end of the initial sync', () => {
    const h = harness(makeConfig(uneven(), deterministic));
    createAndStart(h);
    h.scheduler.runUntil(5 * DAY);
    const synced = h.service.initialSyncDoneAt()!;
    expect(synced).toBeDefined();
    const incremental = h.recorded.passes.filter((pass) => pass.snapshotAt > synced);
    const roundStarts = [...new Set(incremental.map((pass) => pass.snapshotAt))].sort((a, b) => a - b);
    // Deterministic fixture: no jitter, enough slots, so every pass of a round starts together.
    const expected: number[] = [];
    for (let round = 1; synced + round * DAY <= 5 * DAY; round++) expected.push(synced + round * DAY);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(roundStarts).toEqual(expected);
    for (const start of roundStarts) expect(incremental.filter((pass) => pass.snapshotAt === start)).toHaveLength(6);
    const statuses = h.service.statusHistory().filter((entry) => entry.at > synced);
    expect(statuses.filter((entry) => entry.status === 'IncrementalSyncing').map((entry) => entry.at)).toEqual(roundStarts);
  });

  it('jitters each round start within the configured jitter, the same for every mailbox', () => {
    const h = harness(makeConfig(uneven(), (config) => {
      deterministic(config);
      config.migration.incrementalJitter = 2 * HOUR;
    }));
    createAndStart(h);
    h.scheduler.runUntil(6 * DAY);
    const synced = h.service.initialSyncDoneAt()!;
    const starts = [...new Set(h.recorded.passes.filter((pass) => pass.snapshotAt > synced).map((pass) => pass.snapshotAt))].sort((a, b) => a - b);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    starts.forEach((start, index) => {
      const offset = start - (synced + (index + 1) * DAY);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(2 * HOUR);
    });
  });

  it('refuses Remove in the middle of a round; Stop then Remove removes cleanly, and nothing syncs afterwards', () => {
    for (const delay of [0, 1, 60_000, 4 * 60_000]) { // a round's passes take 5 min here
      const h = harness(makeConfig(uneven(), deterministic));
      createAndStart(h);
      h.scheduler.runUntil(5 * DAY);
      const synced = h.service.initialSyncDoneAt()!;
      const h2 = harness(makeConfig(uneven(), deterministic));
      createAndStart(h2);
      h2.scheduler.runUntil(synced + DAY + delay);
      expect(h2.service.batchStatus()).toBe('IncrementalSyncing');
      const passes = h2.recorded.passes.length;
      expect(h2.service.removeBatch()).toMatchObject({ ok: false, reason: expect.stringMatching(/stop the batch first/) });
      expect(h2.service.stopBatch().ok).toBe(true);
      h2.scheduler.runUntil(h2.scheduler.now());
      expect(h2.service.batchStatus()).toBe('Stopped');
      expect(h2.service.removeBatch().ok).toBe(true);
      expect(() => h2.scheduler.runUntil(20 * DAY)).not.toThrow();
      expect(h2.service.batchStatus()).toBe('Deleted');
      expect(h2.recorded.passes.length).toBe(passes);
    }
  });
});
