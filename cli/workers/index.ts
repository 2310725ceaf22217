/** A pool of worker threads and how many to start. */
export { serveJobs } from './serve.js';
export { runPool } from './pool.js';
export { machineWorkerCount, workerThreads } from './count.js';
