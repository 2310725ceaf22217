import { simulate } from '../model/simulation.js';
import { runSweepJob, type SweepData, type SweepJob } from './sweep-job.js';
import type { SweepRun } from './sweep-stats.js';
import { serveJobs } from './worker-serve.js';

/** A sweep worker thread: runs one (value, seed) at a time on the scenario it was given. */
serveJobs<SweepJob, SweepRun, SweepData>((job, data) => runSweepJob(simulate, data, job));
