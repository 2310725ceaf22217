import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../sim/index.js';
import { runtimeFindings, strandedPrevention } from '../../../model/simulation/runtime-findings.js';
import type { Finding } from '../../../model/result.js';
import { fakeWorld } from './runtime-findings-world.js';

/**
 * Each rule `runtimeFindings` can raise, on a stand-in run that has exactly its cause (the
 * whole runs that cause them are in runtime-findings.test.ts and test/scenarios/).
 */
const only = (findings: Finding[]): Finding => {
  expect(findings).toHaveLength(1);
  return findings[0]!;
};
const U = (n: number) => `user${n}@contoso.com`;

describe('runtimeFindings, rule by rule', () => {
  it('a clean run raises nothing', () => {
    expect(runtimeFindings(fakeWorld(), {})).toEqual([]);
  });

  it('runtime.command-refused: names the plan line, the time and the refusal', () => {
    const world = fakeWorld({ log: { refusedPlanned: [{ index: 4, outcome: { action: 'switchMx', at: 2 * HOUR, outcome: 'refused', detail: 'the domain is not verified' } }] } });
    expect(only(runtimeFindings(world, {}))).toMatchObject({
      rule: 'runtime.command-refused', severity: 'warning', at: 2 * HOUR, step: 'Step 5: Route your email directly to Microsoft 365 or Office 365',
      message: 'Planned action 5 (switchMx) was refused at T+2h: the domain is not verified',
    });
  });

  it('runtime.action-pending while the run goes on; runtime.action-never-ran once it reached the horizon', () => {
    const unscheduled = [{ action: { action: 'switchMx' as const, timing: { after: 'initialSyncDone' as const, delay: HOUR } }, index: 6, anchor: 'initialSyncDone' as const }];
    const running = only(runtimeFindings(fakeWorld({ now: DAY, unscheduled }), {}));
    expect(running).toMatchObject({ rule: 'runtime.action-pending', severity: 'info', message: 'Planned action 7 (switchMx) is pending: it waits for "initialSyncDone", which has not happened by T+1d.' });
    const ended = only(runtimeFindings(fakeWorld({ unscheduled }), {}));
    expect(ended).toMatchObject({ rule: 'runtime.action-never-ran', severity: 'warning', message: 'Planned action 7 (switchMx) never ran: its anchor "initialSyncDone" did not happen before T+8d.' });
    expect(ended.fix).toBe('Make sure the anchor happens (check the refused actions), or time the action absolutely.');
  });

  it('runtime.action-never-ran for a removal waiting for safety: lengthen the run, or (source gone) decommission after the removal', () => {
    const unscheduled = [{ action: { action: 'removeBatch' as const, timing: { after: 'recommendedBatchRemoval' as const, delay: 0 } }, index: 13, anchor: 'recommendedBatchRemoval' as const }];
    expect(only(runtimeFindings(fakeWorld({ unscheduled }), {})).fix).toMatch(/^Switch the MX and keep the batch syncing long enough/);
    const gone = only(runtimeFindings(fakeWorld({ unscheduled, decommissionedAt: 3 * DAY }), {}));
    expect(gone.message).toBe('Planned action 14 (removeBatch) never ran: its anchor "recommendedBatchRemoval" did not happen before T+8d: the on-prem server was decommissioned at T+3d, so no sync pass after the last old-MX delivery could run.');
    expect(gone.fix).toMatch(/^Decommission the on-prem server only after the batch is deleted/);
  });

  it('runtime.mailbox-failed: counts, the earliest time, the first three errors and every address', () => {
    const failures = new Map([4, 2, 3, 1].map((n) => [U(n), { error: `error ${n}`, at: n * HOUR }] as const));
    const finding = only(runtimeFindings(fakeWorld({ log: { failures } }), {}));
    expect(finding).toMatchObject({ rule: 'runtime.mailbox-failed', severity: 'error', at: HOUR, subjects: [U(1), U(2), U(3), U(4)] });
    expect(finding.message).toBe(`4 mailboxes failed to migrate: ${U(4)}: error 4; ${U(2)}: error 2; ${U(3)}: error 3; ...`);
  });

  it('runtime.incremental-sync-failed: the earliest failure leads the message', () => {
    const incrementalFailures = new Map([[U(2), { error: 'The source did not answer.', at: 5 * HOUR }], [U(1), { error: 'Quota full.', at: 3 * HOUR }]]);
    const finding = only(runtimeFindings(fakeWorld({ log: { incrementalFailures } }), {}));
    expect(finding).toMatchObject({ rule: 'runtime.incremental-sync-failed', severity: 'error', at: 3 * HOUR, subjects: [U(1), U(2)] });
    expect(finding.message).toMatch(/^Incremental syncs of 2 mailboxes failed \(IncrementalFailed\), first user1@contoso.com at T\+3h: Quota full\. Mail that reached their on-prem mailboxes/);
  });

  it('runtime.mail-stranded: the two kinds counted, the removal time, recoverable while the server runs', () => {
    const finding = only(runtimeFindings(fakeWorld({ log: { batchRemovalStartedAt: 4 * DAY } }), { stranded: { 'stranded:internal-from-on-prem-outlook': 2, 'stranded:external-via-old-mx': 3 } }));
    expect(finding).toMatchObject({ rule: 'runtime.mail-stranded', severity: 'error', at: 4 * DAY });
    expect(finding.message).toMatch(/^5 messages are stranded on-prem: 2 sent by colleagues .* and 3 from outside senders .*\(the batch was deleted at T\+4d\)\. They are still on the server and recoverable until it is decommissioned\.$/);
    expect(finding.fix).toContain(strandedPrevention(2, 3));
  });

  it('strandedPrevention: profiles for colleagues\' mail, the MX wait for outside senders, both for both', () => {
    expect(strandedPrevention(1, 0)).toMatch(/^rebuild every Outlook profile/);
    expect(strandedPrevention(0, 1)).toMatch(/^lower the MX TTL early/);
    expect(strandedPrevention(1, 1)).toBe(`${strandedPrevention(1, 0)}, and ${strandedPrevention(0, 1)}`);
  });

  it('runtime.mail-lost-at-decommission: at the decommission, with the count', () => {
    const finding = only(runtimeFindings(fakeWorld({ decommissionedAt: 5 * DAY }), { lost: { 'lost:server-decommissioned': 1 } }));
    expect(finding).toMatchObject({ rule: 'runtime.mail-lost-at-decommission', severity: 'error', at: 5 * DAY, message: '1 message was only on the on-prem server when it was decommissioned: they are gone.' });
  });

  it('runtime.profiles-not-rebuilt: unread mail and the number of Outlooks still on-prem', () => {
    const finding = only(runtimeFindings(fakeWorld({ outlookOnPrem: 3 }), { pending: { 'pending:unread-old-outlook-profile': 7 } }));
    expect(finding.rule).toBe('runtime.profiles-not-rebuilt');
    expect(finding.message).toMatch(/^7 messages wait unread in cloud mailboxes: 3 users' Outlook still opens the on-prem mailbox/);
  });

  it('runtime.users-cannot-sign-in: migrated users without the password after the switch, even with no mail waiting', () => {
    const world = fakeWorld({ log: { switchedAt: DAY }, cloud: [U(1), U(2), U(3)], withPassword: [U(2)] });
    const finding = only(runtimeFindings(world, {}));
    expect(finding).toMatchObject({ rule: 'runtime.users-cannot-sign-in', severity: 'error', at: DAY, subjects: [U(1), U(3)] });
    expect(finding.message).toBe('2 migrated users have a live cloud mailbox but never got the new password, so cannot sign in; 0 messages wait unread.');
    // Before any switch, users without a password and no mail waiting are not (yet) a finding.
    expect(runtimeFindings(fakeWorld({ cloud: [U(1)] }), {})).toEqual([]);
  });

  it('runtime.mail-in-outbox, runtime.imceaex-bounces and runtime.mail-bounced', () => {
    const findings = runtimeFindings(fakeWorld(), { pending: { 'pending:outbox': 2 }, bounced: { 'ndr-imceaex-no-x500': 4, 'mailbox-disabled-5.1.10': 1 } });
    expect(findings.map((finding) => finding.rule)).toEqual(['runtime.mail-in-outbox', 'runtime.imceaex-bounces', 'runtime.mail-bounced']);
    expect(findings[0]!.message).toMatch(/^2 messages are still in Outlook Outboxes/);
    expect(findings[1]!.message).toMatch(/^4 internal messages from cloud Outlook bounced with an IMCEAEX NDR/);
    expect(findings[2]!.message).toBe('5 messages bounced: ndr-imceaex-no-x500 ×4, mailbox-disabled-5.1.10 ×1.');
  });

  it('runtime.mailbox-disabled and runtime.mailbox-data-deleted: from the license events, with the grace and retention', () => {
    const licenseEvents = [
      { address: U(2), state: 'disabled' as const, at: 30 * DAY },
      { address: U(1), state: 'disabled' as const, at: 30 * DAY + MINUTE },
      { address: U(2), state: 'deleted' as const, at: 60 * DAY },
    ];
    const [disabled, deleted] = runtimeFindings(fakeWorld({ log: { licenseEvents } }), { bounced: { 'mailbox-disabled-5.1.10': 6 } });
    expect(disabled).toMatchObject({ rule: 'runtime.mailbox-disabled', severity: 'error', at: 30 * DAY, subjects: [U(1), U(2)] });
    expect(disabled!.message).toBe('2 mailboxes were disabled when the 30d license grace ended; inbound mail to them bounces with 550 5.1.10 (6 bounced).');
    expect(deleted).toMatchObject({ rule: 'runtime.mailbox-data-deleted', severity: 'error', at: 60 * DAY, subjects: [U(2)] });
    expect(deleted!.message).toBe('1 disabled mailbox passed the 30d retention: its data is gone.');
  });

  it('runtime.mail-pending-at-horizon: only the horizon\'s own pending causes, each counted', () => {
    const finding = only(runtimeFindings(fakeWorld(), { pending: { 'pending-at-horizon': 2, 'pending:awaiting-sync-pass': 5, 'pending:pst-import-running': 1 } }));
    expect(finding).toMatchObject({ rule: 'runtime.mail-pending-at-horizon', severity: 'info' });
    expect(finding.message).toBe('8 messages were still waiting when the run ended (pending-at-horizon ×2, pending:awaiting-sync-pass ×5, pending:pst-import-running ×1); they are counted as pending, not lost.');
  });
});
