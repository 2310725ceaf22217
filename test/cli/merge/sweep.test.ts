import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCENARIO, SWEEP, cli, temporaryDirectory } from '../fixtures/sweep-cli.js';

/** Runs the 12-job sweep as `count` shards and returns their files. */
async function runShards(directory: string, count: number, extra: string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = join(directory, `shard-${index}-of-${count}.jsonl`);
    const { code, err } = await cli([...SWEEP, ...extra, '--shard', `${index}/${count}`, '--out', file]);
    expect(code, err).not.toBe(2);
    files.push(file);
  }
  return files;
}

describe('cutover merge', () => {
  test('the merged shards give exactly the unsharded table, report and verdict, for any shard count', async () => {
    const directory = temporaryDirectory();
    const wholeReport = join(directory, 'whole.html');
    const whole = await cli([...SWEEP, '--report', wholeReport]);
    expect(whole.code).toBe(1);
    for (const count of [1, 2, 3, 5, 13]) {
      const files = await runShards(directory, count);
      const report = join(directory, `merged-${count}.html`);
      const merged = await cli(['merge', ...files.reverse(), '--report', report]);
      expect(merged.code, merged.err).toBe(whole.code);
      expect(merged.out).toBe(whole.out);
      expect(readFileSync(report, 'utf8')).toBe(readFileSync(wholeReport, 'utf8'));
      expect(merged.err).toContain(`Merged      12 of 12 runs of hostile from ${count} file(s)`);
    }
  });

  test('a run found in two files counts once', async () => {
    const directory = temporaryDirectory();
    const whole = await cli([...SWEEP]);
    const files = await runShards(directory, 2);
    const merged = await cli(['merge', ...files, files[0]!]);
    expect(merged.out).toBe(whole.out);
    expect(merged.err).toContain('6 duplicate(s) counted once');
  });

  test('a missing shard is refused with one line naming it, or accepted with --partial', async () => {
    const directory = temporaryDirectory();
    const files = await runShards(directory, 3);
    const refused = await cli(['merge', files[0]!, files[2]!]);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toBe('cutover: error: 4 of 12 runs are missing: shard 2/3 (no runs); run those shards again (they resume from their --out) or pass --partial [CLI_MERGE_INCOMPLETE]\n');
    const partial = await cli(['merge', files[0]!, files[2]!, '--partial', '--json']);
    expect(partial.code).toBe(1);
    const json = JSON.parse(partial.out);
    expect(json).toMatchObject({ scenario: 'hostile', jobs: 12, runs: 8 });
    expect(json.missing).toHaveLength(4);
    expect(json.missing[0]).toEqual({ value: 0, seed: 2, shard: '2/3' });
    expect(json.rows.map((row: { runs: number }) => row.runs)).toEqual([3, 2, 3]);
    expect(partial.err).toContain('Missing     4 of 12 runs are missing: shard 2/3 (no runs)');
  });

  test('files of another sweep are refused', async () => {
    const directory = temporaryDirectory();
    const [first] = await runShards(directory, 2);
    const otherSeeds = join(directory, 'other-seeds.jsonl');
    await cli(['sweep', SCENARIO, '--vary', 'dns.initialMxTtl=0h..20h:10h', '--seeds', '5', '--workers', '0', '--shard', '2/2', '--out', otherSeeds]);
    const seeds = await cli(['merge', first!, otherSeeds]);
    expect(seeds.code).toBe(2);
    expect(seeds.err).toMatch(/^cutover: error: .*other-seeds\.jsonl:1: .*belongs to another sweep .*it ran 5 seeds per value, not 4 \[CLI_MERGE_CAMPAIGN_MISMATCH\]\n$/);
    const otherVary = join(directory, 'other-vary.jsonl');
    await cli(['sweep', SCENARIO, '--vary', 'dns.initialMxTtl=0h..30h:10h', '--seeds', '4', '--workers', '0', '--shard', '2/2', '--out', otherVary]);
    expect((await cli(['merge', first!, otherVary])).err).toContain('it varied dns.initialMxTtl=0h..30h:10h, not dns.initialMxTtl=0h..20h:10h');
  });

  test('two different figures for one run are refused as a conflict', async () => {
    const directory = temporaryDirectory();
    const files = await runShards(directory, 2);
    const tampered = join(directory, 'tampered.jsonl');
    writeFileSync(tampered, readFileSync(files[0]!, 'utf8').replace(/"lost":(\d+)/, '"lost":99'));
    const merged = await cli(['merge', files[0]!, files[1]!, tampered]);
    expect(merged.code).toBe(2);
    expect(merged.err).toMatch(/tampered\.jsonl:\d+: value \d+, seed \d+ gave different figures here and in .*shard-1-of-2\.jsonl:\d+.*\[CLI_MERGE_CONFLICT\]/);
  });

  test('a file that is not a results file, or is missing, is bad input', async () => {
    const directory = temporaryDirectory();
    const foreign = join(directory, 'foreign.jsonl');
    writeFileSync(foreign, '{"value":1}\n');
    expect((await cli(['merge', foreign])).err).toContain('[CLI_MERGE_NOT_RESULTS]');
    const missing = await cli(['merge', join(directory, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ENOENT [CLI_MERGE_READ]');
  });

  test('--out writes one resumable file of the whole campaign', async () => {
    const directory = temporaryDirectory();
    const files = await runShards(directory, 3);
    const combined = join(directory, 'combined.jsonl');
    await cli(['merge', ...files, '--out', combined]);
    const lines = readFileSync(combined, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines[0].shard).toEqual({ index: 1, count: 1 });
    expect(lines.slice(1).map((line) => `${line.value}/${line.seed}`)).toEqual([0, 36_000_000, 72_000_000].flatMap((value) => [1, 2, 3, 4].map((seed) => `${value}/${seed}`)));
    const resumed = await cli([...SWEEP, '--out', combined]);
    expect(resumed.err).toContain('Resuming    12 of 12 runs already in');
    expect(resumed.err).toContain('(0 new, 12 resumed)');
  });
});
