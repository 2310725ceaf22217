import { describe, expect, it } from 'vitest';
import { DAY, HOUR, formatLocal, localTime, makeCalendar, nextWeekTime, offsetOfLocal, weekPositionAtStart, isInputError } from '../../sim/index.js';

describe('calendar', () => {
  const berlin = makeCalendar('2025-03-14T19:00:00Z', 'Europe/Berlin');

  it('shows local time with weekday and zone, to the minute, across a DST change', () => {
    expect(formatLocal(0, berlin)).toBe('Fri 14 Mar 20:00 CET');
    expect(formatLocal(29_999, berlin)).toBe('Fri 14 Mar 20:00 CET');
    expect(formatLocal(16 * DAY, berlin)).toBe('Sun 30 Mar 21:00 CEST');
    expect(formatLocal(0, makeCalendar('2025-03-14T19:00:00Z', 'America/New_York'))).toBe('Fri 14 Mar 15:00 EDT');
    expect(formatLocal(0, makeCalendar('2025-03-14T19:00:00Z'))).toBe('Fri 14 Mar 19:00 UTC');
  });

  it('converts local wall-clock times to offsets and back', () => {
    const at = offsetOfLocal({ year: 2025, month: 3, day: 17, hour: 9, minute: 30 }, berlin);
    expect(at).toBe(2 * DAY + 13 * HOUR + 30 * 60_000);
    expect(localTime(berlin.startEpoch + at, 'Europe/Berlin')).toMatchObject({ day: 17, hour: 9, minute: 30, weekday: 0 });
    // 02:30 does not exist on 30 March in Berlin: it is taken as 03:30 CEST.
    const gap = offsetOfLocal({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, berlin);
    expect(formatLocal(gap, berlin)).toBe('Sun 30 Mar 03:30 CEST');
  });

  it('finds the next weekday time at or after a moment, in local time', () => {
    expect(nextWeekTime(0, 4, 20, 0, berlin)).toBe(0); // Fri 20:00 is the start itself
    expect(nextWeekTime(1, 4, 20, 0, berlin)).toBe(7 * DAY);
    expect(nextWeekTime(8 * DAY, 4, 20, 0, berlin)).toBe(14 * DAY);
    // After the DST change (30 March), Friday 20:00 is local 20:00 CEST: one hour less than 21 days.
    expect(nextWeekTime(15 * DAY, 4, 20, 0, berlin)).toBe(21 * DAY - HOUR);
    expect(formatLocal(21 * DAY - HOUR, berlin)).toBe('Fri 4 Apr 20:00 CEST');
  });

  it('places the start in the local week (Monday 00:00 = 0)', () => {
    expect(weekPositionAtStart(berlin)).toBe(4 * DAY + 20 * HOUR);
  });

  it('refuses an unknown zone or start with a stable code', () => {
    const codes = [() => makeCalendar('2025-03-14T19:00:00Z', 'Mars/Olympus'), () => makeCalendar('yesterday')].map((make) => {
      try { make(); return undefined; } catch (error) { return isInputError(error) ? error.code : 'other'; }
    });
    expect(codes).toEqual(['CALENDAR_ZONE_INVALID', 'CALENDAR_START_INVALID']);
  });
});
