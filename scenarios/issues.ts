import type { z } from 'zod';
import type { Document, LineCounter } from 'yaml';
import { InputError, safeText } from '../sim/index.js';
import { allowedKeys, closestKey } from './known-keys.js';
import { formatPath, keyLocator, locate } from './locate.js';
import { scenarioSchema } from './schema.js';

/**
 * Turns zod issues into InputErrors a person can act on: the file, line and column of the
 * offending key or value, the dotted path, and what was expected. Unknown keys get their
 * own code and, when one is close, the key that was probably meant.
 */

const PASSWORD_KEY = /^(password|pass|pwd|secret)$/i;

function expectation(issue: z.core.$ZodIssue): string {
  const message = issue.message;
  if (issue.code === 'invalid_type' && /^Invalid input/.test(message)) return `expected ${issue.expected}`;
  if (issue.code === 'invalid_union' && /^Invalid input/.test(message)) return 'expected a value of another form (see docs/scenario-format.md)';
  return message;
}

export function issueToErrors(issue: z.core.$ZodIssue, document: Document, lines: LineCounter, file: string, data: unknown): InputError[] {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(scenarioSchema, path, data);
    const positionOf = keyLocator(document, lines, path);
    return issue.keys.map((key) => {
      const position = positionOf(key);
      const where = { file, line: position.line, column: position.column, path: formatPath([...path, key]) };
      if (PASSWORD_KEY.test(key)) {
        return new InputError('SCENARIO_PLAINTEXT_PASSWORD',
          `a password is never written in a scenario file; write \`passwordEnv: CUTOVER_ADMIN_PASSWORD\` (the name of an environment variable that holds it) instead of \`${safeText(key)}\``,
          where, 'passwordEnv: <environment variable name>');
      }
      const suggestion = key.length > 64 ? undefined : closestKey(key, allowed);
      const known = allowed.length > 0 ? `; allowed here: ${allowed.join(', ')}` : '';
      return new InputError('SCENARIO_UNKNOWN_KEY',
        `unknown key "${safeText(key)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}${known}`, where, allowed.join(', '));
    });
  }
  const position = locate(document, lines, path);
  const where = { file, line: position.line, column: position.column, path: formatPath(path) };
  const expected = expectation(issue);
  if (!position.exact && issue.code === 'invalid_type') {
    const missing = String(path[path.length - 1]);
    const wanted = expected.replace(/ \(a quoted string, not a number\)$/, '');
    return [new InputError('SCENARIO_MISSING_KEY', `missing required key "${missing}": ${wanted}`, where, wanted)];
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const given = valueAt(data, path);
    const suggestion = typeof given === 'string' && given.length <= 64 ? closestKey(given, issue.options.map(String)) : undefined;
    if (suggestion) return [new InputError('SCENARIO_INVALID_VALUE', `"${safeText(given)}" is not known (did you mean "${suggestion}"?); ${expected}`, where, expected)];
  }
  return [new InputError('SCENARIO_INVALID_VALUE', expected, where, expected)];
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const segment of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  return value;
}

/** Orders errors by where they are in the file, so "the first error" is the first a reader meets. */
export function byPosition(a: InputError, b: InputError): number {
  return (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0);
}
