import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../cli/main.js';
import { memoryIo } from '../../cli/io.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

/**
 * `cutover --version` and `cutover --help` answer from bin/cutover.mjs without loading the
 * program (the simulator, commander, the bundle): a process run with a module hook
 * (record-loads.mjs) lists every module it loaded.
 */
const BIN = resolve('bin/cutover.mjs');
const HOOK = resolve('test/bin/record-loads.mjs');
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function cutover(...argv: string[]) {
  const loads = join(temporaryDirectory('loads'), 'loads.txt');
  const outcome = spawnSync(process.execPath, ['--import', HOOK, BIN, ...argv], { encoding: 'utf8', env: { ...process.env, CUTOVER_RECORD_LOADS: loads, NO_COLOR: '1' }, timeout: 60_000 });
  let loaded: string[] = [];
  try {
    loaded = readFileSync(loads, 'utf8').split('\n').filter((url) => url.startsWith('file:'));
  } catch {
    // Nothing loaded from files.
  }
  return { code: outcome.status, out: outcome.stdout, err: outcome.stderr, loaded };
}

const helpText = async () => {
  const io = memoryIo();
  expect(await main(['--help'], io)).toBe(0);
  return io.out.join('');
};

describe('bin/cutover.mjs answers --version and --help without loading the program', () => {
  test('--version and -V print package.json\'s version, loading only the bin', () => {
    for (const flag of ['--version', '-V']) {
      const { code, out, loaded } = cutover(flag);
      expect(code).toBe(0);
      expect(out).toBe(`${VERSION}\n`);
      expect(loaded.map((url) => url.slice(url.lastIndexOf('/') + 1))).toEqual(['cutover.mjs']);
    }
  });

  test('the program\'s own --version is the same', async () => {
    const io = memoryIo();
    await main(['--version'], io);
    expect(io.out.join('')).toBe(`${VERSION}\n`);
  });

  test('--help prints the program\'s help; once it has been asked, again without loading the program', async () => {
    const expected = await helpText();
    const first = cutover('--help');
    expect(first).toMatchObject({ code: 0, out: expected });
    const second = cutover('-h');
    expect(second).toMatchObject({ code: 0, out: expected });
    expect(second.loaded.filter((url) => !url.endsWith('/bin/cutover.mjs') && !url.endsWith('/bin/source-bundle.mjs'))).toEqual([]);
  }, 60_000);

  test('anything else runs the program, for example a subcommand\'s help', async () => {
    const sub = cutover('run', '--help');
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('Usage: cutover run');
    expect(sub.loaded.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
  }, 60_000);
});
