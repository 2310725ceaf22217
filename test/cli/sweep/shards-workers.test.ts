import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, memoryIo } from '../../../cli/index.js';
import { temporaryDirectory } from '../fixtures/sweep-cli.js';

/** Sharding and resuming with the real simulation, the resumed part on worker threads. */
describe('cutover sweep shards with the real simulation', () => {
  test('shards, one interrupted and resumed on worker threads, merge to the main thread\'s table', async () => {
    const argv = ['sweep', 'test/cli/fixtures/hostile.yaml', '--vary', 'dns.initialMxTtl=1h..25h:24h', '--seeds', '3'];
    const directory = temporaryDirectory();
    const [first, second] = [join(directory, 'a.jsonl'), join(directory, 'b.jsonl')];
    const run = async (extra: string[]) => {
      const io = memoryIo();
      const code = await main([...argv, ...extra], io);
      return { code, out: io.out.join(''), err: io.err.join('') };
    };
    await run(['--workers', '0', '--shard', '1/2', '--out', first]);
    const lines = readFileSync(first, 'utf8').split('\n');
    writeFileSync(first, `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 30)}`);
    expect((await run(['--workers', '2', '--shard', '1/2', '--out', first])).err).toContain('(2 new, 1 resumed)');
    await run(['--workers', '0', '--shard', '2/2', '--out', second]);
    const merged = memoryIo();
    const mergedCode = await main(['merge', second, first], merged);
    const inline = await run(['--workers', '0']);
    expect(mergedCode).toBe(inline.code);
    expect(merged.out.join('')).toBe(inline.out);
  }, 60_000);
});
