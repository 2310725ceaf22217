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

  it('runtime.action-never-ran: the removal waits for an anchor the horizon cuts off', () => {
    const result = simulate(smallConfig({ horizon: 2 * DAY }));
    const finding = result.findings.find((entry) => entry.rule === 'runtime.action-never-ran');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(/removeBatch|decommission/);
  });

  it('runtime.mail-pending-at-horizon: mail still waiting for a pass when the run ends', () => {
    const result = simulate(smallConfig({ horizon: 20 * HOUR, mailFlow: { explicit: [{ at: 19 * HOUR, from: 'partner@fabrikam.com', to: 'user1@contoso.com' }] } }));
    // The message reaches the on-prem mailbox at 19 h and waits for the next incremental pass.
    const pending = (result.reasons['pending-at-horizon'] ?? 0) + (result.reasons['pending:awaiting-sync-pass'] ?? 0);
    expect(result.reasons['pending:awaiting-sync-pass']).toBeGreaterThan(0);
    const finding = result.findings.find((entry) => entry.rule === 'runtime.mail-pending-at-horizon');
    expect(pending).toBeGreaterThan(0);
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toContain(String(pending));
  });

  it('runtime.mailbox-data-deleted: licenses never assigned, the grace and then the retention run out', () => {
    const plan = TEXTBOOK_PLAN.filter((action) => action.action !== 'assignLicenses');
    const result = simulate(smallConfig({ plan, horizon: 3 * DAY, tenant: { licenseGrace: 6 * HOUR, disabledDataRetention: 6 * HOUR } }));
    const found = rules(result);
    expect(found).toContain('runtime.mailbox-disabled');
    const deleted = result.findings.find((entry) => entry.rule === 'runtime.mailbox-data-deleted');
    expect(deleted?.severity).toBe('error');
    expect(deleted?.subjects?.length).toBeGreaterThan(0);
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
