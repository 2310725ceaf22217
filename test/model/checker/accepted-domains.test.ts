import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../sim/index.js';
import { checkPlan } from '../../../model/checker/index.js';
import { buildTimeline } from '../../../model/checker/timeline.js';
import { range } from '../../../model/checker/moment.js';
import { scenario, TEXTBOOK_PLAN } from './helpers.js';

const SECOND_DOMAIN = '  additionalDomains: [fabrikam.com]';
const FABRIKAM_STEPS = [
  '{ action: set-mx-ttl, domain: fabrikam.com, ttl: 1h, at: 0s }',
  '{ action: publish-verification-txt, domain: fabrikam.com, at: 0s }',
  '{ action: verify-domain, domain: fabrikam.com, at: 20m }',
  '{ action: create-autodiscover-cname, domain: fabrikam.com, after: mx-switched }',
];

describe('the checker with two accepted domains', () => {
  it('the textbook plan with each step repeated for the second domain has no finding', () => {
    const config = scenario([...TEXTBOOK_PLAN, ...FABRIKAM_STEPS, '{ action: switch-mx, domain: fabrikam.com, at: "24h after initial-sync-done" }'], SECOND_DOMAIN);
    expect(checkPlan(config)).toEqual([]);
  });

  it('the MX switch moment is the last domain\'s switch, as the run fires it', () => {
    const later = scenario([...TEXTBOOK_PLAN, ...FABRIKAM_STEPS, '{ action: switch-mx, domain: fabrikam.com, at: "30h after initial-sync-done" }'], SECOND_DOMAIN);
    const timeline = buildTimeline(later);
    const sync = range(timeline.anchors.initialSyncDone!, timeline.bounds);
    expect(range(timeline.anchors.mxSwitched!, timeline.bounds)).toEqual({ low: sync.low + 30 * HOUR, high: sync.high + 30 * HOUR });
    // The primary's own rules still look at the primary's switch.
    expect(checkPlan(later).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('a second domain without a switch, a CNAME or a verification is named in findings; the primary named explicitly is the primary', () => {
    const missing = checkPlan(scenario(TEXTBOOK_PLAN, `${SECOND_DOMAIN}\n  mailboxes: [{ address: anna@fabrikam.com, size: 1 GB }]`));
    const aboutFabrikam = missing.filter((finding) => `${finding.message} ${finding.fix}`.includes('fabrikam.com')).map((finding) => finding.rule);
    expect(aboutFabrikam.sort()).toEqual(['preflight.additional-domain-not-verified', 'schedule.no-autodiscover-cname', 'schedule.no-mx-switch']);
    // Its MX never switched, the plan's MX switch never comes, and neither do the steps timed after it (as in the run).
    expect(missing.filter((finding) => finding.rule === 'schedule.action-never-runs').length).toBeGreaterThan(0);
    const explicit = scenario(TEXTBOOK_PLAN.map((entry) => entry.replace('action: switch-mx,', 'action: switch-mx, domain: contoso.com,')));
    expect(checkPlan(explicit)).toEqual(checkPlan(scenario(TEXTBOOK_PLAN)));
  });

  it('a second domain verified from an event after the batch is created or after its own switch is an error naming its mailboxes', () => {
    const withAnna = `${SECOND_DOMAIN}\n  mailboxes: [{ address: anna@fabrikam.com, size: 1 GB }]`;
    const steps = (verify: string) => [...TEXTBOOK_PLAN, ...FABRIKAM_STEPS.map((step) => step.includes('verify-domain') ? verify : step), '{ action: switch-mx, domain: fabrikam.com, at: "24h after initial-sync-done" }'];
    const errors = (verify: string) => checkPlan(scenario(steps(verify), withAnna)).filter((finding) => finding.severity === 'error');
    // Two days after the batch: after its creation and after fabrikam's switch (the pre-flight rule cannot place it: a warning only).
    const late = errors('{ action: verify-domain, domain: fabrikam.com, at: "2d after batch-created" }');
    expect(late.map((finding) => finding.rule).sort()).toEqual(['schedule.batch-created-before-verified', 'schedule.mx-switched-before-verified']);
    for (const finding of late) {
      expect(finding.subjects).toEqual(['anna@fabrikam.com']);
      expect(finding.message).toContain('fabrikam.com');
    }
    // Shortly after the batch: its mailboxes may be reached first, but the switch comes after it.
    expect(errors('{ action: verify-domain, domain: fabrikam.com, at: "20m after batch-created" }').map((finding) => finding.rule)).toEqual(['schedule.batch-created-before-verified']);
    // Timed from the start, before the batch: no error.
    expect(errors('{ action: verify-domain, domain: fabrikam.com, at: "20m after start" }')).toEqual([]);
  });

  it('a second domain verified from an event before its TXT record can be seen is an error', () => {
    // No mailbox in fabrikam.com: only the refused verification is at stake (its mail would bounce 5.4.1 after the switch).
    const steps = [...TEXTBOOK_PLAN, ...FABRIKAM_STEPS.map((step) => step.includes('verify-domain') ? '{ action: verify-domain, domain: fabrikam.com, at: "1m after batch-created" }' : step.includes('publish-verification-txt') ? '{ action: publish-verification-txt, domain: fabrikam.com, after: batch-created }' : step), '{ action: switch-mx, domain: fabrikam.com, at: "24h after initial-sync-done" }'];
    const early = checkPlan(scenario(steps, SECOND_DOMAIN)).filter((finding) => finding.rule === 'schedule.verify-before-txt-propagated');
    expect(early).toHaveLength(1);
    expect(early[0]).toMatchObject({ severity: 'error' });
    expect(early[0]!.message).toMatch(/^verification of fabrikam\.com is attempted 1m after the TXT record is published/);
  });
});
