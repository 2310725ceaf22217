import { describe, expect, it } from 'vitest';
import { DAY } from '../../../sim/index.js';
import type { Recipient } from '../../../model/organisation.js';
import { createAndStart, deterministic, harness, mailbox, makeConfig } from './fixtures.js';

/**
 * Regression (test/properties/counterexamples/mailbox-disabled-before-sync.yaml): a group whose
 * provisioning came up while a member mailbox was still waiting for a slot waited for ever,
 * because a mailbox being provisioned did not wake the groups waiting for it; the batch then
 * stayed Syncing and initial-sync-done never came.
 */
describe('groups waiting for their members (MUSR: ProvisionUpdating)', () => {
  it('provisions the group once its last member mailbox is provisioned, and the batch finishes its initial sync', () => {
    const recipients: Recipient[] = [
      mailbox('a@contoso.com'),
      mailbox('b@contoso.com'),
      { kind: 'group', address: 'team@contoso.com', displayName: 'Team', members: ['a@contoso.com', 'b@contoso.com'], security: false },
    ];
    // One initial slot: b waits for a's whole copy, long after the group leaves the queue.
    const h = harness(makeConfig(recipients, (config) => {
      deterministic(config);
      config.endpoint.maxConcurrentMigrations = 1;
      config.endpoint.maxConcurrentIncrementalSyncs = 1;
    }));
    createAndStart(h);
    const groupStatus = () => h.service.recipientStatistics().find((entry) => entry.address === 'team@contoso.com')!.status;
    // The group's cloud object exists before b's; it is ProvisionUpdating while b waits (MUSR).
    let sawUpdating = false;
    while (h.recorded.provisioned.every((entry) => entry.address !== 'b@contoso.com') && h.scheduler.now() < DAY) {
      h.scheduler.runUntil(h.scheduler.now() + 60_000);
      if (h.recorded.provisioned.some((entry) => entry.address === 'team@contoso.com') && groupStatus() === 'ProvisionUpdating') sawUpdating = true;
    }
    expect(sawUpdating).toBe(true);
    h.scheduler.runUntil(DAY);
    const provisioned = h.recorded.provisioned.map((entry) => entry.address);
    expect(provisioned).toEqual(['a@contoso.com', 'team@contoso.com', 'b@contoso.com']);
    expect(groupStatus()).toBe('Synced');
    expect(h.service.initialSyncDoneAt()).toBeDefined();
    expect(h.service.batchStatus()).toBe('Synced');
  });
});
