import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, memoryIo, type Engine } from '../../cli/index.js';
import { percentile } from '../../cli/sweep/stats.js';
import { traceLineJson } from '../../cli/run/replay.js';
import { fakeEngine } from './fixtures/fake-engine.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

const SCENARIO = 'test/cli/fixtures/hostile.yaml';
const temporary = () => temporaryDirectory('commands');

async function cli(argv: string[], engine: Engine = fakeEngine({ findings: [] })) {
  const io = memoryIo();
  const code = await main(argv, io, engine);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('cutover sweep', () => {
  test('prints a risk table per value and writes the report and the runs', async () => {
    const directory = temporary();
    const report = join(directory, 'sweep.html');
    const runs = join(directory, 'runs.jsonl');
    const { code, out, err } = await cli(['sweep', SCENARIO, '--vary', 'dns.initialMxTtl=0h..20h:10h', '--seeds', '4', '--workers', '0', '--report', report, '--out', runs]);
    expect(code).toBe(1);
    const rows = out.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^dns\.initialMxTtl\s+runs\s+P\(any loss\)\s+mean lost\s+mean bounced\s+mean late\s+old host\s+p50\s+p95 delay\s+p99\s+max$/);
    // the stand-in loses floor(ttl/10h) messages plus one on odd seeds when the TTL is not 0; delays from the fixture's exact histogram
    expect(rows.slice(2)).toEqual([
      expect.stringMatching(/^0s\s+4\s+0\.0%\s+0\.00\s+0\.00\s+12\.00\s+7\.0\s+<1s\s+6m\s+6h1m\s+6h30m$/),
      expect.stringMatching(/^10h\s+4\s+100\.0%\s+1\.50\s+0\.00\s+12\.00\s+7\.0\s+<1s\s+6m\s+6h1m\s+6h30m$/),
      expect.stringMatching(/^20h\s+4\s+100\.0%\s+2\.50\s+0\.00\s+12\.00\s+7\.0\s+<1s\s+6m\s+6h1m\s+6h30m$/),
    ]);
    const [header, ...lines] = readFileSync(runs, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(header).toMatchObject({ cutoverSweep: 1, campaign: { scenario: 'hostile', seeds: 4, jobs: 12 }, shard: { index: 1, count: 1 } });
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatchObject({ campaign: header.campaign.id, value: 0, seed: 1, lost: 0 });
    expect(lines[4]).toMatchObject({ value: 36_000_000, seed: 1, lost: 2 });
    expect(readFileSync(report, 'utf8')).toContain('Risk by dns.initialMxTtl');
    expect(err).toContain(`Report      ${report}`);
  });

  test('exit 0 when no run loses or bounces mail', async () => {
    expect((await cli(['sweep', SCENARIO, '--vary', 'dns.initialMxTtl=0h..0h', '--seeds', '3', '--workers', '0'])).code).toBe(0);
  });
});

describe('percentile', () => {
  test('nearest rank', () => {
    expect(percentile([], 0.95)).toBeNull();
    expect(percentile([5], 0.95)).toBe(5);
    expect(percentile(Array.from({ length: 100 }, (_, index) => 100 - index), 0.95)).toBe(95);
  });
});

describe('cutover replay', () => {
  test('--trace writes one JSON object per trace line', async () => {
    const directory = temporary();
    const trace = join(directory, 'trace.jsonl');
    const { code, err, out } = await cli(['replay', SCENARIO, '--seed', '4', '--trace', trace]);
    expect(code).toBe(0);
    expect(out).toContain('Replay      cutover replay test/cli/fixtures/hostile.yaml --seed 4');
    expect(err).toContain('(2 lines)');
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { at: 0, kind: 'start', entity: 'hostile', detail: '4' },
      { at: 48 * 3_600_000, kind: 'end', entity: 'hostile', detail: 'detail|with|bars' },
    ]);
  });

  test('trace lines with bars in the detail keep it whole', () => {
    expect(traceLineJson('5|smtp|m1|a|b')).toEqual({ at: 5, kind: 'smtp', entity: 'm1', detail: 'a|b' });
  });
});

