import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { createAndStart, deterministic, GB, harness, mailboxes, makeConfig, type Harness } from './fixtures.js';

/**
 * Stop and Start as the cmdlet references describe them (PS-Stop-/Start-MigrationBatch,
 * PS-Get-MigrationUser statuses): Stop leaves users Stopped or IncrementalStopped; Start
 * shows Starting, resumes interrupted copies from their checkpoint and runs a pass for every
 * synced user at once (MMB: the last synced time is the last restart or incremental).
 */

const statusOf = (h: Harness, address: string) => h.service.recipientStatistics().find((entry) => entry.address === address)!;
const settle = (h: Harness) => h.scheduler.runUntil(h.scheduler.now());

describe('Stop and Start', () => {
  it('Stop on a synced batch leaves its users IncrementalStopped; Start runs a pass for each at once and the batch is Synced after them', () => {
    const h = harness(makeConfig(mailboxes(3), deterministic));
    createAndStart(h);
    h.scheduler.runUntil(2 * DAY);
    expect(h.service.batchStatus()).toBe('Synced');
    expect(h.service.stopBatch().ok).toBe(true);
    settle(h);
    expect(h.service.batchStatus()).toBe('Stopped');
    expect(h.service.recipientStatistics().map((entry) => entry.status)).toEqual(['IncrementalStopped', 'IncrementalStopped', 'IncrementalStopped']);
    expect(h.service.batchCounts()).toMatchObject({ stopped: 3, synced: 0, active: 0 });
    // Nothing syncs while stopped.
    const before = h.recorded.passes.length;
    h.scheduler.runUntil(h.scheduler.now() + 3 * DAY);
    expect(h.recorded.passes.length).toBe(before);
    const restartAt = h.scheduler.now();
    expect(h.service.startBatch().ok).toBe(true);
    expect(h.service.batchStatus()).toBe('Starting');
    settle(h);
    expect(h.service.batchStatus()).toBe('Syncing');
    h.scheduler.runUntil(restartAt + HOUR);
    const resumed = h.recorded.passes.filter((pass) => pass.snapshotAt >= restartAt);
    expect(resumed.map((pass) => pass.address).sort()).toEqual(['user0@contoso.com', 'user1@contoso.com', 'user2@contoso.com']);
    expect(h.service.lastSyncedAt()).toBeGreaterThanOrEqual(restartAt);
    expect(h.service.batchStatus()).toBe('Synced');
    // Syncing ended when the last of those passes did, not before.
    const syncedAgain = h.service.statusHistory().filter((entry) => entry.at >= restartAt).find((entry) => entry.status === 'Synced')!.at;
    expect(syncedAgain).toBe(Math.max(...resumed.map((pass) => pass.completedAt)));
  });

  it('Stop during the initial copy leaves users Stopped; Start resumes from the checkpoint rather than copying again', () => {
    const config = makeConfig(mailboxes(1, { sizeBytes: 6 * GB }), deterministic);
    const h = harness(config);
    createAndStart(h);
    h.scheduler.runUntil(3 * HOUR);
    expect(statusOf(h, 'user0@contoso.com').status).toBe('Syncing');
    h.service.stopBatch();
    settle(h);
    expect(statusOf(h, 'user0@contoso.com').status).toBe('Stopped');
    const copied = statusOf(h, 'user0@contoso.com').bytesSynced;
    expect(copied).toBeGreaterThan(0);
    h.service.startBatch();
    h.scheduler.runUntil(3 * DAY);
    const after = statusOf(h, 'user0@contoso.com');
    expect(after.status).toBe('Synced');
    // Every byte once: the copy went on from where it stopped.
    expect(after.bytesSynced).toBe(6 * GB);
    // An uninterrupted run takes the same copy time, so the resumed one ends one pause later, not one full copy later.
    const straight = harness(makeConfig(mailboxes(1, { sizeBytes: 6 * GB }), deterministic));
    createAndStart(straight);
    straight.scheduler.runUntil(3 * DAY);
    const straightDone = straight.service.initialSyncDoneAt()!;
    const stoppedFor = h.service.statusHistory().find((entry) => entry.status === 'Starting')!.at - h.service.statusHistory().find((entry) => entry.status === 'Stopping')!.at;
    expect(h.service.initialSyncDoneAt()! - straightDone).toBeLessThanOrEqual(stoppedFor + config.migration.queueDelayMin + 1_000);
  });
});
