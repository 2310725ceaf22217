import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain JavaScript without type declarations (it runs before TypeScript can load)
import { cliBundle, sourceFingerprint } from '../../bin/source-bundle.mjs';
import { temporaryDirectory } from '../fixtures/temporary.js';

/** A tiny project: the source folders the bundle is built from, with a `cli/main.ts` that reports its own URL. */
function tinyProject(): string {
  const root = temporaryDirectory('bundle');
  for (const folder of ['cli', 'model', 'sim', 'scenarios', 'report', 'testing']) mkdirSync(join(root, folder));
  writeFileSync(join(root, 'sim', 'answer.ts'), 'export const answer: number = 42;\n');
  writeFileSync(join(root, 'cli', 'main.ts'), "import { answer } from '../sim/answer.js';\nexport const main = (): { answer: number; url: string } => ({ answer, url: import.meta.url });\n");
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  return root;
}

describe('the command line bundle', () => {
  test('the fingerprint follows every source file and the lock file', () => {
    const root = tinyProject();
    const first = sourceFingerprint(root);
    expect(sourceFingerprint(root)).toBe(first);
    utimesSync(join(root, 'sim', 'answer.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const touched = sourceFingerprint(root);
    expect(touched).not.toBe(first);
    writeFileSync(join(root, 'model', 'new.ts'), 'export {};\n');
    expect(sourceFingerprint(root)).not.toBe(touched);
  });

  test('is built once per state of the sources, keeps each source its own import.meta.url, and drops stale bundles', async () => {
    const root = tinyProject();
    const file: string = await cliBundle(root);
    expect(file).toContain(join('node_modules', '.cache', 'cutover-twin', 'cli-'));
    const { main } = await import(pathToFileURL(file).href);
    expect(main()).toEqual({ answer: 42, url: pathToFileURL(join(root, 'cli', 'main.ts')).href });
    expect(await cliBundle(root)).toBe(file);
    writeFileSync(join(root, 'sim', 'answer.ts'), 'export const answer: number = 43;\n');
    const rebuilt: string = await cliBundle(root);
    expect(rebuilt).not.toBe(file);
    expect((await import(pathToFileURL(rebuilt).href)).main().answer).toBe(43);
    expect(readdirSync(join(root, 'node_modules', '.cache', 'cutover-twin'))).toEqual([rebuilt.split(/[\\/]/).pop()]);
  });
});
