import { DAY, HOUR, type Millis } from '../../sim/index.js';

/** Where T+0 falls in the week: weekday (0 = Monday) and hour of day, local time. */
export interface WeekPosition {
  startWeekday: number;
  startHour: number;
}

/** Office hours, Monday to Friday: from `start` to `end` o'clock. */
export interface BusinessHours {
  start: number;
  end: number;
}

/**
 * The moment `amount` of business time after `from` (both in ms from T+0): time only runs
 * on weekdays between the opening and closing hour. A desk-by-desk profile rollout runs on
 * this clock (issue 13: desks per hour within business hours). `amount` 0 gives `from`
 * itself when it is inside business hours, else the next opening (closing time belongs to the next day).
 */
export function addBusinessTime(from: Millis, amount: Millis, week: WeekPosition, hours: BusinessHours): Millis {
  const open = hours.start * HOUR;
  const close = hours.end * HOUR;
  if (!(close > open)) throw new RangeError(`business hours must end after they start (${hours.start}-${hours.end})`);
  const offset = week.startWeekday * DAY + week.startHour * HOUR;
  let local = from + offset;
  let left = amount;
  for (;;) {
    const day = Math.floor(local / DAY);
    const dayStart = day * DAY;
    if (((day % 7) + 7) % 7 >= 5 || local >= dayStart + close) {
      local = dayStart + DAY + open;
      continue;
    }
    if (local < dayStart + open) local = dayStart + open;
    const available = dayStart + close - local;
    if (left < available) return Math.round(local + left - offset);
    left -= available;
    local = dayStart + DAY + open;
  }
}
