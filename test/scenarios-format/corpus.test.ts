import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cutover, expectOneCleanLine } from '../fixtures/clean-error.js';

/**
 * The minimal inputs of issue 17 (each once crashed V8, spun, flooded memory, reached an
 * internal error or wrote to the terminal). Each must now be one clean error line, exit 2,
 * with the stable code named here, through the real engine.
 */
const CORPUS = join(import.meta.dirname, 'corpus');

/** File → the code `run` gives; `check` gives the same unless it is listed in CHECK_PASSES. */
const EXPECTED: Record<string, string> = {
  'action-carriage-return.yaml': 'SCENARIO_INVALID_VALUE',
  'complex-key.yaml': 'SCENARIO_UNKNOWN_KEY',
  'generate-count-huge.yaml': 'SCENARIO_INVALID_VALUE',
  'horizon-huge.yaml': 'SCENARIO_INVALID_VALUE',
  'incremental-interval-zero.yaml': 'SCENARIO_INVALID_VALUE',
  'items-per-gb-huge.yaml': 'SCENARIO_INVALID_VALUE',
  'items-per-gb-unsafe.yaml': 'SCENARIO_INVALID_VALUE',
  'messages-per-day-huge.yaml': 'SCENARIO_INVALID_VALUE',
  'over-budget.yaml': 'SCENARIO_OVER_BUDGET',
  'resolver-count-huge.yaml': 'SCENARIO_INVALID_VALUE',
  'sender-count-huge.yaml': 'SCENARIO_INVALID_VALUE',
  'unknown-key-escape.yaml': 'SCENARIO_UNKNOWN_KEY',
};
/** Valid scenarios too big to run: `check` does not simulate, so it has no work budget. */
const CHECK_PASSES = new Set(['over-budget.yaml']);

const cli = (argv: string[]) => cutover(argv);

describe('the issue 17 corpus', () => {
  test('every file in the corpus has an expected outcome', () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s: run gives one clean line, exit 2, %s', async (file, code) => {
    expectOneCleanLine(await cli(['run', join(CORPUS, file)]), code);
  });

  test.each(Object.entries(EXPECTED))('%s: check gives one clean line, or passes when it needs no run', async (file, code) => {
    const outcome = await cli(['check', join(CORPUS, file)]);
    if (CHECK_PASSES.has(file)) expect([0, 1]).toContain(outcome.code);
    else expectOneCleanLine(outcome, code);
  });

  test('the unknown key with an escape sequence is echoed with the escapes visible', async () => {
    const { err } = await cli(['check', join(CORPUS, 'unknown-key-escape.yaml')]);
    expect(err).toContain('unknown key "seed\\x1b]0;PWNED\\x07\\x1b[2J"');
  });

  test('a range error names the line, the column, the range and why', async () => {
    const { err } = await cli(['check', join(CORPUS, 'incremental-interval-zero.yaml')]);
    expect(err).toMatch(/incremental-interval-zero\.yaml:2:35: migration\.incrementalInterval: expected a duration from 1h to 30d \(MMB: every 24 hours/);
  });

  test('the over-budget run names its size and the flag that raises the budget', async () => {
    const { err } = await cli(['run', join(CORPUS, 'over-budget.yaml')]);
    expect(err).toMatch(/about [\d,]+ messages, [\d,]+ engine events and [\d.]+ GB/);
    expect(err).toMatch(/--budget \d+/);
  });
});
