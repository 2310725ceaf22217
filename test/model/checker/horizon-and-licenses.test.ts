import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../model/checker/index.js';
import { textbookWith } from './helpers.js';

const errors = (findings: ReturnType<typeof checkPlan>) => findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule);
const HORIZON_RULE = 'schedule.horizon-cuts-final-sync';
/** No generated traffic, one external message (YAML for the scenario's mailFlow). */
const oneMessage = (at: string, extra = '') => `mailFlow:\n  generated: false\n  explicit:\n    - { at: ${at}, from: someone@partner.example, to: user0001@contoso.com }\n${extra}`;

describe('schedule.horizon-cuts-final-sync', () => {
  it('is quiet when the run outlasts the last incremental pass (textbook, 30 days)', () => {
    expect(errors(checkPlan(textbookWith({})))).not.toContain(HORIZON_RULE);
  });

  it('is an error when the run ends while mail landed on-prem may still wait for its pass', () => {
    const findings = checkPlan(textbookWith({}, 'horizon: 2d'));
    const finding = findings.find((entry) => entry.rule === HORIZON_RULE);
    expect(finding?.severity).toBe('error');
    expect(finding?.step).toBe('Step 6: Delete the cutover migration batch');
    expect(finding?.fix).toMatch(/horizon/);
  });

  it('counts explicit messages, and the pass that follows the initial sync (pending-at-horizon counterexample)', () => {
    // The message lands after the initial snapshot may have been taken: it needs the next pass, a day later.
    expect(errors(checkPlan(textbookWith({}, oneMessage('3h', 'horizon: 1d2h'))))).toContain(HORIZON_RULE);
    // Landing before the batch starts, it goes with the initial copy, done well within the run.
    expect(errors(checkPlan(textbookWith({}, oneMessage('10m', 'horizon: 1d2h'))))).not.toContain(HORIZON_RULE);
  });

  it('stops counting external mail once every sender sees the new MX', () => {
    // Switched 1 day after the sync, no mail after the switch's old-MX window: the last landing is that message.
    const early = checkPlan(textbookWith({ 'remove-batch': null, decommission: null }, oneMessage('3h', 'horizon: 6d')));
    expect(errors(early)).not.toContain(HORIZON_RULE);
    const late = checkPlan(textbookWith({ 'remove-batch': null, decommission: null }, oneMessage('5d', 'horizon: 6d')));
    expect(errors(late)).not.toContain(HORIZON_RULE); // by 5d every sender uses the new MX: it goes to the cloud
    const noSwitch = checkPlan(textbookWith({ 'switch-mx': null, 'remove-batch': null, decommission: null }, oneMessage('5d', 'horizon: 6d')));
    expect(errors(noSwitch)).toContain(HORIZON_RULE);
  });

  it('schedule.batch-stopped-before-final-pass: a stop while mail still needs a pass, even with the recommended removal', () => {
    const stopped = checkPlan(textbookWith({ 'stop-batch': '{ action: stop-batch, at: "1h after initial-sync-done" }' }));
    expect(errors(stopped)).toContain('schedule.batch-stopped-before-final-pass');
    const afterwards = checkPlan(textbookWith({ 'remove-batch': null, decommission: null, 'stop-batch': '{ action: stop-batch, at: 29d23h }' }, 'mailFlow: { generated: false }'));
    expect(errors(afterwards)).not.toContain('schedule.batch-stopped-before-final-pass');
  });

  it('leaves a batch surely deleted before the horizon to the removal rules', () => {
    const removed = checkPlan(textbookWith({ 'remove-batch': '{ action: remove-batch, at: "6d after mx-switched" }' }, 'horizon: 12d'));
    expect(errors(removed)).toEqual([]);
  });
});

describe('license assignment against a bounded initial sync', () => {
  it('schedule.licenses-before-mailboxes-exist: an assignment that may come before the cloud mailboxes are created', () => {
    const findings = checkPlan(textbookWith({ 'assign-licenses': '{ action: assign-licenses, at: 50m }' }));
    const finding = findings.find((entry) => entry.rule === 'schedule.licenses-before-mailboxes-exist');
    expect(finding?.severity).toBe('error');
    expect(finding?.subjects).toHaveLength(10);
  });

  it('schedule.licenses-after-grace: "after initial-sync-done" is too late when the grace may end during the sync', () => {
    // 10 × 500 MB takes hours at the pessimistic rate; a 1-hour grace from the first mailbox's creation ends before.
    expect(errors(checkPlan(textbookWith({}, 'tenant: { licenseGrace: 1h }')))).toContain('schedule.licenses-after-grace');
    expect(errors(checkPlan(textbookWith({}, 'tenant: { licenseGrace: 3d }')))).not.toContain('schedule.licenses-after-grace');
    expect(checkPlan(textbookWith({})).some((entry) => entry.rule.startsWith('schedule.licenses'))).toBe(false);
  });
});
