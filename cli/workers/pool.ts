import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../sim/index.js';
import type { JobMessage, ReplyMessage } from './serve.js';
import { machineWorkerCount } from './count.js';
import { bundledWorkerScript } from './script.js';

export interface PoolOptions<J, D, R = unknown> {
  /** The worker's entry (it calls `serveJobs`): TypeScript, bundled once into one script (worker-script.ts), or built JavaScript, run as it is. */
  entry: URL;
  /** Data every worker gets once (for example the resolved scenario). */
  data: D;
  jobs: readonly J[];
  /** Worker threads; defaults to the cores free now (worker-count.ts), never more than there are jobs. */
  size?: number;
  onProgress?: (done: number, total: number) => void;
  /** 'bundle' (the default) starts workers from one esbuild bundle, 'tsx' loads the sources through tsx in each worker (also the fallback when bundling fails). */
  loader?: 'bundle' | 'tsx';
  /** Called with each result as it arrives (in finishing order), for example to save it at once. */
  onResult?: (result: R, index: number) => void;
}

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

/**
 * Runs jobs on a pool of worker threads and gives back the results in job order, whatever
 * order they finish in (so output does not depend on scheduling). The first failing job
 * stops the pool and its error is raised (an InputError keeps its code).
 */
export async function runPool<J, R, D>(options: PoolOptions<J, D, R>): Promise<R[]> {
  const total = options.jobs.length;
  const results = new Array<R>(total);
  if (total === 0) return results;
  const size = Math.max(1, Math.min(options.size ?? machineWorkerCount(total), total));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  // Built JavaScript (the installed package) runs as it is; TypeScript sources are bundled or go through tsx.
  const plain = /\.m?js$/.test(options.entry.pathname);
  const script = plain || options.loader === 'tsx' ? undefined : await bundledWorkerScript(options.entry);
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        if (!failed) { failed = true; reject(error); }
      };
      const feed = (worker: Worker) => {
        if (failed || next >= total) return;
        const id = next++;
        worker.postMessage({ id, job: options.jobs[id]! } satisfies JobMessage<J>);
      };
      for (let index = 0; index < size; index++) {
        const workerData = { entry: options.entry.href, data: options.data };
        const worker = plain
          ? new Worker(options.entry, { workerData, execArgv: [] })
          : script !== undefined ? new Worker(script, { eval: true, workerData, execArgv: [] }) : new Worker(fileURLToPath(BOOTSTRAP), { workerData, execArgv: [] });
        workers.push(worker);
        worker.on('message', (reply: ReplyMessage<R>) => {
          if ('error' in reply) {
            fail(reply.code === undefined ? new Error(reply.error) : new InputError(reply.code, reply.error));
            return;
          }
          results[reply.id] = reply.result;
          try {
            options.onResult?.(reply.result, reply.id);
          } catch (error) {
            fail(error as Error);
            return;
          }
          done++;
          options.onProgress?.(done, total);
          if (done === total) resolve();
          else feed(worker);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => { if (done < total) fail(new Error(`a sweep worker stopped early (exit code ${code})`)); });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
