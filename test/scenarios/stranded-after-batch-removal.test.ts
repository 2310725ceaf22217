import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../sim/index.js';
import { simulate } from '../../model/simulation.js';
import type { PlannedAction } from '../../model/config.js';
import { smallConfig } from '../fixtures/config.js';

/**
 * Issue 7, 13: the batch is removed before the last on-prem delivery is synced; exactly the
 * messages that then sit on-prem for users who read the cloud mailbox are stranded. The MX
 * is never switched, so every external message lands on the old server. The batch starts
 * at T+40m; the initial sync's snapshot is taken within the first ~1.5 h, so (without
 * jitter) the first incremental pass snapshots at about T+1d1h. At T+1d every user gets the
 * password and a new profile pointing at the cloud.
 *
 *   a  T+2h     on-prem before pass 1's snapshot           → delivered (read on-prem at once)
 *   b  T+12h    on-prem before pass 1's snapshot           → delivered (read on-prem at once)
 *   (T+1d: passwords, Autodiscover to the cloud, X500 addresses, new profiles)
 *   c  T+1d4h   after pass 1's snapshot                    → stranded at removal
 *   d  T+1d5h   after pass 1's snapshot                    → stranded at removal
 *   (batch removed at T+1d6h)
 *   e  T+1d8h   lands on-prem after removal                 → stranded on arrival
 *   f  T+1d9h   internal, from user2's new cloud profile    → delivered in the cloud
 * Hand count: 3 delivered, 3 stranded. Without the new profiles user1 keeps reading the
 * on-prem mailbox, and all six are delivered there (the README's fuzz false loss).
 */
const basePlan: PlannedAction[] = [
  { action: 'publishVerificationTxt', timing: { at: 0 } },
  { action: 'verifyDomain', timing: { at: 20 * MINUTE } },
  { action: 'createEndpoint', timing: { at: 30 * MINUTE } },
  { action: 'createBatch', timing: { at: 40 * MINUTE }, batchName: 'CutoverBatch', autoStart: true },
  { action: 'removeBatch', timing: { at: DAY + 6 * HOUR } },
];
const plan: PlannedAction[] = [
  ...basePlan,
  ...(['distributePasswords', 'addX500Addresses', 'createAutodiscoverCname', 'clearScpPointer', 'rebuildOutlookProfiles'] as const).map((action) => ({ action, timing: { at: DAY } })),
];

const explicit = [
  { at: 2 * HOUR, label: 'a' },
  { at: 12 * HOUR, label: 'b' },
  { at: DAY + 4 * HOUR, label: 'c' },
  { at: DAY + 5 * HOUR, label: 'd' },
  { at: DAY + 8 * HOUR, label: 'e' },
].map(({ at, label }) => ({ at, label, from: 'partner@fabrikam.com', to: 'user1@contoso.com' }));
explicit.push({ at: DAY + 9 * HOUR, label: 'f', from: 'user2@contoso.com', to: 'user1@contoso.com' });

describe('removing the batch before the last on-prem delivery is synced', () => {
  const config = smallConfig({ plan, horizon: 3 * DAY, migration: { incrementalJitter: 0 }, mailFlow: { explicit }, clients: { domainJoinedFraction: 0.8, meanReconfigureDelay: 4 * HOUR, webShare: 0, mobileShare: 0 } });
  const result = simulate(config);
  const fateOf = (label: string) => result.traces.find((trace) => trace.label === label);

  it('strands exactly the messages that reached on-prem after the last sync', () => {
    expect(result.batch.statusHistory.map((entry) => entry.status)).toContain('Deleted');
    expect(result.messages).toEqual({ sent: 6, delivered: 3, deliveredLate: 0, bounced: 0, lost: 0, stranded: 3, recovered: 0, pending: 0 });
    expect(result.reasons).toEqual({ 'stranded:external-via-old-mx': 3 });
    expect(['a', 'b', 'f'].map((label) => fateOf(label)?.fate)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(['c', 'd', 'e'].map((label) => fateOf(label)?.reason)).toEqual(Array(3).fill('stranded:external-via-old-mx'));
  });

  it('records each path: accepted by the old host, on-prem, then synced or stranded', () => {
    const a = fateOf('a')!;
    expect(a.path.map((hop) => hop.step)).toEqual(['sent', 'mx-lookup', 'accepted:old-host', 'delivered:on-prem', 'synced', 'delivered:cloud']);
    // The sending server's MX look-up: which resolver, its answer, cached or asked (the tracer shows it).
    expect(a.path[1]!.detail).toMatch(/^resolver \d+ → \S+ \((cached answer, TTL left \S+|asked the domain's name servers)\)$/);
    expect(a.latency).toBe(0); // user1's Outlook still works against on-prem: readable at once
    const c = fateOf('c')!;
    expect(c.path.map((hop) => hop.step)).toEqual(['sent', 'mx-lookup', 'accepted:old-host', 'delivered:on-prem', 'stranded']);
    expect(c.path.at(-1)!.at).toBe(DAY + 6 * HOUR);
    expect(fateOf('f')!.path.map((hop) => hop.step)).toEqual(['sent', 'submitted:cloud', 'delivered:cloud']);
  });

  it('reports the stranding as a finding of step 6, recoverable while the server runs', () => {
    const finding = result.findings.find((candidate) => candidate.rule === 'runtime.mail-stranded');
    expect(finding).toMatchObject({ severity: 'error', step: 'Step 6: Delete the cutover migration batch', at: DAY + 6 * HOUR });
    expect(finding!.message).toContain('3 messages');
    expect(finding!.message).toContain('recoverable');
  });

  it('recovers stranded mail with a PST export while the server runs; a decommission first loses it', () => {
    const exported = simulate({ ...config, plan: [...plan, { action: 'exportStrandedMail', timing: { at: 2 * DAY } }, { action: 'decommission', timing: { at: 2 * DAY + HOUR } }] });
    expect(exported.messages).toMatchObject({ delivered: 3, stranded: 0, recovered: 3, lost: 0 });
    expect(fateOf('c')!.path.at(-1)!.step).toBe('stranded');
    const recovered = exported.traces.find((trace) => trace.label === 'c')!;
    expect(recovered).toMatchObject({ fate: 'recovered', reason: 'recovered:pst-export-import', latency: 2 * DAY + 8 * HOUR - (DAY + 4 * HOUR) });
    const decommissioned = simulate({ ...config, plan: [...plan, { action: 'decommission', timing: { at: 2 * DAY } }, { action: 'exportStrandedMail', timing: { at: 2 * DAY + HOUR } }] });
    expect(decommissioned.messages).toMatchObject({ stranded: 0, recovered: 0, lost: 3 });
    expect(decommissioned.reasons).toEqual({ 'lost:server-decommissioned': 3 });
    expect(decommissioned.actions.find((action) => action.action === 'exportStrandedMail')?.outcome).toBe('refused');
  });

  it('loses nothing when no profile changes: user1 keeps reading the on-prem mailbox (the README fuzz false loss)', () => {
    const onPrem = simulate({ ...config, plan: basePlan });
    expect(onPrem.messages).toMatchObject({ sent: 6, delivered: 6, lost: 0, stranded: 0, pending: 0 });
    expect(onPrem.findings.map((finding) => finding.rule)).not.toContain('runtime.mail-stranded');
  });
});
