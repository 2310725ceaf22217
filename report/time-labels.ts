import { formatDuration, formatInstant, toIsoTime, type Millis } from '../sim/index.js';

/**
 * How a simulated instant is shown to people: `T+2d3h`, followed by the calendar time when
 * the scenario has a start date (the simulation itself never reads a calendar).
 */
export function describeInstant(at: Millis | null | undefined, startDate?: string): string {
  if (at === null || at === undefined) return '—';
  const iso = toIsoTime(at, startDate);
  return iso === undefined ? formatInstant(at) : `${formatInstant(at)} (${iso.replace('.000Z', 'Z')})`;
}

/** A duration for people, `—` when unknown. */
export function describeDuration(duration: Millis | null | undefined): string {
  return duration === null || duration === undefined ? '—' : formatDuration(duration);
}
