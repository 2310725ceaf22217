import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../sim/index.js';
import { addBusinessTime } from '../../../model/clients/index.js';

const hours = { start: 8, end: 18 };

describe('addBusinessTime', () => {
  it('runs only on weekdays within office hours', () => {
    const monday8 = { startWeekday: 0, startHour: 8 };
    expect(addBusinessTime(0, 2 * HOUR, monday8, hours)).toBe(2 * HOUR);
    expect(addBusinessTime(0, 10 * HOUR, monday8, hours)).toBe(DAY);
    expect(addBusinessTime(0, 11 * HOUR, monday8, hours)).toBe(DAY + HOUR);
    expect(addBusinessTime(0, 50 * HOUR + 30 * MINUTE, monday8, hours)).toBe(7 * DAY + 30 * MINUTE);
  });

  it('moves a start outside business hours to the next opening', () => {
    const saturdayNoon = { startWeekday: 5, startHour: 12 };
    expect(addBusinessTime(0, 0, saturdayNoon, hours)).toBe(DAY + 20 * HOUR);
    expect(addBusinessTime(0, 0, { startWeekday: 2, startHour: 20 }, hours)).toBe(12 * HOUR);
    expect(() => addBusinessTime(0, HOUR, saturdayNoon, { start: 9, end: 9 })).toThrow(RangeError);
  });
});
