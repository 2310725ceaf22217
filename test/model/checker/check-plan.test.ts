import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../model/checker/index.js';
import { DAY, HOUR } from '../../../sim/index.js';
import { scenario, textbookWith } from './helpers.js';

const rules = (findings: ReturnType<typeof checkPlan>) => findings.map((finding) => finding.rule);
const errors = (findings: ReturnType<typeof checkPlan>) => findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule);

describe('checkPlan', () => {
  it('finds nothing wrong with the textbook plan', () => {
    expect(checkPlan(textbookWith({}))).toEqual([]);
  });

  it('every finding has a rule id, severity, step, message and fix', () => {
    for (const finding of checkPlan(scenario(['{ action: switch-mx, at: 1d }']))) {
      expect(finding.rule).toMatch(/^(preflight|schedule)\./);
      expect(finding.step.length).toBeGreaterThan(5);
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.fix.length).toBeGreaterThan(5);
    }
  });

  it('includes the pre-flight rules', () => {
    expect(errors(checkPlan(textbookWith({}, 'tenant: { directorySync: true }')))).toContain('preflight.directory-sync-on');
    expect(errors(checkPlan(textbookWith({ 'verify-domain': null })))).toContain('preflight.domain-not-verified');
  });

  it('schedule.no-batch: a switch without a batch is an error', () => {
    expect(errors(checkPlan(scenario(['{ action: switch-mx, at: 1d }'])))).toContain('schedule.no-batch');
  });

  it('schedule.endpoint-not-before-batch', () => {
    expect(errors(checkPlan(textbookWith({ 'create-endpoint': '{ action: create-endpoint, at: 2h }' })))).toContain('schedule.endpoint-not-before-batch');
  });

  it('schedule.verify-before-txt-propagated', () => {
    const findings = checkPlan(textbookWith({ 'verify-domain': '{ action: verify-domain, at: 5m }' }));
    expect(errors(findings)).toContain('schedule.verify-before-txt-propagated');
  });

  it('schedule.batch-created-before-verified: a verification timed from an event that may follow the batch creation', () => {
    const late = checkPlan(textbookWith({ 'verify-domain': '{ action: verify-domain, at: 11m after batch-started }' }));
    expect(late.find((finding) => finding.rule === 'schedule.batch-created-before-verified')).toMatchObject({ severity: 'error', at: 40 * 60_000 });
    expect(rules(checkPlan(textbookWith({})))).not.toContain('schedule.batch-created-before-verified');
    expect(rules(checkPlan(textbookWith({ 'verify-domain': '{ action: verify-domain, at: 11m after batch-started }' }, 'tenant: { verifiedDomains: [contoso.com] }'))))
      .not.toContain('schedule.batch-created-before-verified');
  });

  it('schedule.mx-switched-before-verified: a switch that may come before the domain is verified (550 5.4.1)', () => {
    const late = checkPlan(textbookWith({ 'verify-domain': '{ action: verify-domain, at: "2d after initial-sync-done" }' }));
    expect(late.find((finding) => finding.rule === 'schedule.mx-switched-before-verified')).toMatchObject({ severity: 'error', step: expect.stringContaining('Step 5') });
    expect(rules(checkPlan(textbookWith({})))).not.toContain('schedule.mx-switched-before-verified');
    // Verified from the start: no verification needed before the switch.
    expect(rules(checkPlan(textbookWith({ 'verify-domain': '{ action: verify-domain, at: "2d after initial-sync-done" }' }, 'tenant: { verifiedDomains: [contoso.com] }'))))
      .not.toContain('schedule.mx-switched-before-verified');
  });

  it('schedule.batch-not-started: manual start missing, or before the batch exists', () => {
    expect(errors(checkPlan(textbookWith({ 'start-batch': null })))).toContain('schedule.batch-not-started');
    expect(errors(checkPlan(textbookWith({ 'start-batch': '{ action: start-batch, at: 10m }' })))).toContain('schedule.batch-not-started');
  });

  it('schedule.mx-switched-before-sync: an absolute switch earlier than the pessimistic sync estimate', () => {
    expect(errors(checkPlan(textbookWith({ 'switch-mx': '{ action: switch-mx, at: 2h }' })))).toContain('schedule.mx-switched-before-sync');
    expect(rules(checkPlan(textbookWith({ 'switch-mx': '{ action: switch-mx, at: 5d }' })))).not.toContain('schedule.mx-switched-before-sync');
  });

  it('schedule.no-mx-switch warns', () => {
    const findings = checkPlan(textbookWith({ 'switch-mx': null, 'remove-batch': null, decommission: null }));
    expect(findings.find((finding) => finding.rule === 'schedule.no-mx-switch')?.severity).toBe('warning');
  });

  it('schedule.ttl-not-lowered-in-time: not lowered, or lowered less than one old TTL before the switch', () => {
    expect(rules(checkPlan(textbookWith({ 'set-mx-ttl': null, 'switch-mx': '{ action: switch-mx, at: "1h after initial-sync-done" }' })))).toContain('schedule.ttl-not-lowered-in-time');
    expect(rules(checkPlan(textbookWith({ 'set-mx-ttl': '{ action: set-mx-ttl, ttl: 1h, at: "1h after batch-started" }', 'switch-mx': '{ action: switch-mx, at: "2h after batch-started" }' })))).toContain('schedule.ttl-not-lowered-in-time');
    // Already short: nothing to lower.
    expect(rules(checkPlan(textbookWith({ 'set-mx-ttl': null }, 'dns: { initialMxTtl: 1h }')))).not.toContain('schedule.ttl-not-lowered-in-time');
  });

  it('schedule.batch-removed-before-72h and -before-final-pass', () => {
    const early = errors(checkPlan(textbookWith({ 'remove-batch': '{ action: remove-batch, at: "1h after mx-switched" }' })));
    expect(early).toEqual(expect.arrayContaining(['schedule.batch-removed-before-72h', 'schedule.batch-removed-before-final-pass']));
    const minimum = errors(checkPlan(textbookWith({ 'remove-batch': '{ action: remove-batch, at: "72h after mx-switched" }' })));
    expect(minimum).toContain('schedule.batch-removed-before-final-pass');
    expect(minimum).not.toContain('schedule.batch-removed-before-72h');
    expect(errors(checkPlan(textbookWith({ 'remove-batch': '{ action: remove-batch, at: "6d after mx-switched" }' })))).toEqual([]);
  });

  it('schedule.batch-removed-without-switch', () => {
    expect(errors(checkPlan(textbookWith({ 'switch-mx': null, 'remove-batch': '{ action: remove-batch, at: 10d }', decommission: null })))).toContain('schedule.batch-removed-without-switch');
  });

  it('schedule.batch-stopped-after-switch and schedule.complete-not-for-cutover', () => {
    expect(errors(checkPlan(textbookWith({ 'stop-batch': '{ action: stop-batch, at: "1h after mx-switched" }' })))).toContain('schedule.batch-stopped-after-switch');
    expect(rules(checkPlan(textbookWith({ 'complete-batch': '{ action: complete-batch, at: "1h after mx-switched" }' })))).toContain('schedule.complete-not-for-cutover');
  });

  it('schedule.licenses-not-assigned, -after-grace, and a partial assignment names who is missing', () => {
    expect(errors(checkPlan(textbookWith({ 'assign-licenses': null })))).toContain('schedule.licenses-not-assigned');
    expect(errors(checkPlan(textbookWith({ 'assign-licenses': '{ action: assign-licenses, at: 31d }' })))).toContain('schedule.licenses-after-grace');
    const partial = checkPlan(textbookWith({ 'assign-licenses': '{ action: assign-licenses, at: 1d, users: [user0001@contoso.com] }' }));
    const missing = partial.find((finding) => finding.rule === 'schedule.licenses-not-assigned');
    expect(missing?.subjects).toHaveLength(9);
    expect(missing?.at).toBeGreaterThan(30 * DAY);
  });

  it('schedule.license-pool-too-small', () => {
    expect(errors(checkPlan(textbookWith({}, 'tenant: { licensePool: 5 }')))).toContain('schedule.license-pool-too-small');
  });

  it('schedule.no-autodiscover-cname and schedule.scp-pointer-not-cleared', () => {
    expect(errors(checkPlan(textbookWith({ 'create-autodiscover-cname': null })))).toContain('schedule.no-autodiscover-cname');
    expect(errors(checkPlan(textbookWith({ 'clear-scp-pointer': null })))).toContain('schedule.scp-pointer-not-cleared');
    // Nothing to clear when no Outlook is domain-joined.
    expect(errors(checkPlan(textbookWith({ 'clear-scp-pointer': null }, 'clients: { domainJoinedFraction: 0 }')))).toEqual([]);
  });

  it('schedule.profiles-rebuilt-before-autodiscover: new profiles made before the CNAME point on-prem again', () => {
    const late = textbookWith({
      'create-autodiscover-cname': '{ action: create-autodiscover-cname, at: "1d after batch-removed" }',
      'remove-batch': '{ action: remove-batch, at: "8d after mx-switched" }',
    });
    expect(errors(checkPlan(late))).toContain('schedule.profiles-rebuilt-before-autodiscover');
  });

  it('schedule.clients-not-moved-before-removal: a desk-by-desk rollout still running when the batch is deleted', () => {
    const slow = textbookWith({
      'rebuild-outlook-profiles': '{ action: rebuild-outlook-profiles, at: "79h after mx-switched", rate: 1 }',
      'remove-batch': '{ action: remove-batch, at: "80h after mx-switched" }',
    });
    const finding = checkPlan(slow).find((candidate) => candidate.rule === 'schedule.clients-not-moved-before-removal');
    expect(finding).toMatchObject({ severity: 'error', step: 'Step 6: Delete the cutover migration batch' });
    expect(errors(checkPlan(textbookWith({ 'rebuild-outlook-profiles': '{ action: rebuild-outlook-profiles, after: mx-switched, rate: 10 }' })))).toEqual([]);
  });

  it('the users\' side: passwords, new profiles and X500 addresses, each with its article step and fix', () => {
    const noPasswords = checkPlan(textbookWith({ 'distribute-passwords': null })).find((finding) => finding.rule === 'schedule.passwords-not-distributed');
    expect(noPasswords).toMatchObject({ severity: 'error', step: 'How does cutover migration work? step 9: the welcome letter' });
    expect(noPasswords!.fix).toContain('distribute-passwords');
    expect(errors(checkPlan(textbookWith({ 'distribute-passwords': '{ action: distribute-passwords, at: 10m }' })))).toContain('schedule.passwords-not-distributed');
    const noProfiles = checkPlan(textbookWith({ 'rebuild-outlook-profiles': null })).find((finding) => finding.rule === 'schedule.profiles-not-rebuilt');
    expect(noProfiles?.fix).toContain('rebuild-outlook-profiles');
    const noX500 = checkPlan(textbookWith({ 'add-x500-addresses': null })).find((finding) => finding.rule === 'schedule.no-x500-addresses');
    expect(noX500).toMatchObject({ severity: 'error', step: 'Complete post migration tasks' });
    expect(noX500!.fix).toContain('add-x500-addresses');
    // No internal mail, nothing to reply to: no X500 finding.
    expect(errors(checkPlan(textbookWith({ 'add-x500-addresses': null }, 'clients: { x500ReplyShare: 0 }')))).toEqual([]);
    // Decommissioning while users still work in the old profile loses their mailbox.
    expect(checkPlan(textbookWith({ 'rebuild-outlook-profiles': null })).find((finding) => finding.rule === 'schedule.decommission-too-early')?.message).toMatch(/never rebuilt/);
  });

  it('schedule.decommission-too-early: before removal, or while senders may still reach it', () => {
    const findings = checkPlan(textbookWith({ decommission: '{ action: decommission, at: "6h after mx-switched" }' }));
    const finding = findings.find((f) => f.rule === 'schedule.decommission-too-early');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/batch still exists/);
    expect(finding?.step).toBe('Complete post migration tasks');
  });

  it('schedule.action-never-runs, schedule.action-after-horizon, schedule.declared-faults', () => {
    expect(rules(checkPlan(textbookWith({ 'switch-mx': null, decommission: null, 'remove-batch': null, 'create-autodiscover-cname': '{ action: create-autodiscover-cname, after: mx-switched }' })))).toContain('schedule.action-never-runs');
    expect(rules(checkPlan(textbookWith({}, 'horizon: 2d')))).toContain('schedule.action-after-horizon');
    expect(rules(checkPlan(textbookWith({}, 'faults: [{ kind: on-prem-outage, from: 2d, until: 2d6h }]')))).toContain('schedule.declared-faults');
  });

  it('schedule.declared-faults is an error when an on-prem outage may fall while the batch syncs (its passes fail), a warning before the batch starts', () => {
    const during = checkPlan(textbookWith({}, 'faults: [{ kind: on-prem-outage, from: 2d, until: 2d6h }]')).find((finding) => finding.rule === 'schedule.declared-faults');
    expect(during?.severity).toBe('error');
    expect(during?.message).toMatch(/MigrationTransientException/);
    const before = checkPlan(textbookWith({}, 'faults: [{ kind: on-prem-outage, from: 0s, until: 10m }]')).find((finding) => finding.rule === 'schedule.declared-faults');
    expect(before?.severity).toBe('warning');
  });

  it('a step on recommended-batch-removal may never run when the batch may be removed before it', () => {
    const found = checkPlan(textbookWith({
      'distribute-passwords': '{ action: distribute-passwords, after: recommended-batch-removal }',
      'remove-batch': '{ action: remove-batch, after: initial-sync-done }',
    }));
    const never = found.find((finding) => finding.rule === 'schedule.action-never-runs');
    expect(never?.message).toMatch(/distributePasswords.*may never happen/);
    expect(found.find((finding) => finding.rule === 'schedule.passwords-not-distributed')?.severity).toBe('error');
    // Removed after the recommendation, the step waiting for it runs.
    const waited = checkPlan(textbookWith({ 'distribute-passwords': '{ action: distribute-passwords, after: recommended-batch-removal }' }));
    expect(rules(waited)).not.toContain('schedule.action-never-runs');
  });

  it('orders errors first, then by time', () => {
    const findings = checkPlan(textbookWith({ 'assign-licenses': null, 'remove-batch': '{ action: remove-batch, at: "1h after mx-switched" }' }, 'horizon: 3d'));
    const severities = findings.map((finding) => finding.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    const errorTimes = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.at ?? -1);
    expect(errorTimes).toEqual([...errorTimes].sort((a, b) => a - b));
    expect(findings.find((finding) => finding.rule === 'schedule.batch-removed-before-72h')?.at).toBeGreaterThan(HOUR);
  });
});

