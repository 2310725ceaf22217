import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CaseRecord, casesOf, cli, fuzzDirectory, plantedBugEngine, verdicts } from './fixture.js';

const RUNS = 13;
const fuzzArgs = (scenario: string, extra: string[] = []) => ['fuzz', scenario, '--runs', String(RUNS), '--seed', '7', '--no-metamorphic', ...extra];

describe('cutover fuzz --out and --shard', () => {
  test('every case is in exactly one shard, and the shards together give the unsharded verdicts', async () => {
    const { directory, scenario } = fuzzDirectory();
    const whole = join(directory, 'whole.jsonl');
    const unsharded = await cli(fuzzArgs(scenario, ['--out', whole]));
    const expected = verdicts(casesOf(whole));
    expect(expected).toHaveLength(RUNS);
    const counterexamples = casesOf(whole).filter((line) => line.verdict === 'counterexample');
    // the planted bug is found in some cases, not all, so the comparison below means something
    expect(counterexamples.length).toBeGreaterThan(0);
    expect(counterexamples.length).toBeLessThan(RUNS);
    expect(unsharded.code).toBe(1);
    for (const count of [2, 3, 5]) {
      const all: CaseRecord[] = [];
      for (let index = 1; index <= count; index++) {
        const file = join(directory, `shard-${index}-of-${count}.jsonl`);
        const shard = await cli(fuzzArgs(scenario, ['--shard', `${index}/${count}`, '--out', file]));
        expect(shard.code, shard.err).not.toBe(2);
        const cases = casesOf(file);
        expect(cases.every((line) => line.case % count === index - 1)).toBe(true);
        all.push(...cases);
      }
      expect(all.map((line) => line.case).sort((a, b) => a - b)).toEqual(Array.from({ length: RUNS }, (_, index) => index));
      expect(verdicts(all)).toEqual(expected);
    }
  });

  test('each counterexample is written beside --out as a scenario file naming its case and replay', async () => {
    const { directory, scenario } = fuzzDirectory();
    const out = join(directory, 'found.jsonl');
    const result = await cli(fuzzArgs(scenario, ['--out', out]));
    const first = casesOf(out).find((line) => line.verdict === 'counterexample')!;
    expect(first.counterexampleFile).toBe(`found.case-${first.case}.yaml`);
    expect(first.path).toMatch(new RegExp(`^${first.case}(:|$)`));
    const text = readFileSync(join(directory, first.counterexampleFile!), 'utf8');
    expect(text).toContain(`# Counterexample found by: cutover fuzz ${scenario} --runs ${RUNS} --seed 7 --no-metamorphic (case ${first.case})`);
    expect(text).toContain(`fast-check: { seed: 7, path: "${first.path}"`);
    expect(result.out).toContain(`Scenario  ${join(directory, first.counterexampleFile!)}`);
    expect(result.out).toMatch(new RegExp(`Replay    cutover replay ${join(directory, first.counterexampleFile!)} --seed \\d+`));
  });

  test('without --out the search stops at the first counterexample, the first case the campaign finds', async () => {
    const { directory, scenario } = fuzzDirectory();
    const out = join(directory, 'all.jsonl');
    await cli(fuzzArgs(scenario, ['--out', out]));
    const first = casesOf(out).find((line) => line.verdict === 'counterexample')!;
    const single = await cli(fuzzArgs(scenario, ['-o', join(directory, 'one.yaml')]));
    expect(single.code).toBe(1);
    expect(single.out).toContain(`Counterexample after ${first.case + 1} cases: ${first.invariant}`);
  });

  test('after a cut-off last line only the unfinished cases run again, and the file ends as the complete one', async () => {
    const { directory, scenario } = fuzzDirectory();
    const out = join(directory, 'cases.jsonl');
    await cli(fuzzArgs(scenario, ['--out', out]));
    const complete = readFileSync(out, 'utf8');
    const lines = complete.split('\n');
    // the header and 6 cases kept, the 7th cut in half as a killed process leaves it
    writeFileSync(out, `${lines.slice(0, 7).join('\n')}\n${lines[7]!.slice(0, 25)}`);
    const resumed = await cli(['fuzz', scenario, '--runs', String(RUNS), '--no-metamorphic', '--out', out]); // no --seed: the file's
    expect(resumed.err).toContain(`Resuming    6 case(s) already in ${out} (1 cut-off or unreadable line(s) dropped)`);
    expect(resumed.out).toContain(`${RUNS} of ${RUNS} run (${RUNS - 6} new, 6 resumed)`);
    expect(readFileSync(out, 'utf8')).toBe(complete);
    const engine = plantedBugEngine();
    const again = await cli(fuzzArgs(scenario, ['--out', out]), engine);
    expect(engine.calls).toBe(0);
    expect(again.out).toContain(`(0 new, ${RUNS} resumed)`);
    expect(again.code).toBe(1);
  });

  test('a file of another campaign or shard, or not a fuzz file, is refused unchanged; --fresh starts again', async () => {
    const { directory, scenario } = fuzzDirectory();
    const out = join(directory, 'cases.jsonl');
    await cli(fuzzArgs(scenario, ['--out', out]));
    const before = readFileSync(out, 'utf8');
    const otherSeed = ['fuzz', scenario, '--runs', String(RUNS), '--seed', '8', '--no-metamorphic', '--out', out];
    const refused = await cli(otherSeed);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^cutover: error: --out .*cases\.jsonl: it holds another campaign: it used --seed 7, not 8; pass --fresh .*\[CLI_FUZZ_CAMPAIGN_MISMATCH\]\n$/);
    expect((await cli(fuzzArgs(scenario, ['--out', out]).filter((arg) => arg !== '--no-metamorphic'))).err).toContain('it was run with --no-metamorphic');
    expect(readFileSync(out, 'utf8')).toBe(before);
    const fresh = await cli([...otherSeed, '--fresh']);
    expect(fresh.code).not.toBe(2);
    expect(JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!).campaign.seed).toBe(8);
    const shard = join(directory, 'shard.jsonl');
    await cli(fuzzArgs(scenario, ['--shard', '1/2', '--out', shard]));
    expect((await cli(fuzzArgs(scenario, ['--shard', '2/2', '--out', shard]))).err).toMatch(/it holds shard 1\/2, not 2\/2; .*\[CLI_FUZZ_SHARD_MISMATCH\]/);
    const notes = join(directory, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    expect((await cli(fuzzArgs(scenario, ['--out', notes]))).err).toContain('[CLI_FUZZ_OUT_FOREIGN]');
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
  });

  test('bad flag combinations are one line and exit 2, before anything is written', async () => {
    const { directory, scenario } = fuzzDirectory();
    const out = join(directory, 'never.jsonl');
    const cases: [string[], RegExp][] = [
      [['--shard', '2/4'], /--shard 2\/4 needs --out/],
      [['--shard', '0/4', '--out', out], /the shard index i must be 1\.\.4/],
      [['--shard', '2', '--out', out], /expected i\/n/],
      [['--fresh'], /--fresh needs --out/],
      [['--out', out, '-o', join(directory, 'x.yaml')], /-o\/--output names the one counterexample/],
    ];
    for (const [extra, message] of cases) {
      const result = await cli(fuzzArgs(scenario, extra));
      expect(result.code, extra.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err.split('\n')).toHaveLength(2);
    }
    const noSeed = await cli(['fuzz', scenario, '--runs', '4', '--shard', '1/2', '--out', out]);
    expect(noSeed.code).toBe(2);
    expect(noSeed.err).toContain('--shard 1/2 needs --seed');
    expect(existsSync(out)).toBe(false);
  });
});
