import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { createAndStart, deterministic, FakeSource, FakeTenant, GB, harness, mailboxes, makeConfig, type Harness } from './fixtures.js';

/**
 * A pass reads the on-prem server (facts §2: an incremental pass that cannot reach the source
 * fails; users IncrementalFailed, the batch SyncedWithErrors). Nothing is copied from a source
 * that is down: what arrived since the last good pass stays on-prem.
 */

const statuses = (h: Harness) => h.service.recipientStatistics().map((entry) => entry.status);

describe('passes need the source', () => {
  it('an outage during a round fails its passes: IncrementalFailed, SyncedWithErrors, nothing copied; the next round after it recovers', () => {
    // Find the first round's time with the source always up, then declare an outage over it.
    const probe = harness(makeConfig(mailboxes(3), deterministic));
    createAndStart(probe);
    probe.scheduler.runUntil(3 * DAY);
    const synced = probe.service.initialSyncDoneAt()!;
    const round = synced + DAY;
    const source = new FakeSource([{ from: round - HOUR, until: round + 2 * HOUR }]);
    const h = harness(makeConfig(mailboxes(3), deterministic), new FakeTenant(), source);
    createAndStart(h);
    h.scheduler.runUntil(round - 2 * HOUR);
    for (let i = 0; i < 10; i++) h.service.recordOnPremArrival('user0@contoso.com', 50_000);
    h.scheduler.runUntil(round + HOUR);
    expect(statuses(h)).toEqual(['IncrementalFailed', 'IncrementalFailed', 'IncrementalFailed']);
    expect(h.service.batchStatus()).toBe('SyncedWithErrors');
    expect(h.service.batchCounts().failed).toBe(3);
    const failed = h.service.recipientStatistics()[0]!;
    expect(failed.error).toMatch(/Couldn't connect to the source mailbox.*mail\.contoso\.com.*timed out/);
    expect(failed.lastSuccessfulSyncAt).toBeLessThan(round - HOUR);
    const bytesBefore = failed.bytesSynced;
    expect(h.recorded.passes.some((pass) => pass.completedAt >= round - HOUR)).toBe(false);
    // The next round, with the source back, copies what waited and the batch is Synced again.
    h.scheduler.runUntil(round + DAY + 3 * HOUR);
    expect(statuses(h)).toEqual(['Synced', 'Synced', 'Synced']);
    expect(h.service.batchStatus()).toBe('Synced');
    const recovered = h.service.recipientStatistics()[0]!;
    expect(recovered.bytesSynced - bytesBefore).toBe(500_000);
    expect(recovered.error).toBeUndefined();
  });

  it('a decommission fails running copies with the refusal text; Start retries but nothing is copied while the source is gone', () => {
    const source = new FakeSource();
    const h = harness(makeConfig(mailboxes(2, { sizeBytes: 4 * GB }), deterministic), new FakeTenant(), source);
    createAndStart(h);
    h.scheduler.runUntil(2 * HOUR);
    const copied = h.service.recipientStatistics().map((entry) => entry.bytesSynced);
    source.down = 'refused';
    h.service.sourceChanged();
    expect(statuses(h)).toEqual(['Failed', 'Failed']);
    expect(h.service.recipientStatistics()[0]!.error).toMatch(/Couldn't connect to the source mailbox.*refused the connection/);
    h.scheduler.runUntil(3 * HOUR);
    expect(h.service.batchStatus()).toBe('Failed');
    expect(h.service.startBatch().ok).toBe(true);
    h.scheduler.runUntil(2 * DAY);
    expect(statuses(h)).toEqual(['Failed', 'Failed']);
    expect(h.service.recipientStatistics().map((entry) => entry.bytesSynced)).toEqual(copied.map((bytes) => expect.closeTo(bytes, -7)));
    expect(h.recorded.passes).toEqual([]);
  });

  it('a copy cut by an outage fails; Start after the outage retries it from its checkpoint, copying every byte once', () => {
    const source = new FakeSource([{ from: 2 * HOUR, until: 5 * HOUR }]);
    const h = harness(makeConfig(mailboxes(1, { sizeBytes: 4 * GB }), deterministic), new FakeTenant(), source);
    createAndStart(h);
    h.scheduler.runUntil(3 * HOUR);
    const cut = h.service.recipientStatistics()[0]!;
    expect(cut.status).toBe('Failed');
    expect(cut.bytesSynced).toBeGreaterThan(0);
    expect(cut.bytesSynced).toBeLessThan(4 * GB);
    expect(h.service.batchStatus()).toBe('Failed');
    h.scheduler.runUntil(6 * HOUR);
    expect(h.service.startBatch().ok).toBe(true);
    h.scheduler.runUntil(2 * DAY);
    const done = h.service.recipientStatistics()[0]!;
    expect(done).toMatchObject({ status: 'Synced', bytesSynced: 4 * GB, percentComplete: 100 });
    expect(h.service.batchStatus()).toBe('Synced');
    // Resumed, not restarted: the remaining copy took the time of the remaining bytes only.
    const rate = h.config.migration.mailboxThroughputMedianBytesPerHour;
    const resumedAt = h.service.statusHistory().find((entry) => entry.status === 'Starting')!.at;
    const remaining = ((4 * GB - cut.bytesSynced) / rate) * HOUR;
    expect(done.initialSyncDoneAt! - resumedAt).toBeLessThan(remaining + HOUR);
    expect(done.initialSyncDoneAt! - resumedAt).toBeGreaterThanOrEqual(remaining - 1_000);
  });

  it('a mailbox over its license quota is copied up to the quota and fails with the quota error', () => {
    const h = harness(makeConfig(mailboxes(1, { sizeBytes: 3 * GB, itemCount: 3_000 }), (config) => {
      deterministic(config);
      config.tenant.mailboxQuotaBytes = 2 * GB;
    }));
    createAndStart(h);
    h.scheduler.runUntil(2 * DAY);
    const entry = h.service.recipientStatistics()[0]!;
    expect(entry.status).toBe('Failed');
    expect(entry.error).toMatch(/target mailbox is full.*2\.0 GB.*1\.0 GB short/);
    expect(entry.bytesSynced).toBe(2 * GB);
    expect(h.service.batchStatus()).toBe('Failed');
  });
});

describe('passes need the source, at scale', () => {
  it('an outage over a round of 1,500 users queued on one slot fails them all without deep recursion', () => {
    const config = makeConfig(mailboxes(1_500, { sizeBytes: 1_000_000, itemCount: 10 }), (c) => {
      deterministic(c);
      c.endpoint.maxConcurrentMigrations = 300;
      c.endpoint.maxConcurrentIncrementalSyncs = 1;
      c.migration.incrementalPassOverhead = 60_000;
    });
    const probe = harness(config);
    createAndStart(probe);
    probe.scheduler.runUntil(3 * DAY);
    const round = probe.service.initialSyncDoneAt()! + DAY;
    // The outage starts once the round's users are queued behind the one slot.
    const h = harness(config, new FakeTenant(), new FakeSource([{ from: round + 10 * 60_000, until: round + 6 * HOUR }]));
    createAndStart(h);
    expect(() => h.scheduler.runUntil(round + HOUR)).not.toThrow();
    const { users, batch } = h.service.migrationStatistics();
    expect(users.filter((user) => user.Status === 'IncrementalFailed').length).toBeGreaterThan(1_400);
    expect(batch!.Status).toBe('SyncedWithErrors');
  });
});
