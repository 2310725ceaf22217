import { describe, expect, it } from 'vitest';
import type { SimulationConfig } from '../../../model/config.js';
import { PREFLIGHT_RULES, preflightFindings, type PreflightRule } from '../../../model/migration/index.js';
import { mailbox, mailboxes, makeConfig } from './fixtures.js';

const withPlan = (config: SimulationConfig, plan: SimulationConfig['plan']): void => {
  config.plan = plan;
};

const triggers: Record<PreflightRule, (config: SimulationConfig) => void> = {
  'preflight.domain-not-verified': (c) => { c.tenant.verifiedDomains = []; },
  'preflight.additional-domain-not-verified': (c) => {
    c.organisation.additionalDomains = [{ name: 'fabrikam.com', initialMxTtl: 3_600_000, verificationTxtPublished: false, autodiscoverCnameExists: false }];
    c.organisation.recipients.push(mailbox('anna@fabrikam.com'));
  },
  'preflight.directory-sync-on': (c) => { c.tenant.directorySync = true; },
  'preflight.too-many-mailboxes': (c) => { c.migration.maxMailboxes = 2; },
  'preflight.above-recommended-size': (c) => { c.migration.recommendedMailboxes = 2; },
  'preflight.source-too-old': (c) => { c.organisation.server.version = '2000'; },
  'preflight.exchange-2003-unsupported': (c) => { c.organisation.server.version = '2003'; c.migration.exchange2003Supported = false; },
  'preflight.certificate': (c) => { c.organisation.server.certificate = 'self-signed'; },
  'preflight.outlook-anywhere-off': (c) => { c.organisation.server.outlookAnywhereEnabled = false; },
  'preflight.exchange-2003-ports': (c) => { c.organisation.server.version = '2003'; c.organisation.server.rpcPorts6001To6004Open = false; },
  'preflight.missing-permission': (c) => { c.organisation.recipients.push(mailbox('noaccess@contoso.com', { missingFullAccess: true })); },
  'preflight.hidden-mailboxes': (c) => { c.organisation.recipients.push(mailbox('hidden@contoso.com', { hidden: true })); },
  'preflight.unified-messaging': (c) => { c.organisation.recipients.push(mailbox('um@contoso.com', { unifiedMessaging: true })); },
  'preflight.security-groups-not-precreated': (c) => {
    c.organisation.recipients.push({ kind: 'group', address: 'sec@contoso.com', displayName: 'Sec', members: ['user0@contoso.com'], security: true });
  },
  'preflight.manager-outside-batch': (c) => { c.organisation.recipients.push(mailbox('managed@contoso.com', { manager: 'gone@contoso.com' })); },
  'preflight.endpoint-connection': (c) => { c.organisation.server.migrationAdmin.credentialsValid = false; },
  'preflight.existing-batch': (c) => { c.tenant.existingCutoverBatch = true; },
  'preflight.batch-name': (c) => withPlan(c, [{ action: 'createBatch', timing: { at: 0 }, batchName: 'Cutover Batch!' }]),
  'preflight.mailbox-over-quota': (c) => { c.organisation.recipients.push(mailbox('big@contoso.com', { sizeBytes: 52 * 1024 ** 3, itemCount: 612_000 })); },
  'preflight.large-items': (c) => { c.organisation.recipients.push(mailbox('attachments@contoso.com', { largeItems: 7 })); },
};

