import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, Scheduler, type Millis } from '../../../sim/index.js';
import { Tenant, EXO_REASONS, type LicenseStateName } from '../../../model/tenant/index.js';
import { smallConfig, type ConfigOverrides } from '../../fixtures/config.js';

function makeTenant(tenantOverrides: ConfigOverrides['tenant'] = {}) {
  const config = smallConfig({ tenant: tenantOverrides });
  const scheduler = new Scheduler();
  const changes: Array<[string, LicenseStateName, Millis]> = [];
  const tenant = new Tenant({ scheduler, config: config.tenant, organisation: config.organisation, listener: { onLicenseState: (...change) => changes.push(change) } });
  return { tenant, scheduler, changes };
}

describe('domain verification', () => {
  it('refuses before the TXT record is published and before it has propagated, then verifies', () => {
    const { tenant } = makeTenant();
    expect(tenant.verifyDomain(0, undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('publish') });
    expect(tenant.verifyDomain(10 * MINUTE, 0)).toMatchObject({ ok: false, reason: expect.stringContaining('TXT record not found yet; wait about 15 minutes and retry') });
    expect(tenant.isDomainVerified('contoso.com')).toBe(false);
    expect(tenant.verifyDomain(15 * MINUTE, 0)).toMatchObject({ ok: true });
    expect(tenant.isDomainVerified('CONTOSO.com')).toBe(true);
    expect(tenant.verifyDomain(16 * MINUTE, 0)).toMatchObject({ ok: false, reason: 'the domain is already verified' });
  });

  it('starts verified when the scenario says so', () => {
    const { tenant } = makeTenant({ verifiedDomains: ['contoso.com'] });
    expect(tenant.isDomainVerified('contoso.com')).toBe(true);
    expect(tenant.isDomainVerified('contoso.onmicrosoft.com')).toBe(true);
    expect(tenant.isDomainVerified('fabrikam.com')).toBe(false);
  });
});

describe('licenses', () => {
  it('disables an unlicensed mailbox exactly at the end of its grace and deletes its data after the retention', () => {
    const { tenant, scheduler, changes } = makeTenant({ verifiedDomains: ['contoso.com'] });
    scheduler.runUntil(DAY);
    tenant.provision('user1@contoso.com', 'mailbox', DAY);
    expect(tenant.inbound('user1@contoso.com')).toEqual({ kind: 'accepted' });
    scheduler.runUntil(31 * DAY - 1);
    expect(tenant.licenses.state('user1@contoso.com')).toBe('grace');
    expect(tenant.licenses.grace(scheduler.now())).toEqual({ count: 1, shortestLeft: 1 });
    scheduler.runUntil(31 * DAY);
    expect(tenant.licenses.state('user1@contoso.com')).toBe('disabled');
    expect(tenant.inbound('user1@contoso.com')).toEqual({ kind: 'permanent', code: '550 5.1.10', reason: EXO_REASONS.mailboxDisabled });
    scheduler.runUntilIdle();
    expect(changes).toEqual([['user1@contoso.com', 'disabled', 31 * DAY], ['user1@contoso.com', 'deleted', 61 * DAY]]);
    expect(tenant.assignLicenses(['user1@contoso.com'], scheduler.now())).toMatchObject({ ok: false, reason: expect.stringContaining('deleted') });
  });

  it('reconnects a disabled mailbox licensed within the retention period', () => {
    const { tenant, scheduler } = makeTenant({ verifiedDomains: ['contoso.com'] });
    tenant.provision('user1@contoso.com', 'mailbox', 0);
    scheduler.runUntil(40 * DAY);
    expect(tenant.assignLicenses(undefined, 40 * DAY)).toMatchObject({ ok: true });
    scheduler.runUntilIdle();
    expect(tenant.licenses.view('user1@contoso.com')).toMatchObject({ state: 'licensed', assignedAt: 40 * DAY, disabledAt: 30 * DAY });
    expect(tenant.inbound('user1@contoso.com').kind).toBe('accepted');
  });

  it('assigns as far as the pool allows and refuses when it is empty', () => {
    const { tenant, scheduler } = makeTenant({ licensePool: 1 });
    expect(tenant.assignLicenses(undefined, 0)).toMatchObject({ ok: false, reason: expect.stringContaining('no unlicensed cloud mailbox') });
    tenant.provision('user1@contoso.com', 'mailbox', 0);
    tenant.provision('user2@contoso.com', 'mailbox', 0);
    tenant.provision('group@contoso.com', 'group', 0);
    const first = tenant.assignLicenses(undefined, MINUTE);
    expect(first).toMatchObject({ ok: true, detail: expect.stringContaining('licensed 1 mailbox; 1 not licensed: no license left in the pool') });
    expect(tenant.assignLicenses(['user2@contoso.com'], MINUTE)).toMatchObject({ ok: false, reason: expect.stringContaining('no license left') });
    scheduler.runUntil(30 * DAY);
    expect(tenant.licenses.state('user1@contoso.com')).toBe('licensed');
    expect(tenant.licenses.state('user2@contoso.com')).toBe('disabled');
    expect(tenant.licenses.state('group@contoso.com')).toBe('none');
    tenant.stop();
  });
});

