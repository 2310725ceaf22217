import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect } from 'vitest';
import { stringify } from 'yaml';
import { CONTROL, cutover } from '../fixtures/clean-error.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

/**
 * The generator of issue 17: mutated scenarios and inventory CSVs (hostile numbers,
 * durations, keys and text at random places) through load, check, run and import. Whatever
 * the input, the exit code is 0, 1 or 2, never 3 (an internal error) or a crash, and stderr
 * holds nothing a terminal would act on. Inputs are small and runs get a tiny work budget
 * (--budget 0.05: 1.5 million events, 100 MB), so each case is bounded without a timed test.
 */

const directory = temporaryDirectory('input-fuzz');
let written = 0;
let simulated = 0;
const fileWith = (text: string, extension: string): string => {
  const file = join(directory, `case-${written++}.${extension}`);
  writeFileSync(file, text);
  return file;
};

const base = {
  seed: 2,
  horizon: '2d',
  organisation: { domain: 'contoso.com', generate: { count: 2, sizeMedian: '50 MB' }, mailboxes: [{ address: 'ana@contoso.com', size: '20 MB', items: 100 }] },
  migration: { incrementalInterval: '12h', stallDuration: '30m' },
  dns: { initialMxTtl: '1h', resolverCount: 5 },
  senders: { senderCount: 5, profileOverrides: { postfix: { queueLifetime: '1d' } } },
  mailFlow: { generated: { messagesPerUserPerDay: 4 }, explicit: [{ at: '1h', from: 'x@fabrikam.com', to: 'ana@contoso.com' }] },
  plan: [
    { action: 'create-endpoint', at: '10m' },
    { action: 'create-batch', at: '20m', autoStart: true },
    { action: 'switch-mx', at: '2h after initial-sync-done' },
    { action: 'remove-batch', after: 'recommended-batch-removal' },
  ],
  faults: [{ kind: 'on-prem-outage', from: '3h', until: '4h' }],
};

const hostileText = fc.constantFrom(
  'seed\u001b]0;PWNED\u0007\u001b[2J', 'verify-domain\r', 'a\u0000b', '\u202eevil', 'constructor', '__proto__', 'toString', 'hasOwnProperty',
  'A'.repeat(5_000), '', ' ', '0', '1e308', '-1', 'NaN', 'Infinity',
);
const hostileNumber = fc.constantFrom(0, -1, 0.5, 1e308, -1e308, 9007199254740993, 2 ** 31, 2 ** 32, 1e9, 2001, 10_001);
const hostileDuration = fc.constantFrom('0', '0s', '1ms', '59s', '366d', '367d', '99999999999d', '1.5ms', '100000d', '1w', '24h after start');
const hostileValue = fc.oneof(hostileText, hostileNumber, hostileDuration, fc.constant(null), fc.constant(true), fc.jsonValue({ maxDepth: 2 }));
const hostileKey = fc.oneof(hostileText, fc.string({ maxLength: 12 }));

/** Replaces (or, with a key, adds beside) the value at a path picked by `choices`. */
function mutate(value: unknown, choices: readonly number[], replacement: unknown, key: string | undefined): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = copy;
  for (const choice of choices) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const picked = keys[choice % keys.length]!;
    const child = (node as Record<string, unknown>)[picked];
    if (child === null || typeof child !== 'object' || choice % 4 === 0) {
      if (key !== undefined && !Array.isArray(node)) Object.defineProperty(node, key, { value: replacement, enumerable: true, configurable: true, writable: true });
      else (node as Record<string, unknown>)[picked] = replacement;
      return copy;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

function expectCleanOutcome(outcome: { code: number; err: string }): void {
  expect([0, 1, 2]).toContain(outcome.code);
  expect(outcome.err).not.toMatch(CONTROL);
  for (const line of outcome.err.split('\n')) expect(line.length).toBeLessThan(1_100);
  if (outcome.code === 2) expect(outcome.err.trimEnd().split('\n')).toHaveLength(1);
}

const mutation = fc.tuple(
  fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  hostileValue,
  fc.option(hostileKey, { nil: undefined }),
);

describe('mutated scenarios never reach an internal error', () => {
  test.prop([fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean()], { numRuns: 60 })('check', async (mutations, asJson) => {
    const scenario = mutations.reduce<unknown>((current, [choices, value, key]) => mutate(current, choices, value, key), base);
    const file = asJson ? fileWith(JSON.stringify(scenario), 'json') : fileWith(stringify(scenario), 'yaml');
    expectCleanOutcome(await cutover(['check', file]));
  });

  // About one single mutation in four leaves a valid scenario; the example (another seed) is one for sure,
  // so the check after the property asks that a valid scenario is simulated, not that chance drew one.
  test.prop([mutation], { numRuns: 25, examples: [[[[0], 3, undefined]]] })('run, with a small work budget', async ([choices, value, key]) => {
    const file = fileWith(stringify(mutate(base, choices, value, key)), 'yaml');
    const outcome = await cutover(['run', file, '--budget', '0.05']);
    expectCleanOutcome(outcome);
    if (outcome.code !== 2) simulated++;
  });

  afterAll(() => {
    // Most single mutations leave a valid scenario: the property must have run some, not only refused them.
    expect(simulated).toBeGreaterThan(0);
  });

  test.prop([fc.nat(), fc.nat({ max: 40 }), fc.oneof(hostileText, fc.string({ maxLength: 6 }))], { numRuns: 40 })('cut and spliced text', async (at, length, insert) => {
    const text = stringify(base);
    const position = at % (text.length + 1);
    expectCleanOutcome(await cutover(['check', fileWith(text.slice(0, position) + insert + text.slice(position + length), 'yaml')]));
  });
});

const HEADER = ['DisplayName', 'PrimarySmtpAddress', 'TotalItemSize', 'ItemCount', 'RecipientTypeDetails', 'HiddenFromAddressListsEnabled'];
const ROWS = [
  ['Ana', 'ana@contoso.com', '1.2 GB (1,288,490,189 bytes)', '1,200', 'UserMailbox', 'False'],
  ['Ben', 'ben@contoso.com', '300 MB', '900', 'SharedMailbox', 'True'],
  ['Discovery', 'discovery@contoso.com', '0 B', '0', 'DiscoveryMailbox', 'True'],
];
const csvCell = fc.oneof(hostileText, fc.string({ maxLength: 10 }), fc.constantFrom('"', '","', '\n', '\r\n', '""', 'x"y', '99999999999999999999 TB', '1e400'));
const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

describe('mutated inventories never reach an internal error', () => {
  test.prop([fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 5 }), csvCell, fc.boolean()), { minLength: 1, maxLength: 4 }), fc.boolean()], { numRuns: 60 })(
    'import',
    async (edits, keepGoing) => {
      const table = [HEADER, ...ROWS].map((row) => [...row]);
      for (const [row, column, cell, raw] of edits) table[row]![column] = raw ? cell : quote(cell);
      const file = fileWith(table.map((row) => row.map((cell, index) => (index === 0 ? cell : quote(cell))).join(',')).join('\n'), 'csv');
      expectCleanOutcome(await cutover(['import', file, ...(keepGoing ? ['--keep-going'] : [])]));
    },
  );
});
