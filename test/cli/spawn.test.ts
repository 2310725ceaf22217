import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { temporaryDirectory } from '../fixtures/temporary.js';

/**
 * The real `cutover` process, as a user or CI runs it. A known secret in the password's
 * environment variable must not appear in any output, trace or report.
 */
const BIN = resolve('bin/cutover.mjs');
const SECRET = 'S3cret-Pa55w0rd-never-print-me';

function cutover(argv: string[]) {
  const outcome = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, CUTOVER_ADMIN_PASSWORD: SECRET, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: outcome.status, out: outcome.stdout, err: outcome.stderr };
}

describe('bin/cutover.mjs', () => {
  test('replay writes a trace and a report; the password never appears', () => {
    const directory = temporaryDirectory('spawn');
    const trace = join(directory, 'trace.jsonl');
    const report = join(directory, 'report.html');
    const { code, out, err } = cutover(['replay', 'early-batch-delete', '--seed', '1', '--trace', trace, '--report', report]);
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(1);
    expect(out).toContain('Replay      cutover replay early-batch-delete --seed 1');
    expect(out.split('\n').length).toBeLessThanOrEqual(41);
    const traceText = readFileSync(trace, 'utf8');
    const first = JSON.parse(traceText.split('\n')[0]!);
    expect(Object.keys(first)).toEqual(['at', 'kind', 'entity', 'detail']);
    const reportText = readFileSync(report, 'utf8');
    for (const text of [out, err, traceText, reportText]) expect(text).not.toContain(SECRET);
    expect(readdirSync(directory).sort()).toEqual(['report.html', 'trace.jsonl']);
  }, 60_000);

  test('run --json prints only JSON on stdout and agrees with replay on the trace hash', () => {
    const run = cutover(['run', 'test/cli/fixtures/hostile.yaml', '--json', '--seed', '1']);
    const json = JSON.parse(run.out);
    // the fixture deletes the batch a day after the switch: the plan checker's errors give exit 1
    expect(json.findings.some((finding: { severity: string }) => finding.severity === 'error')).toBe(true);
    expect(run.code).toBe(1);
    expect(run.out + run.err).not.toContain(SECRET);
    const replay = cutover(['replay', 'test/cli/fixtures/hostile.yaml', '--json', '--seed', '1']);
    expect(JSON.parse(replay.out).traceHash).toBe(json.traceHash);
  }, 60_000);

  test('a bad flag is one line on stderr and exit 2', () => {
    const { code, out, err } = cutover(['run', 'textbook', '--seed', 'many']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^cutover: error: option '--seed <n>' argument 'many' is invalid\..*\[CLI_BAD_FLAG\]\n$/);
  }, 30_000);
});
