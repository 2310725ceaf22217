import { parentPort, workerData } from 'node:worker_threads';

/** What the pool sends a worker and what the worker sends back. */
export type JobMessage<J> = { id: number; job: J };
export type ReplyMessage<R> = { id: number; result: R } | { id: number; error: string; code?: string };

/**
 * The worker side of the pool: handles one job at a time with `handler(job, data)`, where
 * `data` is the pool's `workerData.data`, and replies with its result or its error message.
 */
export function serveJobs<J, R, D>(handler: (job: J, data: D) => R): void {
  const port = parentPort;
  if (port === null) throw new Error('serveJobs must run inside a worker thread');
  const data = (workerData as { data: D }).data;
  port.on('message', (message: JobMessage<J>) => {
    try {
      port.postMessage({ id: message.id, result: handler(message.job, data) } satisfies ReplyMessage<R>);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      port.postMessage({ id: message.id, error: (error as Error).message ?? String(error), ...(typeof code === 'string' ? { code } : {}) } satisfies ReplyMessage<R>);
    }
  });
}
