import { formatDuration, toIsoTime, type Millis } from '../sim/index.js';

/** A simulated instant as the console prints it: calendar time (UTC) when the scenario has a start date, and always T+. */
export function consoleDate(at: Millis, startDate: string | undefined): string {
  const offset = at <= 0 ? 'T+0' : `T+${formatDuration(Math.floor(at / 1000) * 1000)}`;
  const iso = toIsoTime(at, startDate);
  return iso === undefined ? offset : `${iso.slice(0, 19).replace('T', ' ')} UTC (${offset})`;
}
