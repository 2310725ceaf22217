import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, memoryIo, type Engine } from '../../cli/index.js';
import { fakeEngine } from './fixtures/fake-engine.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

const SCENARIO = 'test/cli/fixtures/hostile.yaml';
const temporary = () => temporaryDirectory('cli');

async function cli(argv: string[], engine: Engine = fakeEngine({ findings: [] }), env: Record<string, string> = {}) {
  const io = memoryIo(env);
  const code = await main(argv, io, engine);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** A bad-input failure: exit 2, exactly one line on stderr in the documented form, no stack, nothing on stdout. */
function expectOneLineError(outcome: { code: number; out: string; err: string }, code: string) {
  expect(outcome.code).toBe(2);
  expect(outcome.out).toBe('');
  expect(outcome.err.trimEnd().split('\n')).toHaveLength(1);
  expect(outcome.err).toMatch(/^cutover: error: .+ \[[A-Z_]+\]\n$/);
  expect(outcome.err).toContain(`[${code}]`);
  expect(outcome.err).not.toMatch(/\n\s+at /);
}

describe('cutover run', () => {
  test('--json prints the documented object, with ISO times beside the milliseconds', async () => {
    const { code, out } = await cli(['run', SCENARIO, '--json', '--seed', '2']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['scenario', 'seed', 'traceHash', 'horizon', 'startDate', 'batch', 'mailboxes', 'messages', 'causes', 'causeTable', 'findings', 'recommendations', 'keyTimes', 'migrationStatistics']);
    expect(json).toMatchObject({ scenario: 'hostile', seed: 2, horizon: 48 * 3_600_000, mailboxes: { total: 2, synced: 1, failed: 1 } });
    expect(Object.keys(json.messages)).toEqual(['sent', 'delivered', 'deliveredLate', 'bounced', 'lost', 'stranded', 'recovered', 'pending']);
    expect(json.batch.statusHistory[0]).toEqual({ status: 'Created', at: 600_000, atIso: '2025-03-01T08:10:00.000Z' });
    expect(json.recommendations.initialSyncDoneAt).toEqual({ p50: 19 * 3_600_000, p90: 22 * 3_600_000, p50Iso: '2025-03-02T03:00:00.000Z', p90Iso: '2025-03-02T06:00:00.000Z' });
    expect(json.recommendations.earliestSafeMxSwitchAtIso).toBe('2025-03-02T06:00:00.000Z');
    expect(json.traceHash).toMatch(/^[0-9a-f]{16}$/);
  });

  test('the trace hash is stable for a seed and changes with it', async () => {
    const hash = async (seed: string) => JSON.parse((await cli(['run', SCENARIO, '--json', '--seed', seed])).out).traceHash;
    expect(await hash('5')).toBe(await hash('5'));
    expect(await hash('5')).not.toBe(await hash('6'));
  });

  test('exit code 1 for lost mail or error findings, 0 otherwise', async () => {
    expect((await cli(['run', SCENARIO, '--seed', '2'])).code).toBe(0);
    expect((await cli(['run', SCENARIO, '--seed', '3'])).code).toBe(1); // the stand-in loses one message on odd seeds
    expect((await cli(['run', SCENARIO, '--seed', '2'], fakeEngine())).code).toBe(1); // error findings
  });

  test('the summary fits one screen, has no colour off a terminal, and says how to replay', async () => {
    const { out } = await cli(['run', SCENARIO, '--seed', '3', '--until', '36h']);
    expect(out.split('\n').length).toBeLessThanOrEqual(40);
    expect(out).not.toContain('\u001b[');
    expect(out).toContain('✖ 1 lost, 0 bounced');
    expect(out).toContain('Replay      cutover replay test/cli/fixtures/hostile.yaml --seed 3 --until 1d12h');
    expect(out).toContain('Observed in this run');
    expect(out).toContain('  initial sync done            Sun 2 Mar 04:00 UTC (T+20h)');
    expect(out).toContain('Recommended for this plan (this run\'s seed only');
    expect(out).toContain('  earliest safe MX switch      Sun 2 Mar 06:00 UTC (T+22h)');
  });

  test('--report writes the HTML report atomically and says where', async () => {
    const directory = temporary();
    const report = join(directory, 'report.html');
    const { code, out } = await cli(['run', SCENARIO, '--seed', '2', '--report', report]);
    expect(code).toBe(0);
    expect(out).toContain(`Report      ${report}`);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('cutover replay test/cli/fixtures/hostile.yaml --seed 2');
  });

  test('never overwrites the input file', async () => {
    const directory = temporary();
    const input = join(directory, 'plan.yaml');
    const text = readFileSync(SCENARIO, 'utf8');
    writeFileSync(input, text);
    const outcome = await cli(['run', input, '--report', join(directory, '.', 'plan.yaml')]);
    expectOneLineError(outcome, 'CLI_OUTPUT_IS_INPUT');
    expect(readFileSync(input, 'utf8')).toBe(text);
  });
});

describe('bad flags and bad files', () => {
  const cases: [string, string[], string][] = [
    ['a seed that is not a number', ['run', SCENARIO, '--seed', 'abc'], 'CLI_BAD_FLAG'],
    ['an unknown option', ['run', SCENARIO, '--sed', '3'], 'CLI_BAD_FLAG'],
    ['a missing file argument', ['run'], 'CLI_BAD_FLAG'],
    ['an unknown command', ['rnu', SCENARIO], 'CLI_BAD_FLAG'],
    ['a bad duration', ['run', SCENARIO, '--until', '3 fortnights'], 'CLI_BAD_FLAG'],
    ['replay without a seed', ['replay', SCENARIO], 'CLI_BAD_FLAG'],
    ['a bad --vary', ['sweep', SCENARIO, '--vary', 'dns.initialMxTtl=5h..1h'], 'CLI_BAD_FLAG'],
    ['a --vary path that does not exist', ['sweep', SCENARIO, '--vary', 'dns.initialMxTTL=1h..5h', '--workers', '0'], 'CLI_BAD_VARY'],
    ['a missing scenario file', ['run', 'no/such/plan.yaml', '--report', 'never.html'], 'SCENARIO_FILE_UNREADABLE'],
    ['a report in a missing directory', ['run', SCENARIO, '--report', 'no/such/dir/r.html'], 'CLI_OUTPUT_DIRECTORY'],
    ['a missing CSV', ['import', 'no-such.csv'], 'CLI_FILE_UNREADABLE'],
  ];
  test.each(cases)('%s: exit 2 and one clear line', async (_name, argv, code) => {
    expectOneLineError(await cli(argv), code);
  });

  test('a scenario with a bad value names the file, line and field', async () => {
    const directory = temporary();
    const file = join(directory, 'bad.yaml');
    writeFileSync(file, 'organisation:\n  domain: contoso.com\n  mailboxes:\n    - { address: not-an-address }\n');
    const outcome = await cli(['run', file, '--report', join(directory, 'r.html')]);
    expect(outcome.code).toBe(2);
    expect(outcome.err).toMatch(new RegExp(`^cutover: error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:`));
    expect(existsSync(join(directory, 'r.html'))).toBe(false);
  });

  test('nothing is written when a flag is bad', async () => {
    const directory = temporary();
    await cli(['run', SCENARIO, '--report', join(directory, 'r.html'), '--seed', '-1']);
    expect(existsSync(join(directory, 'r.html'))).toBe(false);
  });

  test('an internal error is one line and exit 3; CUTOVER_DEBUG=1 adds the stack', async () => {
    const broken: Engine = { ...fakeEngine(), simulate: () => { throw new TypeError('boom'); } };
    const quiet = await cli(['run', SCENARIO], broken);
    expect(quiet.code).toBe(3);
    expect(quiet.err).toMatch(/^cutover: internal error: boom — please report/);
    expect(quiet.err.trimEnd().split('\n')).toHaveLength(1);
    const loud = await cli(['run', SCENARIO], broken, { CUTOVER_DEBUG: '1' });
    expect(loud.err).toContain('TypeError: boom');
  });
});

describe('help', () => {
  test.each(['run', 'check', 'sweep', 'replay', 'import', 'schema'])('%s --help has examples and exits 0', async (command) => {
    const { code, out } = await cli([command, '--help']);
    expect(code).toBe(0);
    expect(out).toContain('Examples:');
    expect(out).toContain(`cutover ${command}`);
  });
});
