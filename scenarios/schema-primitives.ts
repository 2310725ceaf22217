import { z } from 'zod';
import { DAY, parseDuration } from '../sim/index.js';
import { boundedNumber, durationInRange, LIMITS, withDurationRange } from './bounds.js';
import { parseSize, SIZE_EXPECTED, SIZE_PATTERN } from './size.js';

/**
 * The value types of the scenario file format. Every schema carries a `description`
 * (it becomes the JSON Schema text editors show) and an error text saying what was
 * expected, because that text is what a user sees next to file:line:column.
 */

export const DURATION_EXPECTED = 'a duration such as "90s", "15m", "72h", "3d" or "1d12h"';
const DURATION_PATTERN = '^\\s*(0|(\\d+(\\.\\d+)?\\s*(w|d|h|m|s|ms)\\s*)+)$';

const isDuration = (text: string): boolean => {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
};

const anyDuration = durationInRange({ why: 'no timer in a cutover runs longer than a year' });

/**
 * A duration written as text ("72h"); resolved to milliseconds by parseDuration. At most
 * MAX_DURATION (a year) wherever it is used; fields narrow it with withDurationRange.
 */
export const duration = z
  .string({ error: `expected ${DURATION_EXPECTED} (a quoted string, not a number)` })
  .regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` })
  .refine(isDuration, { error: `expected ${DURATION_EXPECTED}, units from largest to smallest, each once` })
  .refine(anyDuration.check, { error: anyDuration.message })
  .describe(DURATION_EXPECTED);

/**
 * A size in bytes (number) or as text ("2.4 GB", Exchange's "1.2 GB (1,288,490,189 bytes)").
 * Whole bytes up to 2^53 here; fields narrow it with withSizeRange.
 */
export const size = z
  .union([z.number().int().nonnegative(), z.string().regex(new RegExp(SIZE_PATTERN), { error: `expected ${SIZE_EXPECTED}` })], { error: `expected ${SIZE_EXPECTED}` })
  .refine((value) => parseSize(value) !== undefined, { error: `expected ${SIZE_EXPECTED}` })
  .describe(SIZE_EXPECTED);

const ADDRESS = /^[^\s@<>()",;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A string that must match `pattern`; one message for a wrong type and a wrong text alike. */
const matching = (pattern: RegExp, expected: string, description: string) =>
  z.string({ error: expected }).regex(pattern, { error: expected }).describe(description);

export const address = matching(ADDRESS, 'expected an email address such as "ana@contoso.com"', 'an SMTP address');

export const hostName = matching(HOST, 'expected a host name such as "mail.contoso.com"', 'a fully qualified host or domain name');

export const environmentVariableName = matching(
  ENV_NAME,
  'expected the name of an environment variable, such as CUTOVER_ADMIN_PASSWORD',
  'name of the environment variable that holds the password (the password itself never goes in a scenario file)',
);

export const probability = z
  .number({ error: 'expected a number between 0 and 1' })
  .min(0, { error: 'expected a number between 0 and 1' })
  .max(1, { error: 'expected a number between 0 and 1' });

/**
 * Unnamed counts and rates still have a ceiling, so a field added without its own range
 * cannot take 1e308: the item limit of a mailbox is the largest count the model holds.
 * Fields with a real limit use boundedCount / boundedNumber (scenarios/bounds.ts).
 */
const GENERIC_WHY = 'the largest count the twin simulates; see docs/scenario-format.md, Ranges';

export const count = boundedNumber({ min: 0, max: LIMITS.itemsPerMailbox, why: GENERIC_WHY, integer: true });

export const positiveCount = boundedNumber({ min: 1, max: LIMITS.itemsPerMailbox, why: GENERIC_WHY, integer: true });

export const positiveNumber = boundedNumber({ min: 0, max: LIMITS.itemsPerMailbox, why: GENERIC_WHY, exclusiveMin: true });

export const flag = z.boolean({ error: 'expected true or false' });

/** Writes the allowed values into the message, so "expected one of: a, b" is what a user reads. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of: ${values.join(', ')}` });

/** An MX TTL: resolvers keep a record at most 1-7 days whatever its TTL says (dns §1, BIND max-cache-ttl 7 d). */
export const mxTtl = (description?: string) =>
  withDurationRange(duration, { max: 30 * DAY, why: 'resolvers keep a record at most 1-7 days whatever its TTL (dns §1)' }, description);
