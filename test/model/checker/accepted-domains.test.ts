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
});
