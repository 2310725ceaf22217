import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { casesOf, cli, fuzzDirectory, plantedBugEngine } from './fixture.js';

const RUNS = 12;

/** Runs the 12-case campaign (seed 7) as `count` shards in `directory`; returns the files. */
async function fuzzShards(directory: string, scenario: string, count: number, seed = '7'): Promise<string[]> {
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = join(directory, `fuzz-${seed}-${index}-of-${count}.jsonl`);
    const { code, err } = await cli(['fuzz', scenario, '--runs', String(RUNS), '--seed', seed, '--no-metamorphic', '--shard', `${index}/${count}`, '--out', file]);
    expect(code, err).not.toBe(2);
    files.push(file);
  }
  return files;
}

describe('cutover merge on fuzz results', () => {
  test('the merged shards give the unsharded campaign\'s verdicts, each counterexample with its file and replay, exit 1', async () => {
    const { directory, scenario } = fuzzDirectory();
    const whole = join(directory, 'whole.jsonl');
    await cli(['fuzz', scenario, '--runs', String(RUNS), '--seed', '7', '--no-metamorphic', '--out', whole]);
    const files = await fuzzShards(directory, scenario, 3);
    const merged = await cli(['merge', ...[...files].reverse(), '--json']);
    expect(merged.code).toBe(1);
    const json = JSON.parse(merged.out);
    expect(json).toMatchObject({ kind: 'fuzz', scenario: 'tiny', seed: 7, runs: RUNS, casesRun: RUNS, missing: [] });
    expect(json.verdicts).toEqual(casesOf(whole).map(({ case: index, verdict, invariant }) => ({ case: index, verdict, ...(invariant === undefined ? {} : { invariant }) })));
    const expectedCases = casesOf(whole).filter((line) => line.verdict === 'counterexample').map((line) => line.case);
    expect(json.counterexamples.map((found: { case: number }) => found.case)).toEqual(expectedCases);
    const text = await cli(['merge', ...files]);
    expect(text.err).toContain(`Merged      ${RUNS} of ${RUNS} fuzz cases of tiny from 3 file(s) (shards 1/3, 2/3, 3/3)`);
    expect(text.out).toContain(`Fuzz        tiny: ${RUNS} of ${RUNS} cases run (seed 7), ${expectedCases.length} counterexample(s)`);
    const first = expectedCases[0]!;
    const shardFile = files.find((file) => file.includes(`-${(first % 3) + 1}-of-3`))!;
    const counterexample = shardFile.replace(/\.jsonl$/, `.case-${first}.yaml`);
    expect(text.out).toContain(`  Scenario  ${counterexample}\n  Replay    cutover replay ${counterexample} --seed `);
    expect(readFileSync(counterexample, 'utf8')).toContain(`(case ${first})`);
    expect(text.out).toContain(`Search      cutover fuzz ${scenario} --runs ${RUNS} --seed 7 --no-metamorphic`);
  });

  test('missing shards and cut-off cases are reported, not refused; duplicates count once', async () => {
    const { directory, scenario } = fuzzDirectory();
    const files = await fuzzShards(directory, scenario, 3);
    const [first, second, third] = files as [string, string, string];
    const lines = readFileSync(third, 'utf8').split('\n');
    writeFileSync(third, `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 10)}`); // 2 of its 4 cases kept, the 3rd cut
    const merged = await cli(['merge', first, third, first]);
    expect(merged.code).not.toBe(2);
    expect(merged.err).toContain('Merged      6 of 12 fuzz cases of tiny from 3 file(s) (shards 1/3, 3/3), 4 duplicate(s) counted once, 1 cut-off line(s) ignored');
    expect(merged.out).toContain('Incomplete  6 of 12 cases were not run: shard 2/3 (no cases), shard 3/3 (2 of 4 missing); run those shards again');
    const asJson = await cli(['merge', first, third, '--json']);
    expect(asJson.err).toContain('Missing     6 of 12 cases were not run: shard 2/3 (no cases), shard 3/3 (2 of 4 missing)');
    const json = JSON.parse(asJson.out);
    expect(json.missing.slice(0, 2)).toEqual([{ case: 1, shard: '2/3' }, { case: 4, shard: '2/3' }]);
    const complete = await cli(['merge', first, second, third, '--json']);
    expect(JSON.parse(complete.out).casesRun).toBe(10);
    expect((await cli(['merge', second])).code).toBe(JSON.parse((await cli(['merge', second, '--json'])).out).counterexamples.length > 0 ? 1 : 0);
  });

  test('a campaign without counterexamples merges with exit 0', async () => {
    const { directory, scenario } = fuzzDirectory();
    const out = join(directory, 'clean.jsonl');
    const fuzzed = await cli(['fuzz', scenario, '--runs', '4', '--seed', '7', '--out', out], plantedBugEngine({ bug: false }));
    expect(fuzzed.code).toBe(0);
    expect(casesOf(out).map((line) => line.verdict)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const merged = await cli(['merge', out]);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('4 of 4 cases run (seed 7), 0 counterexample(s)');
  });

  test('files of another campaign, a sweep file among fuzz files, or conflicting verdicts are refused with exit 2', async () => {
    const { directory, scenario } = fuzzDirectory();
    const [first] = await fuzzShards(directory, scenario, 2);
    const [, otherSeed] = await fuzzShards(directory, scenario, 2, '8');
    const mixed = await cli(['merge', first!, otherSeed!]);
    expect(mixed.code).toBe(2);
    expect(mixed.out).toBe('');
    expect(mixed.err).toMatch(/^cutover: error: .*fuzz-8-2-of-2\.jsonl:1: .*belongs to another fuzz campaign than .*: it used --seed 8, not 7 \[CLI_MERGE_CAMPAIGN_MISMATCH\]\n$/);
    const sweep = join(directory, 'sweep.jsonl');
    expect((await cli(['sweep', scenario, '--vary', 'dns.initialMxTtl=1h..2h:1h', '--seeds', '1', '--workers', '0', '--out', sweep])).code).not.toBe(2);
    const withSweep = await cli(['merge', first!, sweep]);
    expect(withSweep.code).toBe(2);
    expect(withSweep.err).toMatch(/sweep\.jsonl:1: .*is not a fuzz results file, but .* is; .*\[CLI_MERGE_CAMPAIGN_MISMATCH\]/);
    expect((await cli(['merge', sweep, first!])).code).toBe(2);
    const tampered = join(directory, 'tampered.jsonl');
    const text = readFileSync(first!, 'utf8');
    writeFileSync(tampered, text.includes('"verdict":"ok"') ? text.replace('"verdict":"ok"', '"verdict":"counterexample","invariant":"made-up"') : text.replace(/"verdict":"counterexample","invariant":"[^"]*"/, '"verdict":"ok"'));
    const conflict = await cli(['merge', first!, tampered]);
    expect(conflict.code).toBe(2);
    expect(conflict.err).toMatch(/tampered\.jsonl:\d+: case \d+ gave another verdict here than in .*fuzz-7-1-of-2\.jsonl:\d+.*\[CLI_MERGE_CONFLICT\]/);
    const report = await cli(['merge', first!, '--report', join(directory, 'r.html')]);
    expect(report.code).toBe(2);
    expect(report.err).toContain('--report is for sweep results');
  });

  test('--out writes the merged campaign as one file of shard 1/1 that fuzz then resumes in full', async () => {
    const { directory, scenario } = fuzzDirectory();
    const files = await fuzzShards(directory, scenario, 2);
    const combined = join(directory, 'combined.jsonl');
    await cli(['merge', ...files, '--out', combined]);
    expect(JSON.parse(readFileSync(combined, 'utf8').split('\n')[0]!).shard).toEqual({ index: 1, count: 1 });
    expect(casesOf(combined).map((line) => line.case)).toEqual(Array.from({ length: RUNS }, (_, index) => index));
    const resumed = await cli(['fuzz', scenario, '--runs', String(RUNS), '--seed', '7', '--no-metamorphic', '--out', combined]);
    expect(resumed.out).toContain(`(0 new, ${RUNS} resumed)`);
  });
});
