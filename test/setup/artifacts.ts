import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where every run's folder of browser artifacts (screenshots, opened reports) goes; gitignored. */
export const ARTIFACTS_ROOT = resolve('test-artifacts');
/** How many runs' folders are kept; older ones are removed when a run starts. */
export const KEPT_RUNS = 5;

/** A run's name: its start time (sortable) and process id, for example 2026-12-05T08-40-00-000Z-1234. */
export const runName = (start: Date, pid: number): string => `${start.toISOString().replace(/[:.]/g, '-')}-${pid}`;

/** The run folders to remove so that, with the new one, `kept` remain (oldest first by name). */
export function runsToRemove(existing: readonly string[], kept: number): string[] {
  const runs = existing.filter((name) => /^\d{4}-\d\d-\d\dT/.test(name)).sort();
  return runs.slice(0, Math.max(0, runs.length - (kept - 1)));
}

/** Makes this run's artifacts folder under `root`, pruning the oldest runs. */
export function runArtifactsDirectory(root = ARTIFACTS_ROOT, start = new Date(), pid = process.pid): string {
  mkdirSync(root, { recursive: true });
  for (const old of runsToRemove(readdirSync(root), KEPT_RUNS)) rmSync(join(root, old), { recursive: true, force: true });
  const directory = join(root, runName(start, pid));
  mkdirSync(directory, { recursive: true });
  return directory;
}
