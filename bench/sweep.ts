/**
 * Sweep throughput (issue 9): the same `cutover sweep` on one worker thread and on every
 * core, each as its own CLI process, so worker start-up is counted as a user pays it.
 * Reported: runs per second on all cores, and the speed-up over one worker in the detail;
 * the target is the speed-up.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CaseFigures } from './engine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const VARY = 'dns.initialMxTtl=1h..4h:1h';
const SEEDS = 16;
const RUNS = 4 * SEEDS;

function timedSweep(workers: number): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'sweep', 'textbook', '--vary', VARY, '--seeds', String(SEEDS), '--workers', String(workers)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallMs = performance.now() - started;
  // Exit code 1 only says some run lost or bounced mail; anything else is a failure of the sweep.
  if (child.status !== 0 && child.status !== 1) throw new Error(`sweep with ${workers} worker(s) failed (${child.status}): ${child.stderr.slice(-500)}`);
  return wallMs;
}

export function sweepThroughput(): CaseFigures {
  const cores = cpus().length;
  const one = timedSweep(1);
  const all = timedSweep(cores);
  const speedUp = one / all;
  return {
    rate: speedUp,
    unit: `× faster on ${cores} workers`,
    wallMs: all,
    detail: `textbook --vary ${VARY} --seeds ${SEEDS} (${RUNS} runs): 1 worker ${Math.round(one)} ms (${(RUNS / (one / 1_000)).toFixed(1)} runs/s), ${cores} workers ${Math.round(all)} ms (${(RUNS / (all / 1_000)).toFixed(1)} runs/s)`,
  };
}
