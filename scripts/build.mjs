// `npm run build` (and `npm pack` / `npm publish`, through prepack): the package's JavaScript
// and type declarations in dist/, as users install it. Development runs the sources and
// never needs this (bin/cutover.mjs).
//   dist/<folder>/*.js + *.d.ts   tsc -p tsconfig.build.json (cli, model, sim, scenarios, testing, report)
//   dist/scenarios/*.yaml         the built-in scenarios, found beside their module
//   dist/web/                     the dashboard, built by Vite, served by `cutover serve`
//   dist/cli/help.txt             `cutover --help`, answered without loading the program
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const step = (text) => process.stderr.write(`build: ${text}\n`);

rmSync(dist, { recursive: true, force: true });

step('tsc -p tsconfig.build.json');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

for (const file of readdirSync(join(root, 'scenarios')).filter((name) => name.endsWith('.yaml'))) {
  copyFileSync(join(root, 'scenarios', file), join(dist, 'scenarios', file));
}

step('vite build (dashboard)');
const { build } = await import('vite');
await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir: join(dist, 'web'), emptyOutDir: true } });

const { main } = await import(pathToFileURL(join(dist, 'cli', 'main.js')).href);
const help = [];
const code = await main(['--help'], { stdout: (text) => help.push(text), stderr: (text) => process.stderr.write(text), stdoutIsTTY: false, stderrIsTTY: false, env: {} });
if (code !== 0) throw new Error(`cutover --help exited ${code}`);
writeFileSync(join(dist, 'cli', 'help.txt'), help.join(''));
step('done: dist/');
