import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { hourFactor } from '../../../model/mailflow/diurnal-shape.js';
import { DAY, HOUR, RandomStreams, Scheduler } from '../../../sim/index.js';
import { ExplicitTraffic, GeneratedTraffic, UserVolumes, WEEKDAY_HOUR_FACTORS, volumeFactor } from '../../../model/mailflow/index.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../../../model/defaults.js';

describe('diurnal shape', () => {
  it('averages 1 over a weekday, peaks mid-morning and drops at weekends', () => {
    expect(WEEKDAY_HOUR_FACTORS.reduce((sum, value) => sum + value, 0) / 24).toBeCloseTo(1, 10);
    const calendar = { startWeekday: 0, startHour: 0, weekendFactor: 0.15 };
    expect(volumeFactor(10 * HOUR, calendar)).toBeGreaterThan(volumeFactor(3 * HOUR, calendar) * 10);
    expect(volumeFactor(5 * DAY + 10 * HOUR, calendar)).toBeCloseTo(volumeFactor(10 * HOUR, calendar) * 0.15, 10);
    // T+0 at 22:00 on a Friday: two hours later it is Saturday.
    expect(volumeFactor(12 * HOUR, { startWeekday: 4, startHour: 22, weekendFactor: 0 })).toBe(0);
  });
});

describe('hourFactor', () => {
  // The exact arrival process walks the shape by integer local hour; it must agree with volumeFactor at every time.
  test.prop([fc.integer({ min: 0, max: 40 * DAY }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 23 }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 200 })(
    'gives the factor volumeFactor gives inside that hour',
    (at, startWeekday, startHour, weekendFactor) => {
      const calendar = { startWeekday, startHour, weekendFactor };
      expect(hourFactor(Math.floor((at + startHour * HOUR) / HOUR), calendar)).toBe(volumeFactor(at, calendar));
    },
  );
});

describe('UserVolumes', () => {
  it('picks busier users more often', () => {
    const random = new RandomStreams(2);
    const volumes = new UserVolumes(20, 80, 0.8, random.stream('mailflow.volume'));
    const picks = new Array(20).fill(0);
    const stream = random.stream('pick');
    for (let index = 0; index < 20_000; index++) picks[volumes.pick(stream)]++;
    const busiest = Array.from({ length: 20 }, (_, user) => user).sort((a, b) => volumes.volumeOf(b) - volumes.volumeOf(a));
    expect(picks[busiest[0]!]).toBeGreaterThan(picks[busiest[19]!]);
    expect(picks[busiest[0]!] / 20_000).toBeCloseTo(volumes.volumeOf(busiest[0]!) / volumes.totalPerDay, 1);
    expect(volumes.pickOther(stream, 3)).not.toBe(3);
  });
});

describe('GeneratedTraffic', () => {
  const run = (days: number) => {
    const scheduler = new Scheduler();
    const counts = { internal: 0, external: 0, last: 0, maxPending: 0 };
    const traffic = new GeneratedTraffic({
      scheduler, random: new RandomStreams(9), flow: DEFAULT_GENERATED_MAIL_FLOW, userCount: 10, senderOrganisations: 5, stopAt: days * DAY,
      sink: {
        internal: (sender, recipient, now) => { expect(sender).not.toBe(recipient); expect(now).toBeGreaterThanOrEqual(counts.last); counts.internal++; counts.last = now; },
        external: (organisation, _recipient, now) => { expect(organisation).toBeLessThan(5); expect(now).toBeGreaterThanOrEqual(counts.last); counts.external++; counts.last = now; },
      },
    });
    traffic.start();
    for (;;) {
      counts.maxPending = Math.max(counts.maxPending, scheduler.pendingCount);
      if (scheduler.step() === 'idle') break;
    }
    return { ...counts, expected: traffic.expectedPerWeekday() };
  };

  it('generates lazily (one pending event for both flows, the earlier arrival) at the sourced rates, in time order, and stops in time', () => {
    const week = run(7);
    expect(week.maxPending).toBe(1);
    expect(week.last).toBeLessThan(7 * DAY);
    const total = week.internal + week.external;
    // 5 weekdays at the full rate plus 2 weekend days at 15%.
    const expected = week.expected * (5 + 2 * 0.15);
    expect(total).toBeGreaterThan(expected * 0.85);
    expect(total).toBeLessThan(expected * 1.15);
    expect(week.external / total).toBeCloseTo(DEFAULT_GENERATED_MAIL_FLOW.externalShareOfReceived, 1);
  });
});

describe('ExplicitTraffic', () => {
  it('sends in time order, ties in list order, one pending event at a time', () => {
    const scheduler = new Scheduler();
    const seen: string[] = [];
    new ExplicitTraffic(scheduler, [
      { at: 2 * HOUR, from: 'a@x.example', to: 'b@contoso.com', label: 'late' },
      { at: HOUR, from: 'a@x.example', to: 'b@contoso.com', label: 'first' },
      { at: HOUR, from: 'a@x.example', to: 'b@contoso.com', label: 'second' },
    ], (message, now) => seen.push(`${message.label}@${now / HOUR}`)).start();
    expect(scheduler.pendingCount).toBe(1);
    scheduler.runUntilIdle();
    expect(seen).toEqual(['first@1', 'second@1', 'late@2']);
  });

  it('refuses a message with a bad time or address', () => {
    expect(() => new ExplicitTraffic(new Scheduler(), [{ at: -1, from: 'a@x', to: 'b@y' }], () => {})).toThrow(/EXPLICIT|whole milliseconds/);
    expect(() => new ExplicitTraffic(new Scheduler(), [{ at: 0, from: 'nobody', to: 'b@y' }], () => {})).toThrow(/email address/);
  });
});