describe('pre-flight rules', () => {
  it('find nothing on a healthy organisation', () => {
    expect(preflightFindings(makeConfig())).toEqual([]);
  });

  it.each(PREFLIGHT_RULES.map((rule) => [rule]))('%s is triggered by a minimal scenario, with a step and a fix', (rule) => {
    const findings = preflightFindings(makeConfig(mailboxes(3), triggers[rule]));
    const found = findings.filter((entry) => entry.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0]!.step).toMatch(/^(Step \d|Prepare|Plan)/);
    expect(found[0]!.fix.length).toBeGreaterThan(10);
  });

  it('names the affected mailboxes', () => {
    const findings = preflightFindings(makeConfig(mailboxes(3), triggers['preflight.hidden-mailboxes']));
    expect(findings[0]!.subjects).toEqual(['hidden@contoso.com']);
  });

  it('accepts a domain verified by the plan before the batch is created, and not after', () => {
    const unverified = (plan: SimulationConfig['plan']) => (c: SimulationConfig): void => {
      c.tenant.verifiedDomains = [];
      c.plan = plan;
    };
    const before = preflightFindings(makeConfig(mailboxes(1), unverified([
      { action: 'verifyDomain', timing: { at: 1000 } }, { action: 'createBatch', timing: { at: 5000 }, batchName: 'B' },
    ])));
    expect(before.map((entry) => entry.rule)).not.toContain('preflight.domain-not-verified');
    const after = preflightFindings(makeConfig(mailboxes(1), unverified([
      { action: 'createBatch', timing: { at: 1000 }, batchName: 'B' }, { action: 'verifyDomain', timing: { at: 5000 } },
    ])));
    expect(after.find((entry) => entry.rule === 'preflight.domain-not-verified')?.severity).toBe('error');
    const relative = preflightFindings(makeConfig(mailboxes(1), unverified([
      { action: 'verifyDomain', timing: { after: 'batchStarted', delay: 0 } }, { action: 'createBatch', timing: { at: 1000 }, batchName: 'B' },
    ])));
    expect(relative.find((entry) => entry.rule === 'preflight.domain-not-verified')).toMatchObject({ severity: 'warning', message: expect.stringContaining('relatively timed') });
  });

  it('treats pre-created security groups and planned dirsync shut-off as fixed', () => {
    const groups = preflightFindings(makeConfig(mailboxes(1), (c) => {
      triggers['preflight.security-groups-not-precreated'](c);
      c.tenant.preCreatedSecurityGroups = ['sec@contoso.com'];
    }));
    expect(groups).toEqual([]);
    const dirsync = preflightFindings(makeConfig(mailboxes(1), (c) => {
      c.tenant.directorySync = true;
      c.plan = [{ action: 'disableDirectorySync', timing: { at: 0 } }, { action: 'createBatch', timing: { at: 10 }, batchName: 'B' }];
    }));
    expect(dirsync).toEqual([]);
  });

  it('an additional domain verified before the batch, or at the start, is no finding; verifying it without its TXT record is', () => {
    const extra = (c: SimulationConfig): void => {
      c.organisation.additionalDomains = [{ name: 'fabrikam.com', initialMxTtl: 3_600_000, verificationTxtPublished: false, autodiscoverCnameExists: false }];
      c.organisation.recipients.push(mailbox('anna@fabrikam.com'));
    };
    const rule = (config: SimulationConfig) => preflightFindings(config).filter((finding) => finding.rule === 'preflight.additional-domain-not-verified');
    const planned = (plan: SimulationConfig['plan']) => makeConfig(mailboxes(3), (c) => { extra(c); c.plan = plan; });
    const batch = { action: 'createBatch' as const, timing: { at: 3_600_000 } };
    expect(rule(planned([
      { action: 'publishVerificationTxt', timing: { at: 0 }, domain: 'fabrikam.com' },
      { action: 'verifyDomain', timing: { at: 1_200_000 }, domain: 'fabrikam.com' }, batch,
    ]))).toEqual([]);
    expect(rule(makeConfig(mailboxes(3), (c) => { extra(c); c.tenant.verifiedDomains.push('fabrikam.com'); }))).toEqual([]);
    // The primary's TXT record does not verify fabrikam.com, nor does verifying the primary.
    const wrong = rule(planned([{ action: 'publishVerificationTxt', timing: { at: 0 } }, { action: 'verifyDomain', timing: { at: 1_200_000 }, domain: 'fabrikam.com' }, { action: 'verifyDomain', timing: { at: 1_200_000 } }, batch]));
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.severity).toBe('error');
    expect(wrong[0]!.subjects).toEqual(['anna@fabrikam.com']);
    expect(wrong[0]!.fix).toContain('verify-domain, domain: fabrikam.com');
  });
});
