import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Finding (and, on a fresh Debian machine, installing) the Chromium the browser tests drive
 * through playwright-core. playwright-core downloads no browser, so the tests use the
 * system's: the one named by an environment variable, else the first on PATH, else Debian's.
 */

/** Environment variables that name a Chromium (or Chrome) executable, in order of preference. */
export const CHROMIUM_VARIABLES = ['CUTOVER_CHROMIUM', 'CHROMIUM_PATH'] as const;
/** Executable names looked up on PATH, in order. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;
/** Where Debian's `chromium` package puts it, for a PATH without /usr/bin. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** The one command that installs it on Debian or Ubuntu. */
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

export interface Surroundings {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists and may be executed. */
  isExecutable(file: string): boolean;
}

export const isExecutableFile = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const here = (): Surroundings => ({ env: process.env, isExecutable: isExecutableFile });

export type Found = { path: string; from: string } | { path: undefined; problem: string };

/**
 * Where Chromium is. A variable that names a missing file is an error of its own (never
 * silently replaced by another browser), so a CI setting that points nowhere is noticed.
 */
export function findChromium(surroundings: Surroundings = here()): Found {
  for (const name of CHROMIUM_VARIABLES) {
    const value = surroundings.env[name]?.trim();
    if (value === undefined || value === '') continue;
    if (surroundings.isExecutable(value)) return { path: value, from: `$${name}` };
    return { path: undefined, problem: `$${name} is ${value}, which is not an executable file` };
  }
  const directories = (surroundings.env.PATH ?? '').split(delimiter).filter((directory) => directory !== '');
  for (const name of CHROMIUM_NAMES) {
    for (const directory of directories) {
      const candidate = join(directory, name);
      if (surroundings.isExecutable(candidate)) return { path: candidate, from: 'PATH' };
    }
  }
  if (surroundings.isExecutable(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, from: 'Debian' };
  return { path: undefined, problem: `no Chromium found (looked at $${CHROMIUM_VARIABLES.join(', $')}, ${CHROMIUM_NAMES.join(', ')} on PATH, and ${DEBIAN_CHROMIUM})` };
}

/** Runs a command with its output shown; resolves to its exit code. Injectable for tests. */
export type CommandRunner = (command: string, args: readonly string[], env: Record<string, string | undefined>) => number;

export const runVisibly: CommandRunner = (command, args, env) => {
  const outcome = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  return outcome.status ?? 1;
};

export interface Setup extends Surroundings {
  /** Whether this process may install system packages (root). */
  isRoot: boolean;
  /** Whether apt-get is here at all (Debian or Ubuntu). */
  hasAptGet: boolean;
  run: CommandRunner;
  log(line: string): void;
}

const setupHere = (): Setup => ({
  ...here(),
  isRoot: process.getuid?.() === 0,
  hasAptGet: isExecutableFile('/usr/bin/apt-get'),
  run: runVisibly,
  log: (line) => process.stderr.write(`${line}\n`),
});

/**
 * The Chromium the browser tests use, installed first when it is missing and this is root
 * on a machine with apt-get (as `playwright install --with-deps` does for its users).
 * Otherwise throws one line with the command to run.
 */
export function ensureChromium(setup: Setup = setupHere()): string {
  const found = findChromium(setup);
  if (found.path !== undefined) return found.path;
  if (CHROMIUM_VARIABLES.some((name) => (setup.env[name]?.trim() ?? '') !== '')) throw new Error(`browser tests: ${found.problem}`);
  if (!setup.isRoot || !setup.hasAptGet) {
    throw new Error(`browser tests: ${found.problem}. Install it with: sudo ${INSTALL_COMMAND} (or set CUTOVER_CHROMIUM to a Chromium or Chrome executable)`);
  }
  setup.log(`browser tests: ${found.problem}; installing Debian's chromium (${INSTALL_COMMAND})`);
  const env = { ...setup.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const code = setup.run('apt-get', args, env);
    if (code !== 0) throw new Error(`browser tests: "apt-get ${args.join(' ')}" failed (exit code ${code}); install Chromium with: ${INSTALL_COMMAND}`);
  }
  const installed = findChromium(setup);
  if (installed.path === undefined) throw new Error(`browser tests: chromium was installed but ${installed.problem}`);
  return installed.path;
}
