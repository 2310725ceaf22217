import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../sim/index.js';
import { createSimulation, simulate } from '../../model/simulation.js';
import type { PlannedAction } from '../../model/config.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../../model/defaults.js';
import { SENDER_PROFILES } from '../../model/senders/index.js';
import { smallConfig } from '../fixtures/config.js';

const prepare: PlannedAction[] = [
  { action: 'publishVerificationTxt', timing: { at: 0 } },
  { action: 'verifyDomain', timing: { at: 20 * MINUTE } },
  { action: 'createEndpoint', timing: { at: 30 * MINUTE } },
  { action: 'createBatch', timing: { at: 40 * MINUTE }, batchName: 'CutoverBatch', autoStart: true },
];

describe('MX switch with resolvers that all honour the TTL', () => {
  const ttl = 3_600 * SECOND;
  const switchAt = DAY;
  const simulation = createSimulation(smallConfig({
    plan: [...prepare, { action: 'switchMx', timing: { at: switchAt } }],
    horizon: 3 * DAY,
    dns: { resolverMix: 'all-honour', initialMxTtl: ttl },
    mailFlow: { generated: { ...DEFAULT_GENERATED_MAIL_FLOW, messagesPerUserPerDay: 400, startHour: 8 }, explicit: [] },
  }), { keepAllPaths: true });
  simulation.runUntil(3 * DAY);
  const result = simulation.result();
  const oldHostAcceptances = result.traces.flatMap((trace) => trace.path.filter((hop) => hop.step === 'accepted:old-host').map((hop) => hop.at));

  it('sends nothing to the old host once switch + TTL has passed', () => {
    expect(oldHostAcceptances.filter((at) => at < switchAt).length).toBeGreaterThan(10); // not vacuous
    expect(Math.max(...oldHostAcceptances)).toBeLessThanOrEqual(switchAt + ttl);
    const hourAfter = result.series.hours.findIndex((hour) => hour > switchAt + ttl);
    expect(result.series.inboundOldHost.slice(hourAfter).every((count) => count === 0)).toBe(true);
    expect(result.series.resolversOnNewMx[hourAfter]).toBe(1);
    expect(result.series.inboundNewHost.slice(hourAfter).some((count) => count > 0)).toBe(true);
  });

  it('loses nothing while the batch keeps syncing', () => {
    expect(result.messages.lost).toBe(0);
    expect(result.messages.bounced).toBe(0);
    expect(result.messages.sent).toBeGreaterThan(500);
  });
});

describe('decommissioning while resolver caches still point at the old host', () => {
  // A 3-day TTL never lowered; the switch and the decommission happen together on day 4.
  // Exchange Online senders (24 h lifetime) whose resolver still holds the old MX for
  // more than a day are refused, defer, and get an NDR when their queue lifetime ends
  // (no early re-fetches, so a cached record lives its full TTL).
  const lifetime = SENDER_PROFILES['exchange-online'].queueLifetime;
  const cutAt = 4 * DAY;
  const explicit = Array.from({ length: 30 }, (_, index) => ({ at: cutAt + 10 * MINUTE, from: `someone@partner${index}.example`, to: 'user1@contoso.com', label: `p${index}` }));
  const result = simulate(smallConfig({
    plan: [...prepare, { action: 'switchMx', timing: { at: cutAt } }, { action: 'decommission', timing: { at: cutAt } },
      ...(['distributePasswords', 'createAutodiscoverCname', 'clearScpPointer', 'rebuildOutlookProfiles'] as const).map((action) => ({ action, timing: { at: cutAt } }))],
    horizon: 7 * DAY,
    dns: { resolverMix: 'all-honour', initialMxTtl: 3 * DAY, cacheMissProbability: 0 },
    senders: { senderCount: 30, profileMix: { 'exchange-online': 1 } },
    mailFlow: { explicit },
  }));
  const bounced = result.traces.filter((trace) => trace.fate === 'bounced');

  it('defers, then bounces with 4.4.7 exactly when the queue lifetime ends', () => {
    expect(bounced.length).toBeGreaterThan(0);
    for (const trace of bounced) {
      expect(trace.reason).toBe('queue-expired-4.4.7');
      const steps = trace.path.map((hop) => hop.step);
      expect(steps[0]).toBe('sent');
      expect(steps.filter((step) => step === 'deferred').length).toBeGreaterThanOrEqual(3);
      expect(trace.path.find((hop) => hop.step === 'deferred')!.detail).toContain('old-host-connection-refused');
      expect(trace.path.at(-1)).toMatchObject({ step: 'ndr', at: trace.sentAt + lifetime });
    }
  });

  it('delivers the rest late, once their resolver picks up the new MX', () => {
    const others = result.traces.filter((trace) => trace.fate !== 'bounced');
    expect(others.every((trace) => trace.fate === 'delivered' || trace.fate === 'deliveredLate')).toBe(true);
    expect(result.messages.sent).toBe(30);
    expect(result.findings.some((finding) => finding.rule === 'runtime.mail-bounced')).toBe(bounced.length > 0);
    expect(result.reasons['queue-expired-4.4.7']).toBe(bounced.length);
  });
});

