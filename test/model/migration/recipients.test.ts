import { describe, expect, it } from 'vitest';
import { DAY, HOUR, isInputError } from '../../../sim/index.js';
import type { Recipient } from '../../../model/organisation.js';
import { createAndStart, deterministic, FakeTenant, GB, harness, mailbox, mailboxes, makeConfig, MB } from './fixtures.js';

const statusOf = (h: ReturnType<typeof harness>, address: string) => h.service.recipientStatistics().find((entry) => entry.address === address);

describe('affected mailboxes fail as the real service would', () => {
  it('fails hidden, UM-enabled and manager-outside mailboxes at provisioning; the batch is SyncedWithErrors', () => {
    const h = harness(makeConfig([
      mailbox('ok@contoso.com'),
      mailbox('hidden@contoso.com', { hidden: true }),
      mailbox('um@contoso.com', { unifiedMessaging: true }),
      mailbox('managed@contoso.com', { delegates: ['gone@contoso.com'] }),
    ], deterministic));
    createAndStart(h);
    h.scheduler.runUntil(DAY);
    expect(h.service.batchStatus()).toBe('SyncedWithErrors');
    expect(h.recorded.failures.map((entry) => entry.address).sort()).toEqual(['hidden@contoso.com', 'managed@contoso.com', 'um@contoso.com']);
    expect(statusOf(h, 'hidden@contoso.com')).toMatchObject({ status: 'Failed', error: expect.stringContaining("couldn't be found") });
    expect(h.recorded.provisioned.map((entry) => entry.address)).toEqual(['ok@contoso.com']);
    expect(h.service.batchCounts()).toMatchObject({ total: 4, synced: 1, failed: 3 });
  });

  it('provisions a mailbox without FullAccess, then fails its data sync', () => {
    const h = harness(makeConfig([mailbox('ok@contoso.com'), mailbox('noaccess@contoso.com', { missingFullAccess: true })], deterministic));
    createAndStart(h);
    h.scheduler.runUntil(DAY);
    expect(h.recorded.provisioned.map((entry) => entry.address).sort()).toEqual(['noaccess@contoso.com', 'ok@contoso.com']);
    expect(statusOf(h, 'noaccess@contoso.com')).toMatchObject({ status: 'Failed', error: expect.stringContaining('Access is denied') });
  });

  it('does not fail those mailboxes when the admin has Receive As on the database', () => {
    const h = harness(makeConfig([mailbox('a@contoso.com', { missingFullAccess: true })], (c) => {
      deterministic(c);
      c.organisation.server.migrationAdmin.permission = 'ReceiveAs';
    }));
    createAndStart(h);
    h.scheduler.runUntil(DAY);
    expect(h.service.batchStatus()).toBe('Synced');
  });

  it('fails everything while the domain is unverified (batch Failed), and a Start after verification retries them', () => {
    const tenant = new FakeTenant();
    tenant.verified.clear();
    const h = harness(makeConfig(mailboxes(2), deterministic), tenant);
    createAndStart(h);
    h.scheduler.runUntil(HOUR);
    expect(h.service.batchStatus()).toBe('Failed');
    expect(h.recorded.failures[0]!.error).toMatch(/not a verified domain/);
    tenant.verified.add('contoso.com');
    expect(h.service.startBatch().ok).toBe(true);
    h.scheduler.runUntil(DAY);
    expect(h.service.batchStatus()).toBe('Synced');
    expect(h.service.batchCounts()).toMatchObject({ synced: 2, failed: 0 });
  });
});

describe('the batch refuses to be created', () => {
  it('while directory synchronization is on', () => {
    const tenant = new FakeTenant();
    tenant.directorySync = true;
    const h = harness(makeConfig(), tenant);
    expect(h.service.createEndpoint().ok).toBe(true);
    expect(h.service.createBatch('CutoverBatch', true)).toMatchObject({ ok: false, reason: expect.stringContaining('Directory synchronization') });
    expect(h.service.batchStatus()).toBe('None');
  });

  it('with more mailboxes than the limit', () => {
    const h = harness(makeConfig(mailboxes(3), (c) => { c.migration.maxMailboxes = 2; }));
    h.service.createEndpoint();
    expect(h.service.createBatch('CutoverBatch', true)).toMatchObject({ ok: false, reason: expect.stringContaining('at most 2') });
  });

  it('with spaces or special characters in the name', () => {
    const h = harness();
    h.service.createEndpoint();
    expect(h.service.createBatch('Cutover Batch', true).ok).toBe(false);
    expect(h.service.createBatch('Cutover#1', true).ok).toBe(false);
    expect(h.service.createBatch('Cutover-1_a', true).ok).toBe(true);
  });

  it('when a cutover batch already exists; a new one is allowed after deletion', () => {
    const h = harness(makeConfig(mailboxes(1), deterministic));
    createAndStart(h, false);
    expect(h.service.createBatch('Second', true)).toMatchObject({ ok: false, reason: expect.stringContaining('one cutover migration batch') });
    expect(h.service.allowedCommands().find((entry) => entry.command === 'create')?.allowed).toBe(false);
    h.service.removeBatch();
    h.scheduler.runUntil(HOUR);
    expect(h.service.batchStatus()).toBe('Deleted');
    expect(h.service.createBatch('Second', true).ok).toBe(true);
    const existing = harness(makeConfig(mailboxes(1), (c) => { c.tenant.existingCutoverBatch = true; }));
    existing.service.createEndpoint();
    expect(existing.service.createBatch('CutoverBatch', true).ok).toBe(false);
  });
});

