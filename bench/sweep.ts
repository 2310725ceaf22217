/**
 * Sweep throughput (issue 9): the same `cutover sweep` on one worker thread and on every
 * core, each as its own CLI process, so start-up is counted as a user pays it. Reported:
 * the speed-up over one worker (the target), runs per second, and how many cores the
 * one-worker sweep kept busy: V8's compiler and garbage-collector threads run beside the
 * worker, and whatever share of a second core they take is not there to give back.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cpuMillis, type CaseFigures } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const VARY = 'dns.initialMxTtl=1h..4h:1h';
const SEEDS = 100;
const RUNS = 4 * SEEDS;

/** CPU seconds of this process's finished children (Linux: /proc/self/stat cutime + cstime, in clock ticks of 1/100 s); undefined elsewhere. */
function childrenCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function timedSweep(workers: number): { wallMs: number; cpuSeconds: number | undefined } {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawnSync(process.execPath, ['bin/cutover.mjs', 'sweep', 'textbook', '--vary', VARY, '--seeds', String(SEEDS), '--workers', String(workers)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  const wallMs = performance.now() - started;
  const cpuAfter = childrenCpuSeconds();
  // Exit code 1 only says some run lost or bounced mail; anything else is a failure of the sweep.
  if (child.status !== 0 && child.status !== 1) throw new Error(`sweep with ${workers} worker(s) failed (${child.status}): ${child.stderr.slice(-500)}`);
  return { wallMs, cpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

export function sweepThroughput(): CaseFigures {
  const cores = cpus().length;
  const one = timedSweep(1);
  const all = timedSweep(cores);
  const speedUp = one.wallMs / all.wallMs;
  const busy = one.cpuSeconds === undefined ? '' : `; 1 worker kept ${(one.cpuSeconds / (one.wallMs / 1_000)).toFixed(2)} cores busy`;
  return {
    value: speedUp,
    unit: `× faster on ${cores} workers`,
    wallMs: all.wallMs,
    cpuMs: (all.cpuSeconds ?? Number.NaN) * 1_000,
    detail: `textbook --vary ${VARY} --seeds ${SEEDS} (${RUNS} runs): 1 worker ${Math.round(one.wallMs)} ms (${(RUNS / (one.wallMs / 1_000)).toFixed(1)} runs/s), ${cores} workers ${Math.round(all.wallMs)} ms (${(RUNS / (all.wallMs / 1_000)).toFixed(1)} runs/s)${busy}`,
  };
}

/**
 * The sweep's worker pool without the CLI (no start-up): the same jobs per worker on one
 * and on every core. The headline is the pool's efficiency in CPU terms (issue 19): runs per
 * CPU-second on every core divided by runs per CPU-second on one worker, 1 when a second
 * worker costs nothing in coordination or contention. The wall-time speed-up and the cores
 * each kept busy (worker threads plus V8's background threads) are in the detail.
 */
export async function sweepPoolThroughput(jobsPerWorker = 200): Promise<CaseFigures> {
  const { loadScenario } = await import('../scenarios/index.js');
  const { runPool } = await import('../cli/workers/pool.js');
  const entry = new URL('../cli/sweep/worker.ts', import.meta.url);
  const data = { config: loadScenario('textbook').config, path: 'dns.initialMxTtl' };
  const cores = cpus().length;
  const timed = async (workers: number) => {
    const jobs = Array.from({ length: jobsPerWorker * workers }, (_, index) => ({ value: 3_600_000 * (1 + (index % 4)), seed: index + 1 }));
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await runPool({ entry, data, jobs, size: workers });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = cpuMillis(cpu);
    return { wallMs, cpuMs, runs: jobs.length, cores: cpuMs / wallMs };
  };
  const one = await timed(1);
  const all = await timed(cores);
  const perSecond = (figures: { wallMs: number; runs: number }) => figures.runs / (figures.wallMs / 1_000);
  const perCpuSecond = (figures: { cpuMs: number; runs: number }) => figures.runs / (figures.cpuMs / 1_000);
  const efficiency = perCpuSecond(all) / perCpuSecond(one);
  const speedUp = perSecond(all) / perSecond(one);
  return {
    value: efficiency,
    unit: `runs per CPU-second on ${cores} workers ÷ on 1`,
    wallMs: all.wallMs,
    cpuMs: all.cpuMs,
    extra: { efficiency, speedUp },
    detail: `textbook, ${jobsPerWorker} runs per worker, no CLI start-up: 1 worker ${perSecond(one).toFixed(1)} runs/s, ${perCpuSecond(one).toFixed(1)} runs/CPU-s, ${one.cores.toFixed(2)} cores busy; ${cores} workers ${perSecond(all).toFixed(1)} runs/s, ${perCpuSecond(all).toFixed(1)} runs/CPU-s, ${all.cores.toFixed(2)} cores busy; wall speed-up ${speedUp.toFixed(2)}×`,
  };
}
