#!/usr/bin/env node
// The `cutover` command. Installed from the package, it runs the built JavaScript (dist/).
// In a clone, where the TypeScript sources are, it runs them as they are (a stale dist/ from
// `npm pack` is never used): through one bundle of them that esbuild keeps up to date
// (source-bundle.mjs), or, when that cannot be built or CUTOVER_TSX=1 is set, through tsx.
// `cutover --version` and `cutover --help` are answered before any of that loads.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.stdout.on('error', (error) => {
  // `cutover run x | head` closes the pipe early; that is not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const root = new URL('..', import.meta.url);
const argv = process.argv.slice(2);
const fromSources = existsSync(new URL('cli/main.ts', root));

/** Where the text of `cutover --help` is kept: written by the build, or cached per source fingerprint. */
async function helpFile() {
  if (!fromSources) return fileURLToPath(new URL('dist/cli/help.txt', root));
  const { sourceFingerprint } = await import('./source-bundle.mjs');
  return fileURLToPath(new URL(`node_modules/.cache/cutover-twin/help-${sourceFingerprint(fileURLToPath(root))}.txt`, root));
}

async function loadMain() {
  if (!fromSources) return (await import('../dist/cli/main.js')).main;
  if (process.env.CUTOVER_TSX !== '1') {
    try {
      const { cliBundle } = await import('./source-bundle.mjs');
      return (await import(pathToFileURL(await cliBundle(fileURLToPath(root))).href)).main;
    } catch {
      // Fall through to tsx: slower to start, same behaviour.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../cli/main.ts')).main;
}

/** Runs `cutover --help` for real and keeps its text for next time. */
async function helpOnce(file) {
  const main = await loadMain();
  const printed = [];
  const io = {
    stdout: (text) => { printed.push(text); process.stdout.write(text); },
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
  const code = await main(argv, io);
  if (code === 0 && fromSources) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}.partial`, printed.join(''));
    renameSync(`${file}.${process.pid}.partial`, file);
    const directory = dirname(file);
    for (const old of readdirSync(directory)) if (old.startsWith('help-') && join(directory, old) !== file && !old.endsWith('.partial')) rmSync(join(directory, old), { force: true });
  }
  return code;
}

const only = argv.length === 1 ? argv[0] : undefined;
if (only === '--version' || only === '-V') {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).version}\n`);
} else if (only === '--help' || only === '-h') {
  const file = await helpFile();
  if (existsSync(file)) process.stdout.write(readFileSync(file, 'utf8'));
  else process.exitCode = await helpOnce(file);
} else {
  const main = await loadMain();
  process.exitCode = await main(argv);
}
