import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../../sim/index.js';
import type { Finding, MessageTrace, SimulationResult } from '../../../model/result.js';
import {
  allowedBatchTransitions, assertInvariant, batchTransitionsAllowed, cleanPlanLosesNothing, conservation, initialSyncEndedAt, lossesExplained,
  oldHostAcceptedAfter, sameRun, loweringTtlEarlierSendsNoMoreToOldHost, KEPT_PATHS_LIMIT,
} from '../../../testing/invariants/index.js';
import { smallConfig } from '../../fixtures/config.js';
import { fixtureResult } from '../../fixtures/simulation-result.js';

const counts = (delivered: number, bounced: number, lost: number) => ({ sent: delivered + bounced + lost, delivered, deliveredLate: 0, bounced, lost, stranded: 0, recovered: 0, pending: 0 });
const trace = (id: number, to: string, fate: MessageTrace['fate'], reason: string): MessageTrace => ({ id, from: 'a@example.net', to, sentAt: 0, fate, reason, path: [{ at: 0, step: 'sent' }] });
const lossy = (): SimulationResult => fixtureResult({ messages: counts(8, 0, 2), reasons: { 'stranded-on-prem-after-batch-removal': 2 }, traces: [trace(3, 'user2@contoso.com', 'lost', 'stranded-on-prem-after-batch-removal')] });
const finding = (severity: Finding['severity'], subjects?: string[]): Finding => ({ rule: 'schedule.batch-removed-before-72h', severity, step: 'Step 6', message: 'early', fix: 'later', ...(subjects ? { subjects } : {}) });

describe('conservation', () => {
  it('holds when the counts and reasons add up', () => {
    expect(conservation(lossy())).toEqual({ ok: true });
  });
  it('is broken when a fate is missing, reasons do not add up, or a path is kept twice', () => {
    expect(conservation(fixtureResult({ messages: { ...counts(8, 0, 2), sent: 11 }, reasons: { x: 2 }, traces: [] }))).toMatchObject({ ok: false, invariant: 'conservation' });
    expect(conservation(fixtureResult({ messages: counts(8, 0, 2), reasons: { x: 1 }, traces: [] })).ok).toBe(false);
    const twice = lossy();
    twice.traces.push(twice.traces[0]!);
    expect(conservation(twice).ok).toBe(false);
    expect(conservation(fixtureResult({ messages: counts(1, 0, 0), reasons: {}, traces: [trace(1, 'x@y.z', 'lost', 'x')] })).ok).toBe(false);
  });
});

describe('checker and simulator agreement', () => {
  const config = smallConfig();
  it('a clean plan that loses mail breaks the promise; errors or no loss keep it', () => {
    expect(cleanPlanLosesNothing([finding('warning')], lossy())).toMatchObject({ ok: false, invariant: 'clean-plan-loses-nothing' });
    expect(cleanPlanLosesNothing([finding('error')], lossy()).ok).toBe(true);
    expect(cleanPlanLosesNothing([], fixtureResult({ messages: counts(3, 0, 0), reasons: {} })).ok).toBe(true);
  });
  it('a loss must be explained by a finding whose rule causes it, about everyone or the recipient', () => {
    expect(lossesExplained(config, [], lossy())).toMatchObject({ ok: false, invariant: 'losses-explained' });
    expect(lossesExplained(config, [finding('info')], lossy()).ok).toBe(false);
    expect(lossesExplained(config, [finding('warning')], lossy()).ok).toBe(true);
    expect(lossesExplained(config, [finding('error', ['user1@contoso.com'])], lossy())).toMatchObject({ ok: false, details: { unexplained: [{ id: 3 }] } });
    expect(lossesExplained(config, [finding('error', ['user2@contoso.com'])], lossy()).ok).toBe(true);
    // A finding whose rule cannot cause the loss explains nothing (issue 20), nor does a fault the checker did not report.
    expect(lossesExplained(config, [{ ...finding('error'), rule: 'schedule.complete-not-for-cutover' }, { ...finding('error'), rule: 'schedule.license-pool-too-small' }], lossy()).ok).toBe(false);
    expect(lossesExplained({ ...config, faults: [{ kind: 'onPremOutage', from: 0, until: HOUR }] }, [], lossy()).ok).toBe(false);
    expect(lossesExplained({ ...config, faults: [{ kind: 'onPremOutage', from: 0, until: HOUR }] }, [{ ...finding('warning'), rule: 'schedule.declared-faults' }], lossy()).ok).toBe(true);
    expect(lossesExplained(config, [], fixtureResult({ messages: counts(3, 0, 0), reasons: {} }))).toEqual({ ok: true, vacuous: 'nothing lost or bounced' });
  });
});

