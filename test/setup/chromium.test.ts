import { describe, expect, test } from 'vitest';
import { DEBIAN_CHROMIUM, INSTALL_COMMAND, ensureChromium, findChromium, type Setup } from './chromium.js';
import { runName, runsToRemove } from './artifacts.js';

/** A machine with exactly these executables. */
const machine = (files: string[], env: Record<string, string> = {}) => ({ env, isExecutable: (file: string) => files.includes(file) });

const fresh = (overrides: Partial<Setup> & { installs?: string[] } = {}) => {
  const calls: string[] = [];
  const files: string[] = [];
  const setup: Setup = {
    env: { PATH: '/usr/local/bin:/usr/bin' },
    isExecutable: (file) => files.includes(file),
    isRoot: true,
    hasAptGet: true,
    run: (command, args, env) => {
      calls.push(`${env.DEBIAN_FRONTEND ?? ''} ${command} ${args.join(' ')}`.trim());
      if (args[0] === 'install') files.push(...(overrides.installs ?? [DEBIAN_CHROMIUM]));
      return 0;
    },
    log: () => {},
    ...overrides,
  };
  return { setup, calls };
};

describe('finding Chromium', () => {
  test('an environment variable wins, then PATH in its order, then Debian\'s location', () => {
    expect(findChromium(machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { CUTOVER_CHROMIUM: '/opt/chrome/chrome', PATH: '/usr/bin' }))).toEqual({ path: '/opt/chrome/chrome', from: '$CUTOVER_CHROMIUM' });
    expect(findChromium(machine(['/a/google-chrome', '/b/chromium'], { PATH: '/a:/b' }))).toEqual({ path: '/b/chromium', from: 'PATH' });
    expect(findChromium(machine(['/a/google-chrome'], { PATH: '/a:/b' }))).toEqual({ path: '/a/google-chrome', from: 'PATH' });
    expect(findChromium(machine([DEBIAN_CHROMIUM], { PATH: '' }))).toEqual({ path: DEBIAN_CHROMIUM, from: 'Debian' });
  });

  test('an empty PATH and no variable find nothing, and say where they looked', () => {
    const found = findChromium(machine([], { PATH: '' }));
    expect(found.path).toBeUndefined();
    expect(found).toMatchObject({ problem: expect.stringContaining(DEBIAN_CHROMIUM) });
  });

  test('a variable that names a missing file is an error, not a silent fall-back', () => {
    const found = findChromium(machine([DEBIAN_CHROMIUM], { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' }));
    expect(found).toEqual({ path: undefined, problem: '$CHROMIUM_PATH is /nowhere/chrome, which is not an executable file' });
  });
});

describe('setting Chromium up for the browser tests', () => {
  test('present: used as it is, nothing installed', () => {
    const { setup, calls } = fresh({ isExecutable: (file) => file === '/usr/bin/chromium' });
    expect(ensureChromium(setup)).toBe('/usr/bin/chromium');
    expect(calls).toEqual([]);
  });

  test('missing, as root with apt-get: installs Debian\'s chromium non-interactively, then finds it', () => {
    const { setup, calls } = fresh();
    expect(ensureChromium(setup)).toBe(DEBIAN_CHROMIUM);
    expect(calls).toEqual(['noninteractive apt-get update -qq', 'noninteractive apt-get install -y -qq chromium']);
  });

  test('missing, not root: fails with the one command to run', () => {
    const { setup, calls } = fresh({ isRoot: false });
    expect(() => ensureChromium(setup)).toThrow(`Install it with: sudo ${INSTALL_COMMAND}`);
    expect(calls).toEqual([]);
  });

  test('missing on a machine without apt-get: the same one line', () => {
    const { setup } = fresh({ hasAptGet: false });
    expect(() => ensureChromium(setup)).toThrow(INSTALL_COMMAND);
  });

  test('apt-get failing stops with its command and exit code', () => {
    const { setup } = fresh({ run: (_command, args) => (args[0] === 'update' ? 100 : 0) });
    expect(() => ensureChromium(setup)).toThrow('"apt-get update -qq" failed (exit code 100)');
  });

  test('a variable pointing nowhere is never "fixed" by installing another browser', () => {
    const { setup, calls } = fresh({ env: { CUTOVER_CHROMIUM: '/nowhere', PATH: '' } });
    expect(() => ensureChromium(setup)).toThrow('$CUTOVER_CHROMIUM is /nowhere');
    expect(calls).toEqual([]);
  });

  test('an install that leaves no executable behind is reported', () => {
    const { setup } = fresh({ installs: [] });
    expect(() => ensureChromium(setup)).toThrow('chromium was installed but no Chromium found');
  });
});

describe('per-run artifact folders', () => {
  test('a run is named by its start time and process, so names sort by start', () => {
    expect(runName(new Date(Date.UTC(2026, 11, 5, 8, 40, 0, 7)), 1234)).toBe('2026-12-05T08-40-00-007Z-1234');
  });

  test('the oldest runs go so that the new one makes `kept`; other files are left alone', () => {
    const existing = ['2026-12-05T08-40-00-000Z-3', 'notes.txt', '2026-12-04T08-40-00-000Z-1', '2026-12-05T07-00-00-000Z-2'];
    expect(runsToRemove(existing, 2)).toEqual(['2026-12-04T08-40-00-000Z-1', '2026-12-05T07-00-00-000Z-2']);
    expect(runsToRemove(existing, 5)).toEqual([]);
  });
});
