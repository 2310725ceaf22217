import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, Trace } from '../../sim/index.js';
import { InputError } from '../../sim/index.js';
import { createSimulation, simulate } from '../../model/simulation.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../../model/defaults.js';
import { smallConfig } from '../fixtures/config.js';

const withTraffic = (seed: number) => smallConfig({ seed, horizon: 3 * DAY, mailFlow: { generated: DEFAULT_GENERATED_MAIL_FLOW, explicit: [] } });

describe('createSimulation / simulate', () => {
  it('replays bit for bit from the seed, and a different seed gives a different run', () => {
    const first = simulate(withTraffic(7));
    const again = simulate(withTraffic(7), { trace: true });
    const other = simulate(withTraffic(8));
    expect(again.traceHash).toBe(first.traceHash);
    expect(again.messages).toEqual(first.messages);
    expect(other.traceHash).not.toBe(first.traceHash);
    expect(first.events).toBeGreaterThan(100);
  });

  it('keeps trace lines only when asked', () => {
    const trace = new Trace();
    simulate(smallConfig({ horizon: DAY }), { trace });
    expect(trace.getLines().some((line) => line.includes('|action|verifyDomain|done'))).toBe(true);
  });

  it('never runs past the horizon and steps one event at a time', () => {
    const simulation = createSimulation(smallConfig({ horizon: 2 * HOUR }));
    const first = simulation.nextEventAt();
    expect(first).toBe(0);
    simulation.step();
    expect(simulation.now()).toBe(0);
    simulation.runUntil(10 * DAY);
    expect(simulation.now()).toBe(2 * HOUR);
    expect(simulation.nextEventAt()).toBeUndefined();
    simulation.step(); // at the horizon: nothing happens
    expect(simulation.now()).toBe(2 * HOUR);
  });

  it('executes dashboard actions now, refusing what is not allowed with the reason', () => {
    const simulation = createSimulation(smallConfig({ plan: [], horizon: DAY }));
    const verifyNow = simulation.availableActions().find((entry) => entry.action === 'verifyDomain');
    expect(verifyNow).toMatchObject({ allowed: false, reason: expect.stringContaining('publish') });
    expect(simulation.act({ action: 'publishVerificationTxt' })).toMatchObject({ outcome: 'done', at: 0 });
    expect(simulation.act({ action: 'verifyDomain' })).toMatchObject({ outcome: 'refused', detail: expect.stringContaining('wait about 15 minutes') });
    simulation.runUntil(15 * MINUTE);
    expect(simulation.availableActions().find((entry) => entry.action === 'verifyDomain')).toEqual({ action: 'verifyDomain', allowed: true });
    expect(simulation.act({ action: 'verifyDomain' }).outcome).toBe('done');
    expect(simulation.act({ action: 'completeBatch' }).outcome).toBe('refused');
    expect(() => simulation.act({ action: 'setMxTtl' })).toThrow(InputError);
    expect(simulation.result().actions.map((action) => action.outcome)).toEqual(['done', 'refused', 'done', 'refused']);
    expect(simulation.result().findings.filter((finding) => finding.rule === 'runtime.command-refused')).toEqual([]); // manual, not planned
  });

  it('gives a live snapshot for the dashboard', () => {
    const simulation = createSimulation(withTraffic(3));
    simulation.runUntil(6 * HOUR);
    const snapshot = simulation.snapshot();
    expect(snapshot.now).toBe(6 * HOUR);
    expect(snapshot.batch.status).not.toBe('None');
    expect(snapshot.mailboxes).toHaveLength(4);
    expect(snapshot.mailboxes[0]).toMatchObject({ address: 'user1@contoso.com', outlook: expect.any(String) });
    expect(snapshot.dns.mxHost).toBe('contoso-com.mail.protection.outlook.com');
    expect(snapshot.licenses).toMatchObject({ remaining: null, inGrace: 0 });
    const { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending, inFlight } = snapshot.messages;
    expect(delivered + deliveredLate + bounced + lost + stranded + recovered + pending + inFlight).toBe(sent);
    expect(simulation.message(0)).toMatchObject({ id: 0, sentAt: expect.any(Number) });
    expect(simulation.message(10_000_000)).toBeUndefined();
  });

  it('refuses a plan with bad input before running', () => {
    expect(() => createSimulation(smallConfig({ plan: [{ action: 'setMxTtl', timing: { at: 0 } }] }))).toThrow(InputError);
    expect(() => createSimulation(smallConfig({ plan: [{ action: 'switchMx', timing: { at: -5 } }] }))).toThrow(/PLAN_TIME_INVALID|whole milliseconds/);
  });

  it('fills recommendations and an hourly series from the run', () => {
    const result = simulate(smallConfig());
    expect(result.series.hours).toHaveLength(8 * 24 + 1);
    expect(result.recommendations.initialSyncDoneAt).not.toBeNull();
    expect(result.recommendations.earliestSafeBatchRemovalAt).toBeGreaterThanOrEqual(result.actions.find((action) => action.action === 'switchMx')!.at + 72 * HOUR);
    // The plan removes the batch when this run judged it safe; the recommendation is never earlier.
    expect(result.actions.find((action) => action.action === 'removeBatch')).toMatchObject({ outcome: 'done', at: result.keyTimes.removalSafeAt });
    expect(result.keyTimes.batchRemovedAt).toBe(result.keyTimes.removalSafeAt);
    expect(result.recommendations.earliestSafeBatchRemovalAt).toBeGreaterThanOrEqual(result.keyTimes.removalSafeAt!);
    expect(result.mailboxes.synced).toBe(4);
  });
});
