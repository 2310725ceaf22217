import { test } from 'vitest';
import { RandomStreams, Scheduler, HOUR } from '../../sim/index.js';
import { createMigrationService } from '../../model/migration/index.js';
import { smallConfig } from '../fixtures/config.js';
test('d', () => {
  const config = smallConfig({ mailboxCount: 2 });
  const scheduler = new Scheduler();
  const service = createMigrationService({ scheduler, random: new RandomStreams(1), config,
    tenant: { isDomainVerified: () => true, isDirectorySyncEnabled: () => false, isSecurityGroupPreCreated: () => true },
    listener: { onBatchStatus: () => {}, onProvisioned: () => {}, onSyncPass: () => {}, onMailboxFailed: () => {} } });
  console.log(service.createEndpoint(), service.createBatch('B', true), service.batchStatus());
  scheduler.runUntil(36 * HOUR);
  console.log(service.batchStatus(), service.statusHistory());
});
