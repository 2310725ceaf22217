import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/index.js';
import { checkPlan } from '../../model/checker/index.js';
import { simulate } from '../../model/index.js';
import { DAY, HOUR, MINUTE, isInputError } from '../../sim/index.js';

const base = (head: string, plan: string[]) => `${head}
organisation:
  domain: contoso.com
  generate: { count: 6, sizeMedian: 300 MB, sizeSigma: 0.2 }
mailFlow:
  generated: { messagesPerUserPerDay: 20 }
plan:
${plan.map((entry) => `  - ${entry}`).join('\n')}
`;

const PLAN = [
  '{ action: set-mx-ttl, ttl: 1h, at: 0s }',
  '{ action: publish-verification-txt, at: 0s }',
  '{ action: verify-domain, at: 20m }',
  '{ action: create-endpoint, at: 30m }',
  '{ action: create-batch, at: 40m, name: Wave1, autoStart: true }',
  '{ action: assign-licenses, after: initial-sync-done }',
  '{ action: distribute-passwords, after: initial-sync-done }',
  '{ action: add-x500-addresses, after: initial-sync-done }',
  '{ action: switch-mx, at: "next Fri 20:00 after initial-sync-done" }',
  '{ action: create-autodiscover-cname, after: mx-switched }',
  '{ action: clear-scp-pointer, after: mx-switched }',
  '{ action: rebuild-outlook-profiles, after: mx-switched }',
  '{ action: remove-batch, after: recommended-batch-removal }',
];
const BERLIN = 'startDate: "2025-03-10T08:00:00+01:00"\ntimeZone: Europe/Berlin';

const errorOf = (text: string) => {
  try {
    parseScenario(text, 'plan.yaml');
    return undefined;
  } catch (error) {
    return isInputError(error) ? error : error;
  }
};

describe('scenarios on the calendar', () => {
  it('a plan action at a business-window time runs at that local time, and the checker agrees', () => {
    const { config } = parseScenario(base(BERLIN, PLAN), 'plan.yaml');
    const result = simulate(config);
    const switched = result.keyTimes.mxSwitchedAt!;
    // Mon 10 Mar 08:00 CET + 4d12h = Fri 14 Mar 20:00 CET: the first Friday 20:00 after the sync.
    expect(switched).toBe(4 * DAY + 12 * HOUR);
    expect(result.keyTimes.initialSyncDoneAt).toBeLessThan(switched);
    expect(checkPlan(config).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('a plan action at a calendar time in the zone', () => {
    const { config } = parseScenario(base(BERLIN, ['{ action: switch-mx, at: "2025-03-11 09:30" }', '{ action: decommission, at: "2025-03-11T08:30Z" }']), 'plan.yaml');
    expect(config.plan.map((action) => action.timing)).toEqual([{ at: DAY + 90 * MINUTE }, { at: DAY + 90 * MINUTE }]);
  });

  it('generated traffic starts on the weekday and hour of the start date, unless the file says otherwise', () => {
    const friday = parseScenario(base('startDate: "2025-03-14T19:30:00Z"\ntimeZone: Europe/Berlin', PLAN), 'plan.yaml').config;
    expect(friday.mailFlow.generated).toMatchObject({ startWeekday: 4, startHour: 20.5 });
    const pinned = parseScenario(base('startDate: "2025-03-14T19:30:00Z"', PLAN).replace('messagesPerUserPerDay: 20', 'messagesPerUserPerDay: 20, startWeekday: 0'), 'plan.yaml').config;
    expect(pinned.mailFlow.generated).toMatchObject({ startWeekday: 0, startHour: 19.5 });
  });

  it('calendar times need a start date; zones must be IANA names', () => {
    expect(String(errorOf(base('', ['{ action: switch-mx, at: "next Fri 20:00" }'])))).toMatch(/startDate/);
    expect(String(errorOf(base('startDate: "2025-03-14T19:30:00Z"\ntimeZone: Mars/Base', PLAN)))).toMatch(/unknown time zone/);
    expect(String(errorOf(base('timeZone: Europe/Berlin', PLAN)))).toMatch(/needs a startDate/);
    expect(String(errorOf(base(BERLIN, ['{ action: switch-mx, at: "2025-03-01 09:30" }'])))).toMatch(/before the start/);
  });

  it('with no horizon, the run covers the whole plan plus the stated margin, and the checker sees no horizon artefact', () => {
    const { config } = parseScenario(base(BERLIN, PLAN), 'plan.yaml');
    expect(config.horizonFromPlan).toBeDefined();
    const { planEndsBy, margin } = config.horizonFromPlan!;
    expect(margin).toBe(3 * DAY);
    expect(config.horizon).toBeGreaterThanOrEqual(planEndsBy + margin);
    expect(checkPlan(config).map((finding) => finding.rule)).not.toContain('schedule.horizon-cuts-final-sync');
    const withHorizon = parseScenario(`horizon: 2d\n${base(BERLIN, PLAN)}`, 'plan.yaml').config;
    expect(withHorizon.horizon).toBe(2 * DAY);
    expect(withHorizon.horizonFromPlan).toBeUndefined();
  });
});
