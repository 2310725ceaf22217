import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCENARIO, SWEEP, cli, countingEngine, temporaryDirectory } from '../fixtures/sweep-cli.js';

const linesOf = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
const jobKeys = (file: string) => linesOf(file).slice(1).map((line) => `${line.value}/${line.seed}`).sort();

describe('cutover sweep --out: resuming', () => {
  test('after an interruption mid-line, only the unfinished runs are done again and the table is the same', async () => {
    const directory = temporaryDirectory();
    const out = join(directory, 'runs.jsonl');
    const whole = await cli([...SWEEP, '--out', out]);
    const complete = readFileSync(out, 'utf8');
    const lines = complete.split('\n');
    // keep the header and 5 runs, and cut the 6th run's line in half, as a killed process would
    writeFileSync(out, `${lines.slice(0, 6).join('\n')}\n${lines[6]!.slice(0, 40)}`);
    const engine = countingEngine();
    const resumed = await cli([...SWEEP, '--out', out], engine);
    expect(engine.calls).toBe(12 - 5);
    expect(resumed.code).toBe(whole.code);
    expect(resumed.out).toBe(whole.out);
    expect(resumed.err).toContain('Resuming    5 of 12 runs already in');
    expect(resumed.err).toContain('(1 cut-off or unreadable line(s) dropped)');
    expect(resumed.err).toContain('(7 new, 5 resumed)');
    expect(jobKeys(out)).toEqual(complete.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line)).map((line) => `${line.value}/${line.seed}`).sort());
    expect(linesOf(out)).toHaveLength(13);
  });

  test('runs are saved as they finish, so a crash keeps the finished ones', async () => {
    const directory = temporaryDirectory();
    const out = join(directory, 'runs.jsonl');
    const crashed = await cli([...SWEEP, '--out', out], countingEngine(9));
    expect(crashed.code).toBe(3);
    expect(linesOf(out)).toHaveLength(1 + 8);
    const engine = countingEngine();
    const resumed = await cli([...SWEEP, '--out', out], engine);
    expect(engine.calls).toBe(4);
    expect(resumed.out).toBe((await cli(SWEEP)).out);
  });

  test('a finished file runs nothing again', async () => {
    const out = join(temporaryDirectory(), 'runs.jsonl');
    const first = await cli([...SWEEP, '--out', out]);
    const engine = countingEngine();
    const again = await cli([...SWEEP, '--out', out], engine);
    expect(engine.calls).toBe(0);
    expect(again.out).toBe(first.out);
    expect(linesOf(out)).toHaveLength(13);
  });

  test('a file of another sweep is refused unchanged, unless --fresh', async () => {
    const out = join(temporaryDirectory(), 'runs.jsonl');
    await cli([...SWEEP, '--out', out]);
    const before = readFileSync(out, 'utf8');
    const otherVary = ['sweep', SCENARIO, '--vary', 'dns.initialMxTtl=0h..30h:10h', '--seeds', '4', '--workers', '0', '--out', out];
    const refused = await cli(otherVary);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^cutover: error: --out .*runs\.jsonl: it holds another campaign: it varied dns\.initialMxTtl=0h\.\.20h:10h, not dns\.initialMxTtl=0h\.\.30h:10h; pass --fresh .* \[CLI_SWEEP_CAMPAIGN_MISMATCH\]\n$/);
    expect(readFileSync(out, 'utf8')).toBe(before);
    const fresh = await cli([...otherVary, '--fresh']);
    expect(fresh.code).toBe(1);
    expect(linesOf(out)).toHaveLength(1 + 16);
  });

  test('a changed scenario, another shard, or a file that is not a results file are refused', async () => {
    const directory = temporaryDirectory();
    const out = join(directory, 'runs.jsonl');
    await cli([...SWEEP, '--out', out]);
    const changed = join(directory, 'changed.yaml');
    writeFileSync(changed, readFileSync(SCENARIO, 'utf8').replace('horizon: 48h', 'horizon: 50h'));
    expect((await cli(['sweep', changed, ...SWEEP.slice(2), '--out', out])).err).toContain('the scenario "hostile" was different');
    const shard = join(directory, 'shard.jsonl');
    await cli([...SWEEP, '--shard', '1/2', '--out', shard]);
    expect((await cli([...SWEEP, '--shard', '2/2', '--out', shard])).err).toMatch(/shard\.jsonl: it holds shard 1\/2, not 2\/2; pass --fresh .*\[CLI_SWEEP_SHARD_MISMATCH\]/);
    const foreign = join(directory, 'notes.txt');
    writeFileSync(foreign, 'my notes\n');
    const refused = await cli([...SWEEP, '--out', foreign]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('[CLI_SWEEP_OUT_FOREIGN]');
    expect(readFileSync(foreign, 'utf8')).toBe('my notes\n');
  });
});
