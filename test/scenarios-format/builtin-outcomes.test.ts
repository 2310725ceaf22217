import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../model/checker/index.js';
import { simulate } from '../../model/index.js';
import { HOUR } from '../../sim/index.js';
import { builtinFindings, builtinRun, builtinScenario } from '../fixtures/builtin-runs.js';

/** The built-in scenarios' expected outcomes, part 2 (part 1: test/scenarios/builtin.test.ts). */

const run = (name: string) => ({ config: builtinScenario(name).config, findings: builtinFindings(name), result: builtinRun(name) });
const errorRules = (findings: ReturnType<typeof checkPlan>) => findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule);

describe('built-in scenario outcomes', () => {
  it('early-batch-delete: mail from stale-MX senders is stranded on-prem after the removal (recoverable, not lost); the checker flags the removal', () => {
    const { findings, result } = run('early-batch-delete');
    expect(errorRules(findings)).toEqual(expect.arrayContaining(['schedule.batch-removed-before-72h', 'schedule.batch-removed-before-final-pass']));
    expect(result.messages.stranded).toBeGreaterThan(0);
    expect(result.messages.lost).toBe(0);
    expect(result.reasons['stranded:external-via-old-mx']).toBe(result.messages.stranded);
    // A running batch cannot be removed: the admin stops it first.
    expect(result.actions.filter((action) => action.action === 'stopBatch' || action.action === 'removeBatch').map((action) => action.outcome)).toEqual(['done', 'done']);
  });

  it('ttl-not-lowered: only a warning; nothing lost, but more mail arrives late than with the TTL lowered', () => {
    const { findings, result } = run('ttl-not-lowered');
    expect(errorRules(findings)).toEqual([]);
    expect(findings.map((finding) => finding.rule)).toContain('schedule.ttl-not-lowered-in-time');
    expect(result.messages.lost + result.messages.bounced + result.messages.stranded + result.messages.pending).toBe(0);
    const lowered = simulate({ ...builtinScenario('ttl-not-lowered').config, dns: { ...builtinScenario('ttl-not-lowered').config.dns, initialMxTtl: HOUR } });
    expect(result.messages.deliveredLate).toBeGreaterThan(lowered.messages.deliveredLate);
  });

  it('licenses-forgotten: mailboxes disabled after the grace, mail to them bounces', () => {
    const { findings, result } = run('licenses-forgotten');
    expect(errorRules(findings)).toContain('schedule.licenses-not-assigned');
    expect(result.messages.bounced).toBeGreaterThan(0);
    expect(result.reasons['mailbox-disabled-5.1.10']).toBe(result.messages.bounced);
    expect(result.messages.lost + result.messages.stranded + result.messages.pending).toBe(0);
  });

  it('hidden-mailboxes: the hidden five fail; mail to them bounces, and what they send from the old Outlook is stranded', () => {
    const { findings, result } = run('hidden-mailboxes');
    expect(errorRules(findings)).toContain('preflight.hidden-mailboxes');
    expect(result.mailboxes.failed).toBe(5);
    expect(result.mailboxes.synced).toBe(35);
    expect(result.messages.bounced).toBeGreaterThan(0);
    expect(result.reasons['stranded:internal-from-on-prem-outlook']).toBeGreaterThan(0);
  });

  it('outlook-still-on-prem: new profiles follow Autodiscover back on-prem; cloud mail waits unread under the old profile', () => {
    const { findings, result } = run('outlook-still-on-prem');
    expect(errorRules(findings)).toEqual(expect.arrayContaining(['schedule.no-autodiscover-cname', 'schedule.scp-pointer-not-cleared']));
    expect(result.messages.pending).toBeGreaterThan(0);
    expect(result.reasons['pending:unread-old-outlook-profile']).toBe(result.messages.pending);
    expect(result.messages.lost + result.messages.stranded).toBe(0);
  });

  it('decommission-too-early: reported by the checker; mail only on the server is lost with it', () => {
    const { findings, result } = run('decommission-too-early');
    expect(errorRules(findings)).toContain('schedule.decommission-too-early');
    expect(result.messages.lost).toBeGreaterThan(0);
    expect(result.reasons['lost:server-decommissioned']).toBe(result.messages.lost);
    expect(result.findings.map((finding) => finding.rule)).toContain('runtime.mail-lost-at-decommission');
    // The checker's reason holds in the run: after the decommission no pass copies anything.
    const decommissionedAt = result.actions.find((action) => action.action === 'decommission')!.at;
    expect(result.mailboxes.outcomes.every((outcome) => (outcome.lastSuccessfulSyncAt ?? 0) <= decommissionedAt)).toBe(true);
    expect(result.mailboxes.outcomes.every((outcome) => outcome.status === 'IncrementalFailed')).toBe(true);
    expect(result.mailboxes.outcomes[0]!.error).toMatch(/Couldn't connect to the source mailbox/);
    expect(result.batch.statusHistory.at(-1)?.status).toBe('SyncedWithErrors');
    expect(result.findings.find((finding) => finding.rule === 'runtime.incremental-sync-failed')).toMatchObject({ severity: 'error', at: expect.any(Number) });
    expect(result.findings.find((finding) => finding.rule === 'runtime.incremental-sync-failed')!.at).toBeGreaterThanOrEqual(decommissionedAt);
  });

});
