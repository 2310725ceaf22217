import { describe, expect, it } from 'vitest';
import { DAY } from '../../../sim/index.js';
import { simulate } from '../../../model/index.js';
import { checkPlan } from '../../../model/checker/index.js';
import { deterministic, GB, mailbox, makeConfig } from './fixtures.js';

/**
 * Limits of the cloud mailbox (users facts: quota by license; BLOG-LARGE: items over
 * MaxReceiveSize are skipped): the checker says so before the run, and the run agrees.
 */
describe('mailbox limits', () => {
  const config = (quotaGb: number) => makeConfig([
    mailbox('big@contoso.com', { sizeBytes: 52 * GB, itemCount: 612_000 }),
    mailbox('attachments@contoso.com', { largeItems: 7, itemCount: 1_000 }),
  ], (c) => {
    deterministic(c);
    c.tenant.mailboxQuotaBytes = quotaGb * GB;
    c.migration.mailboxThroughputMedianBytesPerHour = 20 * GB; // keep the 52 GB copy short
    c.migration.mailboxThroughputMaxBytesPerHour = 20 * GB;
    c.migration.perItemOverhead = 0;
    c.plan = [{ action: 'createEndpoint', timing: { at: 0 } }, { action: 'createBatch', autoStart: true, timing: { at: 0 } }];
    c.horizon = 4 * DAY;
  });

  it('a 52 GB mailbox on a 50 GB license: a finding first, then a copy that stops at the quota and fails', () => {
    const findings = checkPlan(config(50));
    expect(findings.find((finding) => finding.rule === 'preflight.mailbox-over-quota')).toMatchObject({ severity: 'error', subjects: ['big@contoso.com'] });
    expect(findings.find((finding) => finding.rule === 'preflight.large-items')).toMatchObject({ severity: 'warning', subjects: ['attachments@contoso.com'] });
    const result = simulate(config(50));
    const big = result.migrationStatistics.users.find((user) => user.Identity === 'big@contoso.com')!;
    expect(big).toMatchObject({ Status: 'Failed', BytesTransferred: 50 * GB, ErrorSummary: expect.stringMatching(/quota \(50\.0 GB, set by the license\)/) });
    const attachments = result.migrationStatistics.users.find((user) => user.Identity === 'attachments@contoso.com')!;
    expect(attachments).toMatchObject({ Status: 'Synced', SkippedItemCount: 7, SyncedItemCount: 993, DataConsistencyScore: 'Investigate' });
  });

  it('the same mailbox on a 100 GB license migrates whole, and the quota finding is gone', () => {
    expect(checkPlan(config(100)).map((finding) => finding.rule)).not.toContain('preflight.mailbox-over-quota');
    const big = simulate(config(100)).migrationStatistics.users.find((user) => user.Identity === 'big@contoso.com')!;
    expect(big).toMatchObject({ Status: 'Synced', BytesTransferred: 52 * GB, DataConsistencyScore: 'Perfect' });
  });
});
