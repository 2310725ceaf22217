#!/usr/bin/env node
// The `cutover` command. It runs the TypeScript sources as they are: through one bundle of
// them that esbuild keeps up to date (source-bundle.mjs), or, when that cannot be built or
// CUTOVER_TSX=1 is set, through tsx.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliBundle } from './source-bundle.mjs';

process.stdout.on('error', (error) => {
  // `cutover run x | head` closes the pipe early; that is not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

async function loadMain() {
  if (process.env.CUTOVER_TSX !== '1') {
    try {
      return (await import(pathToFileURL(await cliBundle(fileURLToPath(new URL('..', import.meta.url)))).href)).main;
    } catch {
      // Fall through to tsx: slower to start, same behaviour.
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../cli/main.ts')).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
