import { InputError } from './errors.js';
import { DAY, HOUR, MINUTE, type Millis } from './time.js';

/**
 * The planner's calendar: a start instant and an IANA time zone. Simulated time stays
 * milliseconds from the start; these functions only convert, purely, between such offsets
 * and local wall-clock times in the zone (Intl.DateTimeFormat with full ICU, as Node 20
 * ships it). No function here reads the current time.
 */
export interface Calendar {
  /** Epoch milliseconds of T+0. */
  startEpoch: number;
  /** IANA time zone, for example "Europe/Berlin" (default "UTC"). */
  timeZone: string;
}

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const formats = new Map<string, { parts: Intl.DateTimeFormat; gb: Intl.DateTimeFormat; us: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string) {
  let entry = formats.get(timeZone);
  if (entry === undefined) {
    const common = { timeZone, hourCycle: 'h23' } as const;
    entry = {
      parts: new Intl.DateTimeFormat('en-GB', { ...common, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' }),
      gb: new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }),
      us: new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }),
    };
    formats.set(timeZone, entry);
  }
  return entry;
}

/** Whether Intl knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatsFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** A calendar from an ISO start date (with offset) and a zone; InputError when either is not valid. */
export function makeCalendar(startDate: string, timeZone = 'UTC', location: { file?: string; path?: string } = {}): Calendar {
  const startEpoch = Date.parse(startDate);
  if (Number.isNaN(startEpoch)) throw new InputError('CALENDAR_START_INVALID', `invalid start date ${JSON.stringify(startDate)}`, location, 'an ISO date-time such as "2025-03-14T19:00:00+01:00"');
  if (!isTimeZone(timeZone)) throw new InputError('CALENDAR_ZONE_INVALID', `unknown time zone ${JSON.stringify(timeZone)}`, location, 'an IANA time zone such as "Europe/Berlin" or "UTC"');
  return { startEpoch, timeZone };
}

export interface LocalTime {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

/** The wall-clock time in the zone at an epoch instant. */
export function localTime(epoch: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatsFor(timeZone).parts.formatToParts(epoch)) parts[part.type] = part.value;
  return {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday as Weekday),
  };
}

/** The zone's UTC offset at an instant (local minus UTC). */
export function utcOffset(epoch: number, timeZone: string): Millis {
  const local = localTime(epoch, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - (epoch - (((epoch % 1000) + 1000) % 1000));
}

/** The zone's short name at an instant ("CET", "EDT"; "GMT+5:30" where the zone has no abbreviation). */
export function zoneName(epoch: number, timeZone: string): string {
  const pick = (format: Intl.DateTimeFormat) => format.formatToParts(epoch).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const { gb, us } = formatsFor(timeZone);
  const british = pick(gb);
  if (!/^(GMT|UTC)[+-]/.test(british)) return british === 'GMT' && timeZone === 'UTC' ? 'UTC' : british;
  const american = pick(us);
  return /^(GMT|UTC)[+-]/.test(american) ? british : american;
}

/**
 * The epoch instant of a local wall-clock time in the zone. In a DST gap the time is taken
 * with the offset before the change (02:30 on a spring-forward night is 03:30); in an overlap, the earlier one.
 */
export function zonedEpoch(local: Omit<LocalTime, 'weekday' | 'second'> & { second?: number }, timeZone: string): number {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const before = naive - utcOffset(naive - DAY, timeZone);
  const after = naive - utcOffset(naive + DAY, timeZone);
  const candidates = [before, after].filter((epoch) => epoch + utcOffset(epoch, timeZone) === naive).sort((a, b) => a - b);
  return candidates[0] ?? before;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** An offset from the start as people read it on a calendar: "Fri 14 Mar 20:00 CET" (to the minute). */
export function formatLocal(at: Millis, calendar: Calendar): string {
  const epoch = calendar.startEpoch + Math.round(at / MINUTE) * MINUTE;
  const local = localTime(epoch, calendar.timeZone);
  return `${WEEKDAYS[local.weekday]} ${local.day} ${MONTHS[local.month - 1]} ${two(local.hour)}:${two(local.minute)} ${zoneName(epoch, calendar.timeZone)}`;
}

/** As formatLocal with the year, for a heading: "Fri 14 Mar 2025 20:00 CET". */
export function formatLocalWithYear(at: Millis, calendar: Calendar): string {
  const epoch = calendar.startEpoch + Math.round(at / MINUTE) * MINUTE;
  const local = localTime(epoch, calendar.timeZone);
  return `${WEEKDAYS[local.weekday]} ${local.day} ${MONTHS[local.month - 1]} ${local.year} ${two(local.hour)}:${two(local.minute)} ${zoneName(epoch, calendar.timeZone)}`;
}

/** A local wall-clock time as an offset from the start (may be negative: before the start). */
export function offsetOfLocal(local: Omit<LocalTime, 'weekday' | 'second'>, calendar: Calendar): Millis {
  return zonedEpoch(local, calendar.timeZone) - calendar.startEpoch;
}

/**
 * The first moment at or after `after` (an offset) that is the given weekday and local time,
 * for business-window anchors ("next Fri 20:00 after initial-sync-done").
 */
export function nextWeekTime(after: Millis, weekday: number, hour: number, minute: number, calendar: Calendar): Millis {
  const local = localTime(calendar.startEpoch + after, calendar.timeZone);
  for (let days = 0; days <= 8; days++) {
    const day = Date.UTC(local.year, local.month - 1, local.day + days);
    // 1970-01-01 was a Thursday (3 with Monday as 0).
    if ((Math.floor(day / DAY) + 3) % 7 !== weekday) continue;
    const date = localTime(day, 'UTC');
    const candidate = offsetOfLocal({ year: date.year, month: date.month, day: date.day, hour, minute }, calendar);
    if (candidate >= after) return candidate;
  }
  return after + 7 * DAY; // unreachable: some day within 8 is the weekday and after `after`
}

/** Milliseconds since local Monday 00:00 at the start: where in the week generated traffic begins. */
export function weekPositionAtStart(calendar: Calendar): Millis {
  const local = localTime(calendar.startEpoch, calendar.timeZone);
  return local.weekday * DAY + local.hour * HOUR + local.minute * MINUTE + local.second * 1000;
}
