import { DAY, WEEK, nextWeekTime, offsetOfLocal, WEEKDAYS, type Calendar, type Millis } from '../sim/index.js';

/**
 * Plan times on the planner's calendar (with `startDate` and `timeZone`):
 *   at: "2025-03-14 20:00"                        local time in the scenario's zone (or with an offset, "…T20:00+01:00")
 *   at: "next Fri 20:00 after initial-sync-done"  the first Friday 20:00 at or after the event
 *   at: "Fri 20:00"                               the first Friday 20:00 at or after the start
 */
export const CALENDAR_AT_PATTERN = /^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/;
const DAY_NAMES = 'mon|tue|wed|thu|fri|sat|sun';
export const WINDOW_AT_PATTERN = new RegExp(`^\\s*(?:next\\s+)?(${DAY_NAMES})[a-z]*\\s+(\\d{1,2}):(\\d{2})(?:\\s+after\\s+([A-Za-z-]+))?\\s*$`, 'i');
export const CALENDAR_AT_EXPECTED = 'a local time "2025-03-14 20:00", or "next Fri 20:00 after <event>"';

/** How far ahead window moments are listed (a year: longer than any plan the twin simulates). */
const WINDOW_SPAN: Millis = 366 * DAY;

export type CalendarTime = { kind: 'at'; at: Millis } | { kind: 'window'; anchor: string | undefined; moments: Millis[] };

/** A calendar-time `at:` as an offset from the start, or window moments; undefined when the text is not one. */
export function calendarTime(text: string, calendar: Calendar): CalendarTime | undefined {
  const exact = CALENDAR_AT_PATTERN.exec(text);
  if (exact) {
    const [, year, month, day, hour, minute, second, zone] = exact;
    const fields = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute) };
    if (zone !== undefined) {
      const iso = `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`}`;
      return { kind: 'at', at: Date.parse(iso) - calendar.startEpoch };
    }
    return { kind: 'at', at: offsetOfLocal(fields, calendar) + Number(second ?? 0) * 1000 };
  }
  const window = WINDOW_AT_PATTERN.exec(text);
  if (window) {
    const [, name = '', hour, minute, anchor] = window;
    const weekday = WEEKDAYS.findIndex((day) => day.toLowerCase() === name.slice(0, 3).toLowerCase());
    const moments: Millis[] = [];
    // Start a week early: an anchor fires at or after T+0, and the first moment after it may be in the first days.
    for (let from = 0; from <= WINDOW_SPAN; from += WEEK) {
      const moment = nextWeekTime(from, weekday, Number(hour), Number(minute), calendar);
      if (moments.at(-1) !== moment) moments.push(moment);
    }
    return { kind: 'window', anchor, moments };
  }
  return undefined;
}

export const isCalendarTime = (text: string): boolean => CALENDAR_AT_PATTERN.test(text) || WINDOW_AT_PATTERN.test(text);