describe('determinism and batch transitions', () => {
  it('compares trace hashes, events and counts', () => {
    expect(sameRun(fixtureResult(), fixtureResult()).ok).toBe(true);
    expect(sameRun(fixtureResult(), fixtureResult({ traceHash: 'ffff' }))).toMatchObject({ ok: false, invariant: 'determinism' });
    expect(sameRun(fixtureResult(), fixtureResult({ events: 1 })).ok).toBe(false);
  });
  it('derives the allowed status changes from the batch machine', () => {
    const allowed = allowedBatchTransitions();
    for (const pair of ['Created->Syncing', 'Syncing->Synced', 'Synced->IncrementalSyncing', 'Stopping->Stopped', 'Removing->Deleted', 'Deleted->Created']) expect(allowed).toContain(pair);
    for (const pair of ['Created->Synced', 'Deleted->Syncing', 'Stopping->Removing']) expect(allowed).not.toContain(pair);
  });
  it('accepts the machine\'s own path and refuses a jump, a wrong start or time going back', () => {
    expect(batchTransitionsAllowed(fixtureResult()).ok).toBe(true);
    const history = (statuses: [string, number][]) => fixtureResult({ batch: { ...fixtureResult().batch, statusHistory: statuses.map(([status, at]) => ({ status, at })) as SimulationResult['batch']['statusHistory'] } });
    expect(batchTransitionsAllowed(history([['Created', 0], ['Synced', 5]]))).toMatchObject({ ok: false, invariant: 'batch-transitions' });
    expect(batchTransitionsAllowed(history([['Syncing', 0]])).ok).toBe(false);
    expect(batchTransitionsAllowed(history([['Created', 10], ['Syncing', 5]])).ok).toBe(false);
    expect(initialSyncEndedAt(history([['Created', 0], ['Syncing', 5], ['Failed', 9]]))).toBe(9);
  });
  it('assertInvariant throws with the invariant name, and passes silently when it holds', () => {
    expect(() => assertInvariant({ ok: false, invariant: 'x', message: 'y' })).toThrow('invariant x broken: y');
    expect(() => assertInvariant({ ok: true })).not.toThrow();
  });
  it('counts old-host acceptances after a moment from kept paths', () => {
    const accepted = (at: number): MessageTrace => ({ ...trace(at, 'u@c.com', 'delivered', 'delivered:on-prem'), path: [{ at, step: 'accepted:old-host' }] });
    expect(oldHostAcceptedAfter(fixtureResult({ traces: [accepted(MINUTE), accepted(2 * HOUR), accepted(3 * HOUR)] }), HOUR)).toBe(2);
  });
});

describe('lowering the TTL earlier: kept paths only where they count', () => {
  // A run of `max` sends 4.7M messages: keeping every path of two such runs took 4 GB and
  // ended `cutover fuzz max` out of memory, on a case whose switch never happened.
  const config = (() => {
    const base = smallConfig();
    return {
      ...base,
      dns: { ...base.dns, initialMxTtl: DAY },
      plan: base.plan.map((action) => (action.action === 'setMxTtl' ? { ...action, timing: { at: 2 * HOUR }, ttl: 300 * SECOND } : action)),
    };
  })();
  const actions = (lowered: number) => [
    { action: 'setMxTtl' as const, at: lowered, outcome: 'done' as const, detail: 'TTL lowered' },
    { action: 'switchMx' as const, at: 24 * HOUR, outcome: 'done' as const, detail: 'MX switched' },
  ];
  const recording = (sent: number, withSwitch = true) => {
    const sampled: number[] = [];
    const simulate = (scenario: typeof config) => {
      sampled.push(scenario.ledger.sampledPaths);
      const lowered = scenario.plan.find((action) => action.action === 'setMxTtl')!.timing;
      const at = 'at' in lowered ? lowered.at : 0;
      return fixtureResult({ messages: { ...counts(sent, 0, 0) }, reasons: {}, traces: [], actions: withSwitch ? actions(at) : actions(at).slice(0, 1) });
    };
    return { sampled, simulate };
  };

  it('decides its premises on a plain run: no switch means no run with every path kept', () => {
    const { sampled, simulate } = recording(10, false);
    expect(loweringTtlEarlierSendsNoMoreToOldHost(config, HOUR, simulate)).toEqual({ ok: true, vacuous: 'the TTL was not lowered before a switch' });
    expect(sampled).toEqual([config.ledger.sampledPaths]);
  });

  it('compares nothing when a run sends more messages than every path can be kept for', () => {
    const { sampled, simulate } = recording(KEPT_PATHS_LIMIT + 1);
    expect(loweringTtlEarlierSendsNoMoreToOldHost(config, HOUR, simulate)).toEqual({ ok: true, vacuous: `more than ${KEPT_PATHS_LIMIT} messages: not every path can be kept` });
    expect(sampled).toEqual([config.ledger.sampledPaths]);
  });

  it('keeps every path of both runs when the comparison is made', () => {
    const { sampled, simulate } = recording(10);
    expect(loweringTtlEarlierSendsNoMoreToOldHost(config, HOUR, simulate)).toEqual({ ok: true });
    expect(sampled).toEqual([config.ledger.sampledPaths, KEPT_PATHS_LIMIT, KEPT_PATHS_LIMIT]);
  });
});
