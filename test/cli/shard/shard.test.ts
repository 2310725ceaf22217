import { InvalidArgumentError } from 'commander';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { inShard, parseShard, shardIndices, shardOf } from '../../../cli/shard/shard.js';
import { SWEEP, cli, temporaryDirectory } from '../fixtures/sweep-cli.js';

describe('shard split', () => {
  test.prop([fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 300 })], { numRuns: 200 })('every job is in exactly one shard, and shards differ in size by at most one', (count, total) => {
    const owners = new Array<number>(total).fill(0);
    const sizes: number[] = [];
    let disagreements = 0;
    for (let index = 1; index <= count; index++) {
      const mine = shardIndices(total, { index, count });
      sizes.push(mine.length);
      for (const job of mine) {
        owners[job]!++;
        if (!inShard(job, { index, count }) || shardOf(job, count).index !== index) disagreements++;
      }
    }
    expect(disagreements).toBe(0);
    expect(owners.every((owned) => owned === 1)).toBe(true);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test('one shard of one is the whole list, in order', () => {
    expect(shardIndices(5, { index: 1, count: 1 })).toEqual([0, 1, 2, 3, 4]);
    expect(shardIndices(7, { index: 2, count: 3 })).toEqual([1, 4]);
  });
});

describe('parseShard', () => {
  test('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  test.each(['0/3', '4/3', '3', 'a/b', '1/0', '-1/2', '2/4/1', '1.5/2', ''])('refuses %j', (text) => {
    expect(() => parseShard(text)).toThrow(InvalidArgumentError);
  });
});

describe('cutover sweep --shard flags', () => {
  test.each(['0/3', '4/3', 'two/three', '1/0'])('--shard %s exits 2 with one line', async (shard) => {
    const out = `${temporaryDirectory()}/runs.jsonl`;
    const { code, err, out: printed } = await cli([...SWEEP, '--shard', shard, '--out', out]);
    expect(code).toBe(2);
    expect(printed).toBe('');
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^cutover: error: .*--shard.*\[CLI_BAD_FLAG\]$/m);
  });

  test('--shard without --out is refused before anything runs', async () => {
    const { code, err } = await cli([...SWEEP, '--shard', '1/2']);
    expect(code).toBe(2);
    expect(err).toBe('cutover: error: --shard 1/2 needs --out: a shard\'s runs are merged from that file with cutover merge (see cutover sweep --help) [CLI_BAD_FLAG]\n');
  });

  test('--fresh without --out is refused too', async () => {
    const { code, err } = await cli([...SWEEP, '--fresh']);
    expect(code).toBe(2);
    expect(err).toMatch(/^cutover: error: --fresh needs --out: .*\[CLI_BAD_FLAG\]\n$/);
  });
});
