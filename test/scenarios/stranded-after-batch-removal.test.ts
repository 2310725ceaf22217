import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../sim/index.js';
import { simulate } from '../../model/simulation.js';
import type { PlannedAction } from '../../model/config.js';
import { smallConfig } from '../fixtures/config.js';

/**
 * Issue 7: the batch is removed before the last on-prem delivery is synced; exactly those
 * messages are stranded. The MX is never switched, so every external message lands on the
 * old server. The batch starts at T+40m; the initial sync's snapshot is taken within the
 * first ~1.5 h, so (without jitter) the first incremental pass snapshots at about T+1d1h.
 *
 *   a  T+2h     on-prem before pass 1's snapshot           → delivered by pass 1
 *   b  T+12h    on-prem before pass 1's snapshot           → delivered by pass 1
 *   c  T+1d4h   after pass 1's snapshot                    → stranded at removal
 *   d  T+1d5h   after pass 1's snapshot                    → stranded at removal
 *   (batch removed at T+1d6h)
 *   e  T+1d8h   lands on-prem after removal                 → stranded on arrival
 *   f  T+1d9h   internal, from user2's on-prem Outlook     → stranded on arrival
 * Hand count: 2 delivered, 4 stranded.
 */
const plan: PlannedAction[] = [
  { action: 'publishVerificationTxt', timing: { at: 0 } },
  { action: 'verifyDomain', timing: { at: 20 * MINUTE } },
  { action: 'createEndpoint', timing: { at: 30 * MINUTE } },
  { action: 'createBatch', timing: { at: 40 * MINUTE }, batchName: 'CutoverBatch', autoStart: true },
  { action: 'removeBatch', timing: { at: DAY + 6 * HOUR } },
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
  const config = smallConfig({ plan, horizon: 3 * DAY, migration: { incrementalJitter: 0 }, mailFlow: { explicit } });
  const result = simulate(config);
  const fateOf = (label: string) => result.traces.find((trace) => trace.label === label);

  it('strands exactly the messages that reached on-prem after the last sync', () => {
    expect(result.batch.statusHistory.map((entry) => entry.status)).toContain('Deleted');
    expect(result.messages).toEqual({ sent: 6, delivered: 2, deliveredLate: 0, bounced: 0, lost: 4 });
    expect(result.reasons).toEqual({ 'stranded-on-prem-after-batch-removal': 4 });
    expect(['a', 'b'].map((label) => fateOf(label)?.fate)).toEqual(['delivered', 'delivered']);
    expect(['c', 'd', 'e', 'f'].map((label) => fateOf(label)?.reason)).toEqual(Array(4).fill('stranded-on-prem-after-batch-removal'));
  });

  it('records each path: accepted by the old host, on-prem, then synced or lost', () => {
    const a = fateOf('a')!;
    expect(a.path.map((hop) => hop.step)).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'synced', 'delivered:cloud']);
    expect(a.latency).toBe(0); // user1's Outlook still works against on-prem: readable at once
    const c = fateOf('c')!;
    expect(c.path.map((hop) => hop.step)).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'lost']);
    expect(c.path.at(-1)!.at).toBe(DAY + 6 * HOUR);
    expect(fateOf('f')!.path.map((hop) => hop.step)).toEqual(['sent', 'submitted:on-prem', 'delivered:on-prem', 'lost']);
  });

  it('reports the stranding as a finding of step 6', () => {
    const finding = result.findings.find((candidate) => candidate.rule === 'runtime.mail-stranded');
    expect(finding).toMatchObject({ severity: 'error', step: 'Step 6: Delete the cutover migration batch', at: DAY + 6 * HOUR });
    expect(finding!.message).toContain('4 messages');
  });
});
