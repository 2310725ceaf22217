import { simulate } from '../../model/simulation.js';
import { runSweepJob, type SweepData, type SweepJob } from './job.js';
import type { SweepRun } from './stats.js';
// Straight from serve.js: this file is a worker's entry, and the folder's index would pull the pool into every worker.
import { serveJobs } from '../workers/serve.js';

/** A sweep worker thread: runs one (value, seed) at a time on the scenario it was given. */
serveJobs<SweepJob, SweepRun, SweepData>((job, data) => runSweepJob(simulate, data, job));