describe('method advice', () => {
  it('is an info finding with the alternative for the Exchange version, never a refusal', async () => {
    const { loadScenario } = await import('../../../scenarios/index.js');
    const { initialSyncBounds } = await import('../../../model/checker/estimates.js');
    const max = loadScenario('max').config;
    const method = (config: typeof max) => checkPlan(config).filter((finding) => finding.rule.startsWith('method.'));
    // 2,000 mailboxes of ~0.5 GB sync within a week even at the pessimistic bound (calibrated
    // throughput, 30 GB/h source): over 150 is advice, a long coexistence is not.
    expect(initialSyncBounds(max).high).toBeLessThan(7 * DAY);
    const findings = method(max);
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([['method.cutover-above-150', 'info']]);
    expect(findings[0]!.fix).toMatch(/hybrid/);
    // The same organisation on an Exchange 2007 server that gives 5 GB/h: well over a week.
    const slow = { ...max, organisation: { ...max.organisation, server: { ...max.organisation.server, version: '2007' as const, sourceCapBytesPerHour: 5 * 1024 ** 3 } } };
    expect(initialSyncBounds(slow).high).toBeGreaterThan(7 * DAY);
    const slowFindings = method(slow);
    expect(slowFindings.map((finding) => [finding.rule, finding.severity])).toEqual([['method.cutover-above-150', 'info'], ['method.long-coexistence', 'info']]);
    expect(slowFindings.every((finding) => /staged/.test(finding.fix) && !/hybrid/.test(finding.fix))).toBe(true);
    const small = checkPlan(loadScenario('textbook').config).filter((finding) => finding.rule.startsWith('method.'));
    expect(small).toEqual([]);
  });
});
