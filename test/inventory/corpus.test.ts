import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cutover, expectOneCleanLine } from '../fixtures/clean-error.js';

/** The inventory CSVs of issue 17: each once gave an internal error, a flood of text or a scenario over the batch limit. */
const CORPUS = join(import.meta.dirname, 'corpus');

const EXPECTED: Record<string, string> = {
  'long-cells.csv': 'CSV_MALFORMED_ROW',
  'nul-binary.csv': 'CSV_SYNTAX',
  'quote-then-binary.csv': 'CSV_SYNTAX',
  'rows-2001.csv': 'CSV_TOO_MANY_MAILBOXES',
  'type-constructor.csv': 'CSV_MALFORMED_ROW',
  'type-proto.csv': 'CSV_MALFORMED_ROW',
};

const cli = (argv: string[]) => cutover(argv);

describe('the issue 17 inventory corpus', () => {
  test('every file in the corpus has an expected outcome', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s: import gives one clean line, exit 2, %s', async (file, code) => {
    const outcome = await cli(['import', join(CORPUS, file)]);
    expectOneCleanLine(outcome, code);
    expect(outcome.out).toBe('');
  });

  test('constructor and __proto__ are named as cells that are not mailbox types', async () => {
    for (const file of ['type-constructor.csv', 'type-proto.csv']) {
      const { err } = await cli(['import', join(CORPUS, file)]);
      expect(err).toMatch(/column RecipientTypeDetails: "(constructor|__proto__)" is not a mailbox type/);
      expect(err).toContain(file);
    }
  });
});

describe('import --split', () => {
  test('2,001 mailboxes become two plans of at most 2,000, each a valid scenario', async () => {
    const { temporaryDirectory } = await import('../fixtures/temporary.js');
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../scenarios/index.js');
    const output = join(temporaryDirectory('split'), 'plan.yaml');
    const outcome = await cli(['import', join(CORPUS, 'rows-2001.csv'), '--split', '-o', output]);
    expect(outcome.code).toBe(0);
    const sizes = [1, 2].map((part) => parseScenario(readFileSync(output.replace(/\.yaml$/, `-${part}.yaml`), 'utf8'), `plan-${part}.yaml`).config.organisation.recipients.length);
    expect(sizes).toEqual([2000, 1]);
  });

  test('--split without --output is a flag error', async () => {
    expectOneCleanLine(await cli(['import', join(CORPUS, 'rows-2001.csv'), '--split']), 'CLI_BAD_FLAG');
  });
});
