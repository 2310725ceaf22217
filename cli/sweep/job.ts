import type { SimulationConfig } from '../../model/config.js';
import type { SimulationResult } from '../../model/result.js';
import { setNumberAtPath } from '../config-path.js';
import { sweepRun, type SweepRun } from './stats.js';

export interface SweepJob {
  value: number;
  seed: number;
}

export interface SweepData {
  config: SimulationConfig;
  path: string;
}

/** The scenario of one sweep run: a copy of the base with the varied value and the seed set. */
export function sweepConfig(data: SweepData, job: SweepJob): SimulationConfig {
  const config = structuredClone(data.config);
  setNumberAtPath(config, data.path, job.value);
  config.seed = job.seed;
  return config;
}

/** One sweep run, the same in a worker thread and in the main thread (`--workers 0`). */
export function runSweepJob(simulate: (config: SimulationConfig, options: { trace?: boolean }) => SimulationResult, data: SweepData, job: SweepJob): SweepRun {
  return sweepRun(simulate(sweepConfig(data, job), { trace: false }), job.value);
}
