import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { stringify } from 'yaml';
import { parseScenario } from '../../scenarios/index.js';
import { InputError } from '../../sim/index.js';

/**
 * Whatever the input, parseScenario returns a config or throws an InputError with a code
 * and a location: never another exception (a TypeError would be a crash in front of a user).
 */

const valid = {
  name: 'fuzz',
  seed: 3,
  horizon: '10d',
  organisation: { domain: 'contoso.com', generate: { count: 3, sizeMedian: '1 GB', hiddenCount: 1 }, mailboxes: [{ address: 'ana@contoso.com', size: '2 GB' }] },
  dns: { initialMxTtl: '1d', resolverMix: 'measured' },
  plan: [
    { action: 'set-mx-ttl', ttl: '1h', at: '0s' },
    { action: 'create-batch', at: '1h', autoStart: true },
    { action: 'switch-mx', at: '24h after initial-sync-done' },
    { action: 'remove-batch', after: 'recommended-batch-removal' },
  ],
};

function outcome(text: string, file: string): 'ok' | 'input-error' {
  try {
    parseScenario(text, file);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.code).toMatch(/^[A-Z_]+$/);
    expect(inputError.location.file).toBe(file);
    if (inputError.code !== 'SCENARIO_FILE_UNREADABLE') expect(inputError.location.line).toBeGreaterThanOrEqual(1);
    return 'input-error';
  }
}

/** Replaces the value at a random path of a copy of `base` with `replacement`. */
function mutate(base: unknown, choices: number[], replacement: unknown, asKey: string | undefined): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node: unknown = copy;
  for (const choice of choices) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[choice % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object' || choice % 3 === 0) {
      if (asKey !== undefined && !Array.isArray(node)) (node as Record<string, unknown>)[asKey] = replacement;
      else (node as Record<string, unknown>)[key] = replacement;
      return copy;
    }
    node = child;
  }
  return copy;
}

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, '', '3d', '1 GB', -1, 1e308, 'after', 'switch-mx', true));

describe('parseScenario never crashes', () => {
  test.prop([fc.jsonValue({ maxDepth: 4 })], { numRuns: 150 })('random JSON and YAML values', (value) => {
    outcome(JSON.stringify(value) ?? 'null', 'random.json');
    outcome(stringify(value), 'random.yaml');
  });

  test.prop([fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), anyValue, fc.option(fc.string({ maxLength: 8 }), { nil: undefined })], { numRuns: 250 })(
    'mutated valid scenarios: wrong types, unknown keys',
    (choices, replacement, asKey) => {
      const mutated = mutate(valid, choices, replacement, asKey);
      outcome(stringify(mutated), 'mutated.yaml');
      outcome(JSON.stringify(mutated, null, 2), 'mutated.json');
    },
  );

  test.prop([fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 6 })], { numRuns: 250 })('broken text: cut, spliced', (at, length, insert) => {
    const text = stringify(valid);
    const position = at % (text.length + 1);
    outcome(text.slice(0, position) + insert + text.slice(position + length), 'broken.yaml');
  });

  test.prop([fc.string({ maxLength: 200 })], { numRuns: 200 })('arbitrary text', (text) => {
    outcome(text, 'text.yaml');
  });

  test('the valid base scenario parses (the mutations start from something valid)', () => {
    expect(outcome(stringify(valid), 'valid.yaml')).toBe('ok');
    expect(outcome('a: &a [*a, *a]\nb: *a\n', 'alias.yaml')).toBe('input-error');
    expect(outcome('organisation: !!binary aGVsbG8=\n', 'tag.yaml')).toBe('input-error');
  });
});
