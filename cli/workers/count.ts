import { availableParallelism, loadavg } from 'node:os';

/**
 * How many worker threads a pool starts when `--workers` is not given: the cores that are
 * free now, that is the available parallelism less the one-minute load average (rounded),
 * at least one and no more than there are jobs. On a shared machine one worker per core made a
 * 200-run sweep 1.44× slower on two workers than on one (issue 18): workers that only wait
 * for a core cost their start-up and the contention, and gain nothing. A load average that is
 * not a finite number (or Windows' zeros) counts as an idle machine.
 */
export function defaultWorkerCount(available: number, loadAverage: number, jobs: number): number {
  const cores = Math.max(1, Math.floor(available));
  const load = Number.isFinite(loadAverage) && loadAverage > 0 ? loadAverage : 0;
  const free = Math.round(cores - load);
  return Math.max(1, Math.min(cores, free, Math.max(1, jobs)));
}

/** `defaultWorkerCount` for this machine, now. */
export const machineWorkerCount = (jobs: number): number => defaultWorkerCount(availableParallelism(), loadavg()[0] ?? 0, jobs);

/**
 * The worker threads a command starts: the `--workers` given, else the default count, except
 * that a default of one becomes 0 (the runs stay in the calling thread): one worker thread
 * would only leave the calling thread waiting, and adds its start-up (a thread, the bundle
 * loaded again) to the sweep, which in a sweep of a few runs is most of its cost.
 */
export function workerThreads(requested: number | undefined, defaultCount: number): number {
  if (requested !== undefined) return requested;
  return defaultCount === 1 ? 0 : defaultCount;
}