describe('what a cutover migrates', () => {
  it('provisions mail users, contacts and groups, groups after their members; security groups not pre-created arrive as distribution groups', () => {
    const recipients: Recipient[] = [
      { kind: 'group', address: 'team@contoso.com', displayName: 'Team', members: ['a@contoso.com', 'b@contoso.com'], security: true },
      mailbox('a@contoso.com', { sizeBytes: 2 * GB }),
      mailbox('b@contoso.com'),
      { kind: 'mailUser', address: 'ext@contoso.com', displayName: 'Ext', externalAddress: 'ext@fabrikam.com' },
      { kind: 'contact', address: 'partner@fabrikam.com', displayName: 'Partner' },
    ];
    const h = harness(makeConfig(recipients, deterministic));
    createAndStart(h);
    h.scheduler.runUntil(DAY);
    const order = h.recorded.provisioned.map((entry) => entry.address);
    expect(order.indexOf('team@contoso.com')).toBeGreaterThan(order.indexOf('a@contoso.com'));
    expect(order.indexOf('team@contoso.com')).toBeGreaterThan(order.indexOf('b@contoso.com'));
    expect(h.recorded.provisioned.find((entry) => entry.address === 'partner@fabrikam.com')?.kind).toBe('contact');
    expect(statusOf(h, 'team@contoso.com')).toMatchObject({ status: 'Synced', note: expect.stringContaining('distribution group') });
    expect(h.service.mailboxStatistics().map((entry) => entry.address)).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(h.service.batchCounts()).toMatchObject({ total: 5, synced: 5 });
  });

  it('keeps a pre-created security group as one', () => {
    const tenant = new FakeTenant();
    tenant.securityGroups.add('team@contoso.com');
    const h = harness(makeConfig([mailbox('a@contoso.com'), { kind: 'group', address: 'team@contoso.com', displayName: 'T', members: ['a@contoso.com'], security: true }], deterministic), tenant);
    createAndStart(h);
    h.scheduler.runUntil(DAY);
    expect(statusOf(h, 'team@contoso.com')?.note).toBeUndefined();
  });

  it('skips large and bad items without failing the mailbox', () => {
    const h = harness(makeConfig([mailbox('a@contoso.com', { itemCount: 100, largeItems: 2, badItems: 1 })], deterministic));
    h.service.recordOnPremArrival('a@contoso.com', 40 * MB); // over the 36 MB MaxReceiveSize
    h.service.recordOnPremArrival('a@contoso.com', 1 * MB);
    createAndStart(h);
    h.scheduler.runUntil(DAY);
    expect(h.service.mailboxStatistics()[0]).toMatchObject({ status: 'Synced', skippedLarge: 3, skippedBad: 1, itemsSynced: 98, bytesSynced: GB + MB });
  });
});

describe('bad input', () => {
  it('throws InputError for impossible concurrency and unknown mailboxes', () => {
    const invalid = [
      (c: ReturnType<typeof makeConfig>) => { c.endpoint.maxConcurrentMigrations = 0; },
      (c: ReturnType<typeof makeConfig>) => { c.endpoint.maxConcurrentMigrations = 5; c.endpoint.maxConcurrentIncrementalSyncs = 6; },
    ];
    for (const change of invalid) {
      let error: unknown;
      try { harness(makeConfig(undefined, change)); } catch (caught) { error = caught; }
      expect(isInputError(error) && error.code).toBe('ENDPOINT_CONCURRENCY_INVALID');
    }
    const h = harness();
    expect(() => h.service.recordOnPremArrival('nobody@contoso.com', 1)).toThrowError(/not an on-prem mailbox/);
    expect(() => h.service.recordOnPremArrival('user0@contoso.com', -1)).toThrowError(/non-negative/);
  });
});
