import { readFileSync } from 'node:fs';

/**
 * The package's version, read from its package.json: one truth for `cutover --version`
 * (here and in bin/cutover.mjs's fast path) and the release. The file is one folder up from
 * the sources (cli/) and two from the built JavaScript (dist/cli/).
 */
export function packageVersion(from: string | URL = import.meta.url): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(relative, from), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'cutover-twin' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // Not this folder: try the next.
    }
  }
  return '0.0.0';
}
