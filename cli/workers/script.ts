import { fileURLToPath } from 'node:url';

/**
 * The script a pool's worker threads run: the TypeScript entry and everything it imports,
 * bundled once by esbuild into one CommonJS script, run with `eval` (nothing written to
 * disk; CommonJS so that dependencies may `require` Node's own modules). Registering tsx in every worker instead resolved and loaded each source file
 * through tsx's loader thread again per worker: about half a second of every worker's
 * start, paid while the others start too (issue 9, docs/performance.md). Undefined when
 * esbuild cannot bundle here; the pool then falls back to tsx.
 */
export async function bundledWorkerScript(entry: URL): Promise<string | undefined> {
  const cached = bundles.get(entry.href);
  if (cached !== undefined) return cached;
  let script: string | undefined;
  try {
    const { build } = await import('esbuild');
    const output = await build({ entryPoints: [fileURLToPath(entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
    script = output.outputFiles[0]?.text;
  } catch {
    script = undefined;
  }
  bundles.set(entry.href, script);
  return script;
}

/** One bundle per entry and process: a campaign of shards or a test run starts many pools. */
const bundles = new Map<string, string | undefined>();