describe('Exchange Online as a destination', () => {
  it('refuses a domain it does not accept, and unknown recipients of an accepted one', () => {
    const { tenant } = makeTenant();
    expect(tenant.inbound('user1@contoso.com')).toMatchObject({ kind: 'permanent', code: '550 5.4.1' });
    tenant.verifyDomain(DAY, 0);
    expect(tenant.inbound('user1@contoso.com')).toMatchObject({ kind: 'permanent', code: '550 5.1.10', reason: EXO_REASONS.recipientNotFound });
  });
});

describe('directory sync and security groups', () => {
  it('turns directory sync off once and pre-creates security groups once', () => {
    const config = smallConfig({ tenant: { directorySync: true } });
    config.organisation.recipients.push({ kind: 'group', address: 'staff@contoso.com', displayName: 'Staff', members: [], security: true });
    const tenant = new Tenant({ scheduler: new Scheduler(), config: config.tenant, organisation: config.organisation, listener: { onLicenseState: () => {} } });
    expect(tenant.isDirectorySyncEnabled()).toBe(true);
    expect(tenant.disableDirectorySync(0).ok).toBe(true);
    expect(tenant.disableDirectorySync(0)).toMatchObject({ ok: false });
    expect(tenant.isSecurityGroupPreCreated('staff@contoso.com')).toBe(false);
    expect(tenant.createSecurityGroups(0).ok).toBe(true);
    expect(tenant.isSecurityGroupPreCreated('Staff@contoso.com')).toBe(true);
    expect(tenant.createSecurityGroups(0)).toMatchObject({ ok: false, reason: 'every security group is already pre-created' });
  });
});

describe('several accepted domains', () => {
  const fabrikam = { name: 'fabrikam.com', initialMxTtl: 3_600_000, verificationTxtPublished: false, autodiscoverCnameExists: false };

  it('each domain is verified on its own; mail to an unverified one is refused 5.4.1 however the primary stands', () => {
    const config = smallConfig({ tenant: { verifiedDomains: ['contoso.com'] }, organisation: { additionalDomains: [fabrikam] } });
    const scheduler = new Scheduler();
    const tenant = new Tenant({ scheduler, config: config.tenant, organisation: config.organisation, listener: { onLicenseState: () => {} } });
    expect(tenant.isDomainVerified('contoso.com')).toBe(true);
    expect(tenant.isDomainVerified('fabrikam.com')).toBe(false);
    tenant.provision('anna@fabrikam.com', 'mailbox', 0);
    expect(tenant.inbound('anna@fabrikam.com')).toMatchObject({ kind: 'permanent', reason: EXO_REASONS.domainNotAccepted });
    const version = tenant.inboundVersion;
    expect(tenant.verifyDomain(20 * MINUTE, 0, 1)).toMatchObject({ ok: true, detail: 'fabrikam.com verified' });
    expect(tenant.inboundVersion).toBeGreaterThan(version);
    expect(tenant.isDomainVerified('FABRIKAM.com')).toBe(true);
    expect(tenant.inbound('anna@fabrikam.com')).toEqual({ kind: 'accepted' });
    expect(tenant.verificationRefusal(30 * MINUTE, 0, 1)).toBe('the domain is already verified');
  });
});
