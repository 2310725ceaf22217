import { describe, expect, it } from 'vitest';
import type { SimulationConfig } from '../../../model/config.js';
import { testEndpoint, type EndpointFailureCause } from '../../../model/migration/index.js';
import { harness, mailbox, makeConfig } from './fixtures.js';

const cases: [EndpointFailureCause, (config: SimulationConfig) => void][] = [
  ['source-too-old', (c) => { c.organisation.server.version = '2000'; }],
  ['exchange-2003-unsupported', (c) => { c.organisation.server.version = '2003'; c.migration.exchange2003Supported = false; }],
  ['autodiscover-unresolvable', (c) => { c.organisation.server.autodiscoverPublished = false; }],
  ['autodiscover-unresolvable', (c) => { c.organisation.server.version = '2003'; }],
  ['certificate', (c) => { c.organisation.server.certificate = 'self-signed'; }],
  ['certificate', (c) => { c.organisation.server.certificate = 'untrusted-ca'; }],
  ['outlook-anywhere-off', (c) => { c.organisation.server.outlookAnywhereEnabled = false; }],
  ['outlook-anywhere-off', (c) => { c.organisation.server.iisBasicAuthentication = false; }],
  ['exchange-2003-ports', (c) => {
    c.organisation.server.version = '2003'; c.organisation.server.rpcPorts6001To6004Open = false;
    c.endpoint.mode = 'manual'; c.endpoint.exchangeServer = c.organisation.server.exchangeServerFqdn; c.endpoint.rpcProxyServer = c.organisation.server.rpcProxyFqdn;
  }],
  ['bad-credentials', (c) => { c.organisation.server.migrationAdmin.credentialsValid = false; }],
  ['insufficient-permission', (c) => { c.organisation.server.migrationAdmin.permission = 'None'; }],
  ['insufficient-permission', (c) => { c.endpoint.mailboxPermission = 'Admin'; }],
  ['wrong-server', (c) => { c.endpoint.mode = 'manual'; c.endpoint.exchangeServer = 'wrong.corp.contoso.com'; c.endpoint.rpcProxyServer = c.organisation.server.rpcProxyFqdn; }],
  ['test-mailbox', (c) => { c.endpoint.testMailbox = 'nobody@contoso.com'; }],
];

describe('Test-MigrationServerAvailability', () => {
  it('succeeds on a healthy source, with connection settings and no password', () => {
    const result = testEndpoint(makeConfig());
    expect(result).toMatchObject({ result: 'Success', supportsCutover: true });
    expect(result.connectionSettings).toMatchObject({ hasAutodiscovery: true, incomingExchangeServer: 'exch01.corp.contoso.com', incomingAuthentication: 'Basic' });
    expect(JSON.stringify(result)).not.toMatch(/CUTOVER_ADMIN_PASSWORD/);
  });

  it.each(cases)('fails with cause %s', (cause, change) => {
    const result = testEndpoint(makeConfig(undefined, change));
    expect(result.result).toBe('Failed');
    expect(result.cause).toBe(cause);
    expect(result.supportsCutover).toBe(false);
    expect(result.message).toMatch(/Unable to connect/);
    expect(result.errorDetail).toBeTruthy();
  });

  it('accepts an untrusted certificate when told to', () => {
    expect(testEndpoint(makeConfig(undefined, (c) => { c.organisation.server.certificate = 'self-signed'; c.endpoint.acceptUntrustedCertificates = true; })).result).toBe('Success');
  });

  it('fails when the test mailbox is hidden', () => {
    const config = makeConfig([mailbox('a@contoso.com', { hidden: true })]);
    expect(testEndpoint(config).cause).toBe('test-mailbox');
  });

  it('refuses to create an endpoint whose test fails, with the test message', () => {
    const h = harness(makeConfig(undefined, (c) => { c.organisation.server.certificate = 'expired'; }));
    const result = h.service.createEndpoint();
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('certificate') });
    expect(h.service.createBatch('CutoverBatch', true)).toMatchObject({ ok: false, reason: expect.stringContaining('endpoint') });
  });
});