describe('cutover check', () => {
  test('lists findings with their fix and exits 1 on errors', async () => {
    const { code, out } = await cli(['check', SCENARIO], fakeEngine());
    expect(code).toBe(1);
    expect(out).toContain('✖ preflight.hidden-mailboxes');
    expect(out).toContain('fix: Unhide it');
  });

  test('--json gives rule, severity, time, message, step and fix; no findings exits 0', async () => {
    const failing = JSON.parse((await cli(['check', SCENARIO, '--json'], fakeEngine())).out);
    expect(failing.scenario).toBe('hostile');
    expect(failing.findings[1]).toEqual({
      rule: 'schedule.batch-removed-too-early', severity: 'warning', at: 30 * 3_600_000, atIso: '2025-03-02T14:00:00.000Z',
      message: 'Batch removed 6h after the MX switch', step: 'Step 6: Delete the batch', fix: 'Wait 72h',
    });
    expect(failing.schedule).toMatchObject({ initialSyncDoneAt: { p50: 19 * 3_600_000, p90: 22 * 3_600_000 }, seeds: 3, syncedSeeds: 3 });
    const clean = await cli(['check', SCENARIO]);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('✔ no findings');
  });

  test('prints the schedule even with no findings, on the calendar, over the seeds asked for', async () => {
    const { out } = await cli(['check', SCENARIO, '--seeds', '5']);
    expect(out).toContain('Schedule    for this plan, over 5 seeds (5 synced');
    expect(out).toContain('  initial sync done            Sun 2 Mar 03:00 UTC (T+19h) (P50) … Sun 2 Mar 06:00 UTC (T+22h) (P90)');
    expect(out).toContain('  batch removal                from Wed 5 Mar 08:00 UTC (T+4d)');
    expect(out).toContain('  license deadline             by Mon 31 Mar 08:00 UTC (T+30d)');
  });
});

describe('run recommendations over seeds', () => {
  test('by default from the run alone; with --seeds n from n runs of the plan, and it says so', async () => {
    const one = await cli(['run', SCENARIO, '--seed', '2']);
    expect(one.out).toContain("Recommended for this plan (this run's seed only");
    const three = await cli(['run', SCENARIO, '--seed', '2', '--seeds', '3', '--json']);
    expect(JSON.parse(three.out).recommendations).toMatchObject({ seeds: 3, syncedSeeds: 3 });
    expect(three.err).toContain('seed 4 (3 of 3)');
  });
});

describe('cutover schema and import', () => {
  test('schema prints a JSON Schema', async () => {
    const { code, out } = await cli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveProperty('properties.organisation');
  });

  test('import turns a CSV into a scenario file and never overwrites the CSV', async () => {
    const directory = temporary();
    const csv = join(directory, 'inventory.csv');
    writeFileSync(csv, 'DisplayName,PrimarySmtpAddress,TotalItemSize,ItemCount,RecipientTypeDetails,HiddenFromAddressListsEnabled\n'
      + 'Ann,ann@contoso.com,"1.5 GB (1,610,612,736 bytes)",1200,UserMailbox,False\n');
    const output = join(directory, 'scenario.yaml');
    const imported = await cli(['import', csv, '-o', output]);
    expect(imported.code).toBe(0);
    expect(readFileSync(output, 'utf8')).toContain('ann@contoso.com');
    const refused = await cli(['import', csv, '-o', csv]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('[CLI_OUTPUT_IS_INPUT]');
    expect(readFileSync(csv, 'utf8')).toContain('Ann,ann@contoso.com');
  });
});

describe('run merges the plan checker findings with the run findings', () => {
  test('plan findings first, repeats dropped, and they set the exit code', async () => {
    const { withPlanFindings } = await import('../../cli/run/command.js');
    const { fixtureResult } = await import('../fixtures/simulation-result.js');
    const result = fixtureResult();
    const [error, warning] = result.findings;
    const merged = withPlanFindings({ ...result, findings: [warning!] }, [error!, warning!]);
    expect(merged.findings).toEqual([error, warning]);
    const planOnly: Engine = { ...fakeEngine({ findings: [] }), checkPlan: () => [error!] };
    expect((await cli(['run', SCENARIO, '--seed', '2'], planOnly)).code).toBe(1);
  });
});

describe('sweep progress', () => {
  test('the ETA follows the pace so far', async () => {
    const { eta } = await import('../../cli/progress.js');
    expect(eta(10_000, 1, 4)).toBe(' · ETA 30s   ');
    expect(eta(60_000, 1, 3)).toBe(' · ETA 2m00s   ');
    expect(eta(5_000, 0, 4)).toBe('');
    expect(eta(5_000, 4, 4)).toBe(' · done');
  });
});
