// The command line as one JavaScript bundle of the TypeScript sources, built by esbuild on
// first use and again after any source changes, kept in node_modules/.cache/cutover-twin.
// Loading ~150 sources through tsx's loader thread took about half a second of every
// command's start (issue 9); the bundle loads in a few milliseconds. Plain JavaScript: it
// runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The folders whose TypeScript the command line is built from. */
const SOURCE_FOLDERS = ['cli', 'model', 'sim', 'scenarios', 'report', 'testing'];

/**
 * A short hash of every source file's path, size and modification time, and of the
 * installed packages (package-lock.json): a bundle is reused only while it matches.
 */
export function sourceFingerprint(root) {
  const hash = createHash('sha256');
  for (const folder of SOURCE_FOLDERS) {
    const files = readdirSync(join(root, folder), { recursive: true }).map(String).filter((name) => name.endsWith('.ts')).sort();
    for (const name of files) {
      const file = join(root, folder, name);
      const { size, mtimeMs } = statSync(file);
      hash.update(`${relative(root, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  const lock = statSync(join(root, 'package-lock.json'), { throwIfNoEntry: false });
  hash.update(`lock\0${lock?.size}\0${lock?.mtimeMs}\0${process.version}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Each source keeps its own `import.meta.url` inside the bundle, so paths next to a source
 * (the built-in scenarios, chart.js, the dashboard, sweep workers) resolve as they do when
 * the sources run through tsx.
 */
export const ownMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

/**
 * The path of an up-to-date bundle of `cli/main.ts`, building it when there is none
 * (written under a temporary name, then renamed, so concurrent commands never read half a
 * file). Older bundles are removed. Throws when esbuild cannot build it.
 */
export async function cliBundle(root) {
  const directory = join(root, 'node_modules', '.cache', 'cutover-twin');
  const file = join(directory, `cli-${sourceFingerprint(root)}.mjs`);
  if (statSync(file, { throwIfNoEntry: false }) !== undefined) return file;
  const { build } = await import('esbuild');
  const output = await build({
    entryPoints: [join(root, 'cli', 'main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', write: false, logLevel: 'silent', plugins: [ownMetaUrl],
  });
  mkdirSync(directory, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, output.outputFiles[0].text);
  renameSync(partial, file);
  for (const old of readdirSync(directory)) {
    if (old.startsWith('cli-') && join(directory, old) !== file && !old.endsWith('.partial')) rmSync(join(directory, old), { force: true });
  }
  return file;
}