describe('Outlook still on the decommissioned server', () => {
  it('cannot send: the message stays in the Outbox (no NDR), pending with its own reason', () => {
    const result = simulate(smallConfig({
      plan: [...prepare, { action: 'decommission', timing: { at: HOUR * 3 } }],
      horizon: DAY,
      mailFlow: { explicit: [{ at: 4 * HOUR, from: 'user1@contoso.com', to: 'user2@contoso.com', label: 'stuck' }] },
    }));
    expect(result.traces[0]).toMatchObject({ label: 'stuck', fate: 'pending', reason: 'pending:outbox' });
    expect(result.traces[0]!.path.map((hop) => hop.step)).toEqual(['sent', 'outbox']);
    expect(result.findings.map((finding) => finding.rule)).toContain('runtime.mail-in-outbox');
  });

  it('sends the Outbox once the user gets a new profile against the cloud (late, not lost)', () => {
    const result = simulate(smallConfig({
      plan: [...prepare, { action: 'decommission', timing: { at: HOUR * 3 } },
        ...(['distributePasswords', 'addX500Addresses', 'createAutodiscoverCname', 'clearScpPointer'] as const).map((action) => ({ action, timing: { at: 5 * HOUR } })),
        { action: 'rebuildOutlookProfiles', timing: { at: 10 * HOUR } }],
      horizon: DAY,
      mailFlow: { explicit: [{ at: 4 * HOUR, from: 'user1@contoso.com', to: 'user2@contoso.com', label: 'stuck' }] },
    }));
    expect(result.traces[0]).toMatchObject({ label: 'stuck', fate: 'deliveredLate', latency: 6 * HOUR });
    expect(result.traces[0]!.path.map((hop) => hop.step)).toEqual(['sent', 'outbox', 'submitted:cloud', 'delivered:cloud']);
  });
});

describe('how the decommissioned host fails decides how long senders wait (dns §4.9)', () => {
  // As above, with Postfix senders: a server whose address still routes refuses at once; one
  // whose address is gone lets every attempt run into Postfix's 30 s connect timeout, and the
  // next wait counts from the end of that attempt.
  const cutAt = 4 * DAY;
  const explicit = Array.from({ length: 30 }, (_, index) => ({ at: cutAt + 10 * MINUTE, from: `someone@partner${index}.example`, to: 'user1@contoso.com', label: `p${index}` }));
  const run = (addressAfterDecommission: 'routes' | 'gone') => {
    const config = smallConfig({
      plan: [...prepare, { action: 'switchMx', timing: { at: cutAt } }, { action: 'decommission', timing: { at: cutAt } }],
      horizon: 7 * DAY,
      dns: { resolverMix: 'all-honour', initialMxTtl: 3 * DAY, cacheMissProbability: 0 },
      senders: { senderCount: 30, profileMix: { postfix: 1 } },
      mailFlow: { explicit },
    });
    config.organisation.server = { ...config.organisation.server, addressAfterDecommission };
    return simulate(config).traces.filter((trace) => trace.path.some((hop) => hop.step === 'deferred'));
  };

  it('refused: deferred at the attempt itself', () => {
    const deferred = run('routes');
    expect(deferred.length).toBeGreaterThan(0);
    for (const trace of deferred) {
      const first = trace.path.find((hop) => hop.step === 'deferred')!;
      expect(first).toMatchObject({ at: trace.sentAt });
      expect(first.detail).toContain('old-host-connection-refused');
    }
  });

  it('address gone: deferred 30 s later, and each retry waits at least minimal_backoff_time from that', () => {
    const deferred = run('gone');
    expect(deferred.length).toBeGreaterThan(0);
    for (const trace of deferred) {
      const deferrals = trace.path.filter((hop) => hop.step === 'deferred');
      expect(deferrals[0]).toMatchObject({ at: trace.sentAt + 30 * SECOND });
      expect(deferrals[0]!.detail).toContain('old-host-address-gone-timeout');
      for (let index = 1; index < deferrals.length; index++) {
        expect(deferrals[index]!.at - deferrals[index - 1]!.at).toBeGreaterThanOrEqual(300 * SECOND + 30 * SECOND);
      }
    }
  });
});
