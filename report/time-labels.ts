import { MINUTE, HOUR, SECOND, formatDuration, formatInstant, toIsoTime, type Millis } from '../sim/index.js';

/**
 * Rounds a time for people: to the minute from an hour on, to the second below that.
 * Machine outputs (JSON, traces) keep exact milliseconds; only displays are rounded.
 */
export function displayRound(at: Millis): Millis {
  const unit = Math.abs(at) >= HOUR ? MINUTE : Math.abs(at) >= SECOND ? SECOND : 1;
  return Math.round(at / unit) * unit;
}

/**
 * How a simulated instant is shown to people: `T+2d3h`, followed by the calendar time (to
 * the minute) when the scenario has a start date (the simulation itself never reads a calendar).
 */
export function describeInstant(at: Millis | null | undefined, startDate?: string): string {
  if (at === null || at === undefined) return '—';
  const rounded = displayRound(at);
  const iso = toIsoTime(rounded, startDate);
  return iso === undefined ? formatInstant(rounded) : `${formatInstant(rounded)} (${iso.replace(/:\d\d\.\d{3}Z$/, 'Z')})`;
}

/** A duration for people, `—` when unknown. */
export function describeDuration(duration: Millis | null | undefined): string {
  return duration === null || duration === undefined ? '—' : formatDuration(displayRound(duration));
}
