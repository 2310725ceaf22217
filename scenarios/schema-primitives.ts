import { z } from 'zod';
import { parseDuration } from '../sim/index.js';
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

/** A duration written as text ("72h"); resolved to milliseconds by parseDuration. */
export const duration = z
  .string({ error: `expected ${DURATION_EXPECTED} (a quoted string, not a number)` })
  .regex(new RegExp(DURATION_PATTERN), { error: `expected ${DURATION_EXPECTED}` })
  .refine(isDuration, { error: `expected ${DURATION_EXPECTED}, units from largest to smallest, each once` })
  .describe(DURATION_EXPECTED);

/** A size in bytes (number) or as text ("2.4 GB", Exchange's "1.2 GB (1,288,490,189 bytes)"). */
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

export const count = z
  .number({ error: 'expected a whole number (0 or more)' })
  .int({ error: 'expected a whole number (0 or more)' })
  .nonnegative({ error: 'expected a whole number (0 or more)' });

export const positiveCount = z
  .number({ error: 'expected a whole number (1 or more)' })
  .int({ error: 'expected a whole number (1 or more)' })
  .min(1, { error: 'expected a whole number (1 or more)' });

export const positiveNumber = z
  .number({ error: 'expected a positive number' })
  .positive({ error: 'expected a positive number' });

export const flag = z.boolean({ error: 'expected true or false' });

/** Writes the allowed values into the message, so "expected one of: a, b" is what a user reads. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `expected one of: ${values.join(', ')}` });
