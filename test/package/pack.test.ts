import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../cli/main.js';
import { memoryIo } from '../../cli/io.js';
import { temporaryDirectory } from '../fixtures/temporary.js';
import { consumerProject } from './consumer-lock.js';

/**
 * The package as users get it: `npm pack` (which builds dist/ through prepack), the tarball
 * installed into a new project from the npm cache alone, then used from plain Node 20, from a
 * strict TypeScript project, and through its `cutover` command. Slow (a build and a type-check
 * of the package's declarations with its dependencies': about 40 s of CPU), so it runs in CI
 * (`CI` set, as .ci/run and GitHub Actions do) or when asked with CUTOVER_PACKAGE_TEST=1, and
 * is reported as skipped otherwise. Its own file and vitest project (`package`).
 */
const WANTED = (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') || process.env.CUTOVER_PACKAGE_TEST === '1';
const ROOT = resolve('.');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; exports: Record<string, unknown> };
const ENTRIES = Object.keys(manifest.exports).filter((key) => key !== './package.json').map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let files: string[] = [];
let consumer = '';

const run = (command: string, args: string[], cwd: string) => {
  const outcome = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, timeout: 120_000 });
  return { code: outcome.status, out: outcome.stdout, err: outcome.stderr };
};
const cutover = (...args: string[]) => run('npx', ['--no-install', 'cutover', ...args], consumer);

describe.runIf(WANTED)('the packed npm package', () => {
  beforeAll(() => {
    const packed = temporaryDirectory('pack');
    const pack = run('npm', ['pack', '--json', '--pack-destination', packed], ROOT);
    expect(pack.code, pack.err).toBe(0);
    const report = JSON.parse(pack.out.slice(pack.out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    files = report[0]!.files.map((file) => file.path);
    consumer = temporaryDirectory('consumer');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    const project = consumerProject(lock, manifest, join(packed, report[0]!.filename));
    writeFileSync(join(consumer, 'package.json'), JSON.stringify(project.packageJson, null, 2));
    writeFileSync(join(consumer, 'package-lock.json'), JSON.stringify(project.packageLock, null, 2));
    for (const file of readdirSync(join(ROOT, 'test', 'package', 'consumer'))) copyFileSync(join(ROOT, 'test', 'package', 'consumer', file), join(consumer, file));
    const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);
    expect(install.code, install.err).toBe(0);
  }, 240_000);

  test('holds what users need and nothing else: built JavaScript, declarations, the built dashboard, the docs', () => {
    const top = new Set(files.map((path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : path)));
    expect([...top].sort()).toEqual(['README.md', 'bin', 'dist', 'docs', 'package.json']);
    expect(files.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((path) => /(^|\/)(test|bench|web\/src)\//.test(path))).toEqual([]);
    for (const target of Object.values(manifest.exports).flatMap((value) => (typeof value === 'string' ? [value] : Object.values(value as Record<string, string>)))) {
      expect(files, target).toContain(target.slice(2));
    }
    expect(files).toEqual(expect.arrayContaining(['bin/cutover.mjs', 'dist/scenarios/textbook.yaml', 'dist/web/index.html', 'dist/cli/help.txt', 'dist/cli/sweep/worker.js']));
  });

  test('every entry point imports in plain Node 20 and a built-in scenario runs to the same trace as the sources', async () => {
    const { out, err, code } = run(process.execPath, ['imports.mjs'], consumer);
    expect(code, err).toBe(0);
    const seen = JSON.parse(out) as { exported: Record<string, string[]>; traceHash: string; version: string };
    expect(Object.keys(seen.exported)).toEqual(ENTRIES);
    for (const entry of ENTRIES) expect(seen.exported[entry]!.length, entry).toBeGreaterThan(0);
    expect(seen.exported['cutover-twin']).toContain('simulate');
    expect(seen.version).toBe(manifest.version);
    const { simulate } = await import('../../model/index.js');
    const { builtinScenarioFile, loadScenario } = await import('../../scenarios/index.js');
    expect(seen.traceHash).toBe(simulate(loadScenario(builtinScenarioFile('textbook')!).config, {}).traceHash);
  }, 60_000);

  test('a strict TypeScript project type-checks against it, with no @types of its own', () => {
    const checked = run(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer);
    expect(checked.out + checked.err).toBe('');
    expect(checked.code).toBe(0);
  }, 120_000);

  test('npx cutover runs the built JavaScript: --version, --help as in the sources, a check, a sweep on a worker', async () => {
    expect(cutover('--version')).toMatchObject({ code: 0, out: `${manifest.version}\n` });
    const io = memoryIo();
    await main(['--help'], io);
    expect(cutover('--help')).toMatchObject({ code: 0, out: io.out.join('') });
    expect(cutover('check', 'textbook').code).toBe(0);
    const sweep = cutover('sweep', 'textbook', '--vary', 'dns.initialMxTtl=1h..2h:1h', '--seeds', '1', '--workers', '1');
    expect(sweep.err).not.toMatch(/internal error|\n\s+at /);
    expect(sweep.out).toMatch(/^dns\.initialMxTtl\s+runs/);
    expect(execFileSync('npm', ['ls', '--omit=dev', '--parseable'], { cwd: consumer, encoding: 'utf8' })).not.toMatch(/node_modules\/(vite|tsx|esbuild|typescript)\b/);
  }, 120_000);

  test('cutover serve serves the built dashboard (no sources, no Vite in the package)', async () => {
    // The installed bin itself (npx would stand between this test and the server it must stop).
    const server = spawn(process.execPath, [join(consumer, 'node_modules', '.bin', 'cutover'), 'serve', '--port', '0'], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((found, failed) => {
        let printed = '';
        server.stdout.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          const match = /(http:\/\/\S+\/)/.exec(printed);
          if (match !== null) found(match[1]!);
        });
        server.once('exit', (code) => failed(new Error(`cutover serve exited ${code}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    } finally {
      server.kill();
    }
  }, 60_000);
});
