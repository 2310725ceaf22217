import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../sim/index.js';
import { simulate } from '../../model/simulation.js';
import type { PlannedAction } from '../../model/config.js';
import { smallConfig } from '../fixtures/config.js';

/**
 * Issue 7: a mailbox not licensed by day 30 bounces from day 30. Everyone but user2 is
 * licensed; the grace of each mailbox runs from its provisioning (within the first hour
 * or so), so user2 is disabled about 30 days and 1 hour in. Mail sent to it on day 29
 * arrives; from day 31 on it bounces with 550 5.1.10, while licensed user1 still receives.
 */
const plan: PlannedAction[] = [
  { action: 'setMxTtl', timing: { at: 0 }, ttl: 3_600 * SECOND },
  { action: 'publishVerificationTxt', timing: { at: 0 } },
  { action: 'verifyDomain', timing: { at: 20 * MINUTE } },
  { action: 'createEndpoint', timing: { at: 30 * MINUTE } },
  { action: 'createBatch', timing: { at: 40 * MINUTE }, batchName: 'CutoverBatch', autoStart: true },
  { action: 'switchMx', timing: { after: 'initialSyncDone', delay: HOUR } },
  { action: 'assignLicenses', timing: { after: 'initialSyncDone', delay: 2 * HOUR }, users: ['user1@contoso.com', 'user3@contoso.com', 'user4@contoso.com'] },
  // Users read the cloud mailboxes: passwords, Autodiscover to the cloud, new profiles (issue 13).
  ...(['distributePasswords', 'addX500Addresses', 'createAutodiscoverCname', 'clearScpPointer', 'rebuildOutlookProfiles'] as const)
    .map((action) => ({ action, timing: { after: 'initialSyncDone' as const, delay: 2 * HOUR } })),
];

const message = (at: number, to: string, label: string) => ({ at, from: 'partner@fabrikam.com', to, label });

describe('license grace', () => {
  const result = simulate(smallConfig({
    plan,
    horizon: 32 * DAY,
    dns: { resolverMix: 'all-honour', initialMxTtl: 3_600 * SECOND },
    mailFlow: { explicit: [message(29 * DAY, 'user2@contoso.com', 'day29'), message(31 * DAY, 'user2@contoso.com', 'day31'), message(31 * DAY + HOUR, 'user2@contoso.com', 'day31b'), message(31 * DAY, 'user1@contoso.com', 'licensed')] },
  }));
  const trace = (label: string) => result.traces.find((candidate) => candidate.label === label)!;
  const user2 = result.mailboxes.outcomes.find((outcome) => outcome.address === 'user2@contoso.com')!;

  it('disables the unlicensed mailbox exactly 30 days after it was provisioned', () => {
    expect(user2.license.state).toBe('disabled');
    expect(user2.license.disabledAt).toBeGreaterThan(30 * DAY);
    expect(user2.license.disabledAt).toBeLessThan(30 * DAY + 2 * HOUR);
    expect(result.recommendations.latestLicenseAt).toBeLessThanOrEqual(user2.license.disabledAt!);
  });

  it('delivers to it during the grace and bounces with 550 5.1.10 after', () => {
    expect(trace('day29').fate).toBe('delivered');
    expect([trace('day31').fate, trace('day31b').fate]).toEqual(['bounced', 'bounced']);
    expect(trace('day31').reason).toBe('mailbox-disabled-5.1.10');
    expect(trace('day31').path.at(-1)).toMatchObject({ at: 31 * DAY, step: 'ndr' });
    expect(trace('licensed').fate).toBe('delivered');
    expect(result.reasons).toEqual({ 'mailbox-disabled-5.1.10': 2 });
  });

  it('reports the disabled mailbox with step 7 and the fix', () => {
    const finding = result.findings.find((candidate) => candidate.rule === 'runtime.mailbox-disabled');
    expect(finding).toMatchObject({ severity: 'error', subjects: ['user2@contoso.com'], step: 'Step 7: Assign licenses to Microsoft 365 and Office 365 users' });
    expect(result.series.mailboxesInGrace[24]).toBe(1); // T+24h: only user2 is still in grace
    expect(result.series.mailboxesInGrace.at(-1)).toBe(0);
  });
});
