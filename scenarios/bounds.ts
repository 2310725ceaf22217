import { z } from 'zod';
import { DAY, formatDuration, parseDuration, type Millis } from '../sim/index.js';
import { formatSize, parseSize } from './size.js';

/**
 * Every number in a scenario file has a range, and every range says why (the real
 * service's limit, a source, or what a laptop can simulate). Out of range is
 * SCENARIO_INVALID_VALUE with the range and the reason, at the value's line and column.
 * The ranges also keep every figure the model derives from them (times, counts, typed
 * array sizes) inside integer milliseconds and 32-bit indexes, so no input reaches an
 * internal error. New fields use these helpers (docs/scenario-format.md, "Ranges").
 */

/** The longest duration any field takes: a year covers a horizon, license grace and every housekeeping timer. */
export const MAX_DURATION: Millis = 366 * DAY;

/** The organisation sizes the twin simulates; a cutover batch takes at most 2,000 (CUT). */
export const LIMITS = {
  /** Mailboxes in one scenario: five times the cutover limit, so a refused too-big batch can be rehearsed. */
  mailboxes: 10_000,
  /** Other recipients (mail users, groups, contacts) and group members, each list. */
  recipients: 10_000,
  /** Explicit messages in a file: each is written by hand to test one path; volume is generated traffic. */
  explicitMessages: 10_000,
  /** Timed actions and faults. */
  planEntries: 1_000,
  /** One cutover batch (CUT: 2,000 mailboxes). */
  batchMailboxes: 2_000,
  /** Items in one mailbox: Exchange Online allows 1 million per folder; ten folders that full is far beyond a real cutover. */
  itemsPerMailbox: 10_000_000,
  /** Largest mailbox: Exchange Online archives grow to 1.5 TB (dns §6.5); primary mailboxes stop at 100 GB. */
  mailboxBytes: 1.5 * 1024 ** 4,
  /** External resolvers and sending MTAs, each a sampled population with per-entity state (default 500). */
  population: 50_000,
  /**
   * Accepted domains besides the primary one. A cutover organisation has a handful; each domain
   * adds a zone and a cache entry per resolver, and users carry a one-byte domain index.
   */
  additionalDomains: 50,
} as const;

const formatNumber = (value: number): string => (Number.isInteger(value) ? value.toLocaleString('en-US') : String(value));

/** "from 1 to 2,000" / "at least 1" as people read a range. */
const rangeText = (min: string, max: string | undefined): string => (max === undefined ? `at least ${min}` : `from ${min} to ${max}`);

export interface NumberRange {
  min: number;
  max: number;
  /** Why these bounds: a source key (CUT, PERF, dns §n), the service's limit, or "laptop". */
  why: string;
  /** Whole numbers only. */
  integer?: boolean;
  /** The lower bound itself is not allowed (a rate that must be above 0). */
  exclusiveMin?: boolean;
}

/** A number within a stated range; JSON Schema gets minimum and maximum from it. */
export function boundedNumber(range: NumberRange) {
  const kind = range.integer ? 'a whole number' : 'a number';
  const lower = range.exclusiveMin ? `above ${formatNumber(range.min)} and up to ${formatNumber(range.max)}` : rangeText(formatNumber(range.min), formatNumber(range.max));
  const message = `expected ${kind} ${lower} (${range.why})`;
  let schema = z.number({ error: message });
  if (range.integer) schema = schema.int({ error: message });
  schema = range.exclusiveMin ? schema.gt(range.min, { error: message }) : schema.min(range.min, { error: message });
  return schema.max(range.max, { error: message });
}

/** A whole number within a stated range. */
export const boundedCount = (min: number, max: number, why: string) => boundedNumber({ min, max, why, integer: true });

export interface DurationRange {
  min?: Millis;
  max?: Millis;
  why: string;
}

const safeDuration = (text: string): Millis | undefined => {
  try {
    return parseDuration(text);
  } catch {
    return undefined;
  }
};

/**
 * Text checks of a duration are the caller's (the `duration` primitive); this adds the range,
 * silent on text that is not a duration so one problem is reported once.
 */
export function durationInRange(range: DurationRange): { check: (text: string) => boolean; message: string; text: string } {
  const min = range.min ?? 0;
  const max = Math.min(range.max ?? MAX_DURATION, MAX_DURATION);
  const text = min > 0 ? rangeText(formatDuration(min), formatDuration(max)) : `at most ${formatDuration(max)}`;
  return {
    check: (value) => {
      const ms = safeDuration(value);
      return ms === undefined || (ms >= min && ms <= max);
    },
    message: `expected a duration ${text} (${range.why})`,
    text,
  };
}

/** Refines a string schema (a duration) to a range. */
export function withDurationRange<T extends z.ZodType<string>>(schema: T, range: DurationRange, description?: string) {
  const bound = durationInRange(range);
  // Beyond MAX_DURATION the `duration` primitive reports it already: one problem, one line.
  const check = (value: string): boolean => (safeDuration(value) ?? 0) > MAX_DURATION || bound.check(value);
  return schema.refine(check, { error: bound.message }).describe(`${description ? `${description}; ` : ''}${bound.text} (${range.why})`);
}

export interface SizeRange {
  min: number;
  max: number;
  why: string;
}

/** Refines a size schema to a byte range (sizes are text or bytes, so the range is checked after parsing). */
export function withSizeRange<T extends z.ZodType<string | number>>(schema: T, range: SizeRange, description?: string) {
  const text = rangeText(formatSize(range.min), formatSize(range.max));
  return schema
    .refine((value) => {
      const bytes = parseSize(value);
      return bytes === undefined || (bytes >= range.min && bytes <= range.max);
    }, { error: `expected a size ${text} (${range.why})` })
    .describe(`${description ? `${description}; ` : ''}${text} (${range.why})`);
}
