import { DAY, HOUR, type Millis } from '../../sim/index.js';

/**
 * Relative mail volume per local hour on a weekday. dns §7.4 gives an assumed curve (no
 * sourced hourly curve exists, dns §6.3/§7.5): ramp 07-09 0.6×, peak 09-11 1.6-2.0× (1.8
 * here), lunch 12-13 0.8×, second peak 14-16 1.4×, tail 17-19 0.6×, night 0.05-0.15×
 * (0.1). The hours it leaves out are interpolated. Normalised below so a weekday averages 1.
 */
const RAW_WEEKDAY_HOURS = [
  0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, // 00-07 night
  0.6, 0.6, // 07-09 ramp
  1.8, 1.8, // 09-11 peak
  1.4, // 11-12 interpolated
  0.8, // 12-13 lunch
  1.1, // 13-14 interpolated
  1.4, 1.4, // 14-16 second peak
  1.0, // 16-17 interpolated
  0.6, 0.6, // 17-19 tail
  0.3, // 19-20 interpolated
  0.1, 0.1, 0.1, 0.1, // 20-24 night
];
const MEAN = RAW_WEEKDAY_HOURS.reduce((sum, value) => sum + value, 0) / 24;

/** Weekday hourly factors averaging 1. */
export const WEEKDAY_HOUR_FACTORS: readonly number[] = RAW_WEEKDAY_HOURS.map((value) => value / MEAN);

export interface CalendarAnchor {
  /** Weekday of T+0, 0 = Monday. */
  startWeekday: number;
  /** Local hour of day of T+0. */
  startHour: number;
  /** A weekend day's volume as a fraction of a weekday's (dns §7.4: 10-20%). */
  weekendFactor: number;
}

/** The volume factor at simulated time `at`: the hour's weekday factor, times the weekend factor on Saturday and Sunday. */
export function volumeFactor(at: Millis, calendar: CalendarAnchor): number {
  const local = at + calendar.startHour * HOUR;
  const hour = Math.floor(local / HOUR) % 24;
  const weekday = (calendar.startWeekday + Math.floor(local / DAY)) % 7;
  const factor = WEEKDAY_HOUR_FACTORS[hour] ?? 1;
  return weekday >= 5 ? factor * calendar.weekendFactor : factor;
}

/**
 * The volume factor of local hour number `localHour` counted from midnight of T+0's day
 * (hour 0 is 00:00-01:00 of the start day): the same factor `volumeFactor` gives at any
 * time inside that hour. Integer hour numbers let the arrival process walk the shape hour
 * by hour without a rounding error moving it across a boundary.
 */
export function hourFactor(localHour: number, calendar: CalendarAnchor): number {
  const factor = WEEKDAY_HOUR_FACTORS[localHour % 24] ?? 1;
  const weekday = (calendar.startWeekday + Math.floor(localHour / 24)) % 7;
  return weekday >= 5 ? factor * calendar.weekendFactor : factor;
}
