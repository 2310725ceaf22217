import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../sim/index.js';
import { deterministic, harness, mailbox, mailboxes, makeConfig } from './fixtures.js';

/**
 * A Start accepted at the very millisecond incremental passes are waiting for a slot (the
 * batch is still SyncedWithErrors until the service reconciles) must not request a second
 * pass for the waiting users: two pass chains per user would double the passes every day and
 * leave a timer that fires while the batch is stopped.
 */
describe('incremental passes waiting for a slot', () => {
  it('are not requested twice by a Start at the same instant, and nothing syncs after a later Stop', () => {
    const h = harness(makeConfig([...mailboxes(4, { sizeBytes: 10 * 1024 ** 2 }), mailbox('hidden@contoso.com', { hidden: true })], (config) => {
      deterministic(config);
      config.endpoint.maxConcurrentIncrementalSyncs = 1;
    }));
    expect(h.service.createEndpoint().ok).toBe(true);
    expect(h.service.createBatch('QueueBatch', true).ok).toBe(true);
    h.scheduler.runUntil(2 * HOUR);
    while (h.service.slotsInUse().incremental === 0) h.scheduler.step(1);
    h.scheduler.step(3); // the other three passes join the queue; the status is not reconciled yet
    expect(h.service.batchStatus()).toBe('SyncedWithErrors');
    expect(h.service.startBatch().ok).toBe(true);

    const startedAt = h.scheduler.now();
    h.scheduler.runUntil(startedAt + 3 * 24 * HOUR);
    const interval = h.config.migration.incrementalInterval;
    for (const address of ['user0', 'user1', 'user2', 'user3'].map((name) => `${name}@contoso.com`)) {
      const snapshots = h.recorded.passes.filter((pass) => pass.address === address && pass.snapshotAt >= startedAt - HOUR).map((pass) => pass.snapshotAt);
      for (let index = 1; index < snapshots.length; index++) {
        expect(snapshots[index]! - snapshots[index - 1]!, `${address} passes at ${snapshots.join(', ')}`).toBeGreaterThanOrEqual(interval);
      }
    }

    while (!h.service.allowedCommands().find((entry) => entry.command === 'stop')?.allowed) h.scheduler.step(1);
    expect(h.service.stopBatch().ok).toBe(true);
    const passesAtStop = h.recorded.passes.length;
    h.scheduler.runUntil(h.scheduler.now() + 5 * 24 * HOUR);
    expect(h.service.batchStatus()).toBe('Stopped');
    expect(h.recorded.passes.length).toBe(passesAtStop);
  });
});
