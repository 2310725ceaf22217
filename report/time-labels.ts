import { MINUTE, HOUR, SECOND, formatDuration, formatInstant, formatLocal, makeCalendar, type Calendar, type Millis } from '../sim/index.js';

/**
 * Rounds a time for people: to the minute from an hour on, to the second below that (no
 * human output shows milliseconds).
 * Machine outputs (JSON, traces) keep exact milliseconds; only displays are rounded.
 */
export function displayRound(at: Millis): Millis {
  const unit = Math.abs(at) >= HOUR ? MINUTE : SECOND;
  return Math.round(at / unit) * unit;
}

/** The calendar of a start date and zone, or undefined when there is none (or it cannot be read). */
export function calendarOf(startDate: string | undefined, timeZone: string | undefined): Calendar | undefined {
  if (startDate === undefined) return undefined;
  try {
    return makeCalendar(startDate, timeZone ?? 'UTC');
  } catch {
    return undefined;
  }
}

/**
 * How a simulated instant is shown to people: `T+2d3h`, and with a start date the local
 * calendar time first, `Wed 5 Mar 15:11 CET (T+2d3h)` (the simulation itself never reads a calendar).
 */
export function describeInstant(at: Millis | null | undefined, startDate?: string, timeZone?: string): string {
  if (at === null || at === undefined) return '—';
  const rounded = displayRound(at);
  const calendar = calendarOf(startDate, timeZone);
  return calendar === undefined ? formatInstant(rounded) : `${formatLocal(rounded, calendar)} (${formatInstant(rounded)})`;
}

/** A duration for people, `—` when unknown. */
export function describeDuration(duration: Millis | null | undefined): string {
  return duration === null || duration === undefined ? '—' : formatDuration(displayRound(duration));
}
