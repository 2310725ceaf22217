import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { simulate } from '../../../model/index.js';
import { smallConfig, TEXTBOOK_PLAN } from '../../fixtures/config.js';

/**
 * The runtime findings never named by a test before (issue 20 point 8), each from a small run
 * that causes it, and absent from the textbook run.
 */
const rules = (result: ReturnType<typeof simulate>) => result.findings.map((finding) => finding.rule);

describe('runtime findings', () => {
  it('the textbook plan over 8 days raises none of them', () => {
    const found = rules(simulate(smallConfig()));
    for (const rule of ['runtime.action-never-ran', 'runtime.mail-pending-at-horizon', 'runtime.mailbox-data-deleted']) expect(found).not.toContain(rule);
  });

  it('runtime.action-never-ran: the removal waits for an anchor the horizon cuts off, and the decommission after it', () => {
    const result = simulate(smallConfig({ horizon: 2 * DAY }));
    const neverRan = result.findings.filter((entry) => entry.rule === 'runtime.action-never-ran');
    expect(neverRan.map((finding) => [finding.severity, finding.message])).toEqual([
      ['warning', 'Planned action 14 (removeBatch) never ran: its anchor "recommendedBatchRemoval" did not happen before T+2d.'],
      ['warning', 'Planned action 15 (decommission) never ran: its anchor "batchRemoved" did not happen before T+2d.'],
    ]);
  });

  it('runtime.mail-pending-at-horizon: mail still waiting for a pass when the run ends', () => {
    const result = simulate(smallConfig({ horizon: 20 * HOUR, mailFlow: { explicit: [{ at: 19 * HOUR, from: 'partner@fabrikam.com', to: 'user1@contoso.com' }] } }));
    // The message reaches the on-prem mailbox at 19 h and waits for the next incremental pass.
    expect(result.reasons).toEqual({ 'pending:awaiting-sync-pass': 1 });
    const finding = result.findings.find((entry) => entry.rule === 'runtime.mail-pending-at-horizon');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toBe('1 message was still waiting when the run ended (pending:awaiting-sync-pass ×1); they are counted as pending, not lost.');
  });

  it('runtime.mailbox-data-deleted: licenses never assigned, the grace and then the retention run out', () => {
    const plan = TEXTBOOK_PLAN.filter((action) => action.action !== 'assignLicenses');
    const result = simulate(smallConfig({ plan, horizon: 3 * DAY, tenant: { licenseGrace: 6 * HOUR, disabledDataRetention: 6 * HOUR } }));
    const disabled = result.findings.find((entry) => entry.rule === 'runtime.mailbox-disabled');
    const deleted = result.findings.find((entry) => entry.rule === 'runtime.mailbox-data-deleted');
    const everyone = ['user1@contoso.com', 'user2@contoso.com', 'user3@contoso.com', 'user4@contoso.com'];
    expect(disabled?.subjects).toEqual(everyone);
    expect(deleted).toMatchObject({ severity: 'error', subjects: everyone, message: '4 disabled mailboxes passed the 6h retention: their data is gone.' });
    // The first deletion comes the retention after the first disabling.
    expect(deleted!.at! - disabled!.at!).toBe(6 * HOUR);
  });

  it('runtime.action-never-ran names a decommissioned source as the reason the removal never became safe', () => {
    const plan = TEXTBOOK_PLAN.map((action) => (action.action === 'decommission' ? { ...action, timing: { after: 'mxSwitched' as const, delay: 6 * HOUR } } : action));
    const result = simulate(smallConfig({ plan, horizon: 8 * DAY }));
    const finding = result.findings.find((entry) => entry.rule === 'runtime.action-never-ran');
    expect(finding?.message).toMatch(/removeBatch.*the on-prem server was decommissioned at T\+\d/);
    expect(finding?.message).not.toMatch(/ms\b/);
    expect(finding?.fix).toContain('only after the batch is deleted');
  });
});
