import { describe, expect, test } from 'vitest';
import { builtinScenarioNames } from '../../scenarios/index.js';
import { builtinShard, runJson } from './fixtures/builtin-checks.js';

describe('cutover run on the built-in scenarios (first half)', () => {
  test('textbook is among them', () => {
    expect(builtinScenarioNames()).toContain('textbook');
    expect(builtinScenarioNames().length).toBeGreaterThan(2);
  });

  builtinShard(0);

  test('the trace hash is stable for a fixed seed, and the seed matters', async () => {
    const first = await runJson(['run', 'early-batch-delete', '--json', '--seed', '11']);
    const second = await runJson(['run', 'early-batch-delete', '--json', '--seed', '11']);
    expect(second.json.traceHash).toBe(first.json.traceHash);
    expect(second.json.messages).toEqual(first.json.messages);
    const other = await runJson(['run', 'early-batch-delete', '--json', '--seed', '12']);
    expect(other.json.traceHash).not.toBe(first.json.traceHash);
  }, 30_000);
});
