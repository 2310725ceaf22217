import { InputError } from './errors.js';

/**
 * Simulated time is an integer number of milliseconds since the scenario started.
 * Durations use the same unit. Integers keep equal times exactly equal, so the event
 * order (time, insertion sequence) never depends on floating-point rounding.
 */
export type Millis = number;

export const SECOND: Millis = 1_000;
export const MINUTE: Millis = 60 * SECOND;
export const HOUR: Millis = 60 * MINUTE;
export const DAY: Millis = 24 * HOUR;
export const WEEK: Millis = 7 * DAY;

const UNIT_MILLIS: Record<string, Millis> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE, s: SECOND, ms: 1 };
const UNIT_ORDER = ['w', 'd', 'h', 'm', 's', 'ms'];
const TERM = /(\d+(?:\.\d+)?)(ms|w|d|h|m|s)/y;

export const seconds = (n: number): Millis => Math.round(n * SECOND);
export const minutes = (n: number): Millis => Math.round(n * MINUTE);
export const hours = (n: number): Millis => Math.round(n * HOUR);
export const days = (n: number): Millis => Math.round(n * DAY);

/**
 * Parses a duration as people write it: "90s", "15m", "72h", "30d", "1d12h", "1.5h", "250ms".
 * Units must appear from largest to smallest, each at most once. Plain "0" is zero.
 * Anything else is refused with an InputError naming what was expected.
 */
export function parseDuration(text: string, location: { file?: string; path?: string; line?: number; column?: number } = {}): Millis {
  const expected = 'a duration such as "90s", "15m", "72h", "30d" or "1d12h" (units w, d, h, m, s, ms)';
  const fail = (why: string): never => {
    throw new InputError('DURATION_INVALID', `invalid duration ${JSON.stringify(text)}: ${why}; expected ${expected}`, location, expected);
  };
  if (typeof text !== 'string') return fail('not a string');
  const source = text.trim().replace(/\s+/g, '');
  if (source === '0') return 0;
  if (source === '') return fail('it is empty');
  let total = 0;
  let lastUnit = -1;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < source.length) {
    const start = TERM.lastIndex;
    const match = TERM.exec(source);
    if (match === null) return fail(`unexpected text at "${source.slice(start)}"`);
    const [, amount = '', unit = ''] = match;
    const unitIndex = UNIT_ORDER.indexOf(unit);
    if (unitIndex <= lastUnit) return fail(`unit "${unit}" is repeated or out of order`);
    lastUnit = unitIndex;
    total += Number(amount) * (UNIT_MILLIS[unit] ?? 0);
  }
  const rounded = Math.round(total);
  if (Math.abs(rounded - total) > 1e-6) return fail('it is not a whole number of milliseconds');
  if (!Number.isSafeInteger(rounded)) return fail('it is too large');
  return rounded;
}

/** Prints a duration the way people write it: 90_000 → "1m30s", 129_600_000 → "1d12h", 0 → "0s". */
export function formatDuration(ms: Millis): string {
  if (!Number.isFinite(ms)) return ms > 0 ? 'never' : '-never';
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  let text = '';
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MILLIS[unit] ?? 1;
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return sign + text;
}

/**
 * A duration for people: to the minute from an hour on, to the second below that, so no
 * human output shows milliseconds (machine outputs keep them).
 */
export function formatDurationForPeople(ms: Millis): string {
  const unit = Math.abs(ms) >= HOUR ? MINUTE : Math.abs(ms) >= SECOND ? SECOND : 1;
  return formatDuration(Math.round(ms / unit) * unit);
}

/** An instant for people, "T+2d3h", rounded like formatDurationForPeople. */
export const formatInstantForPeople = (at: Millis): string => (Math.round(at / SECOND) === 0 ? 'T+0' : `T+${formatDurationForPeople(at)}`);

/** A simulated instant as an ISO timestamp, when the scenario has a start date. */
export function toIsoTime(at: Millis, startIso: string | undefined): string | undefined {
  if (startIso === undefined) return undefined;
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) return undefined;
  return new Date(start + at).toISOString();
}

/** "+2d3h" style offset from the start, for terminal output and traces. */
export const formatInstant = (at: Millis): string => (at === 0 ? 'T+0' : `T+${formatDuration(at)}`);
