import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../sim/index.js';
import { createAndStart, deterministic, GB, harness, mailbox, mailboxes, makeConfig } from './fixtures.js';

describe('migration service: a healthy cutover', () => {
  it('creates, syncs, runs incremental passes and is removed', () => {
    const h = harness(makeConfig(mailboxes(3), deterministic));
    createAndStart(h);
    expect(h.service.batchStatus()).toBe('Created');
    h.scheduler.runUntil(2 * DAY);
    expect(h.service.batchStatus()).toBe('Synced');
    expect(h.recorded.provisioned.map((entry) => entry.address).sort()).toEqual(['user0@contoso.com', 'user1@contoso.com', 'user2@contoso.com']);
    const statistics = h.service.mailboxStatistics();
    expect(statistics.every((entry) => entry.status === 'Synced' && entry.percentComplete === 100 && entry.bytesSynced === GB)).toBe(true);
    expect(h.service.batchCounts()).toEqual({ total: 3, active: 0, synced: 3, failed: 0, stopped: 0 });
    const history = h.service.statusHistory().map((entry) => entry.status);
    expect(history.slice(0, 3)).toEqual(['Created', 'Syncing', 'Synced']);
    expect(history).toContain('IncrementalSyncing');
    const passesBefore = h.recorded.passes.length;
    expect(passesBefore).toBeGreaterThanOrEqual(6); // initial plus at least one incremental each
    expect(h.service.removeBatch().ok).toBe(true);
    expect(h.service.batchStatus()).toBe('Removing');
    h.scheduler.runUntil(10 * DAY);
    expect(h.service.batchStatus()).toBe('Deleted');
    expect(h.recorded.passes.length).toBe(passesBefore);
  });

  it('copies on-prem arrivals with the next incremental pass, whose snapshot is its start', () => {
    const h = harness(makeConfig([mailbox('a@contoso.com')], deterministic));
    createAndStart(h);
    h.scheduler.runUntil(12 * HOUR);
    const initial = h.recorded.passes[0];
    expect(initial).toBeDefined();
    h.service.recordOnPremArrival('a@contoso.com', 50_000);
    // The batch is synced when this one mailbox is; rounds run every 24 h from then (facts §7.3).
    const synced = h.service.initialSyncDoneAt()!;
    expect(synced).toBe(initial!.completedAt);
    h.scheduler.runUntil(synced + 24 * HOUR + 10 * MINUTE);
    const second = h.recorded.passes[1];
    expect(second?.snapshotAt).toBe(synced + 24 * HOUR);
    // The pass costs its fixed overhead plus the new bytes at the mailbox's rate.
    expect(second!.completedAt - second!.snapshotAt).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(h.service.statusHistory().filter((entry) => entry.status === 'IncrementalSyncing').map((entry) => entry.at)).toEqual([second!.snapshotAt]);
    expect(h.service.mailboxStatistics()[0]!.bytesSynced).toBe(GB + 50_000);
    expect(h.service.lastSyncedAt()).toBe(second!.completedAt);
  });

  it('arrivals given with a slot (the router\'s user index) count as those given by address alone, pass after pass', () => {
    // The service keeps each mailbox's pending data by slot; a pass empties it in place, so the slot still finds it afterwards.
    const synced = (bySlot: boolean) => {
      const h = harness(makeConfig(mailboxes(2), deterministic));
      createAndStart(h);
      for (let day = 0; day < 4; day++) {
        h.scheduler.runUntil((day + 1) * DAY + 6 * HOUR);
        for (let item = 0; item < 3; item++) {
          if (bySlot) h.service.recordOnPremArrival('user1@contoso.com', 10_000 * (day + 1), 1);
          else h.service.recordOnPremArrival('user1@contoso.com', 10_000 * (day + 1));
        }
      }
      h.scheduler.runUntil(6 * DAY);
      return h.service.mailboxStatistics().map((entry) => [entry.bytesSynced, entry.itemsSynced]);
    };
    const byAddress = synced(false);
    expect(synced(true)).toEqual(byAddress);
    // Every one of the twelve arrivals (three a day, 10, 20, 30 and 40 kB) was copied by a pass.
    expect([byAddress[1]![0]! - byAddress[0]![0]!, byAddress[1]![1]! - byAddress[0]![1]!]).toEqual([3 * (10_000 + 20_000 + 30_000 + 40_000), 12]);
  });

  it('refuses Complete in every status, with the reason', () => {
    const h = harness();
    expect(h.service.completeBatch()).toMatchObject({ ok: false, reason: expect.stringContaining('finalization') });
    createAndStart(h);
    h.scheduler.runUntil(3 * DAY);
    expect(h.service.completeBatch().ok).toBe(false);
  });
});

describe('migration service: stop and resume', () => {
  it('halts every transfer on Stop and resumes on Start', () => {
    const h = harness(makeConfig(mailboxes(4, { sizeBytes: 4 * GB }), deterministic));
    createAndStart(h);
    h.scheduler.runUntil(2 * HOUR);
    expect(h.service.slotsInUse().initial).toBe(4);
    expect(h.service.stopBatch().ok).toBe(true);
    expect(h.service.batchStatus()).toBe('Stopping');
    expect(h.service.slotsInUse()).toEqual({ initial: 0, incremental: 0 });
    h.scheduler.runUntil(5 * DAY);
    expect(h.service.batchStatus()).toBe('Stopped');
    expect(h.recorded.passes).toHaveLength(0);
    expect(h.service.batchCounts().stopped).toBe(4);
    const partial = h.service.mailboxStatistics()[0]!;
    expect(partial.percentComplete).toBeGreaterThan(0);
    expect(partial.percentComplete).toBeLessThan(100);
    expect(h.service.startBatch().ok).toBe(true);
    h.scheduler.runUntil(7 * DAY);
    expect(h.service.batchStatus()).toMatch(/^(Synced|IncrementalSyncing)$/);
    expect(h.service.mailboxStatistics().every((entry) => entry.bytesSynced === 4 * GB)).toBe(true);
  });

  it('auto-removes a stopped batch after 90 days', () => {
    const h = harness(makeConfig(mailboxes(1), deterministic));
    createAndStart(h);
    h.scheduler.runUntil(HOUR);
    h.service.stopBatch();
    h.scheduler.runUntil(HOUR + 89 * DAY);
    expect(h.service.batchStatus()).toBe('Stopped');
    h.scheduler.runUntil(HOUR + 91 * DAY);
    expect(h.service.batchStatus()).toBe('Deleted');
  });

  it('auto-stops a synced batch 60 days after the last admin activity', () => {
    const h = harness(makeConfig(mailboxes(1), deterministic));
    createAndStart(h, false);
    h.scheduler.runUntil(10 * DAY);
    expect(h.service.startBatch().ok).toBe(true); // admin activity at day 10
    h.scheduler.runUntil(69 * DAY);
    expect(h.service.batchStatus()).toMatch(/^(Synced|IncrementalSyncing)$/);
    h.scheduler.runUntil(72 * DAY);
    const stopped = h.service.statusHistory().find((entry) => entry.status === 'Stopped');
    expect(stopped).toBeDefined();
    expect(stopped!.at).toBeGreaterThanOrEqual(70 * DAY);
  });
});
