import { describe, expect, test } from 'vitest';
import { runPool } from '../../../cli/workers/pool.js';
import { bundledWorkerScript } from '../../../cli/workers/script.js';
import { InputError } from '../../../sim/index.js';

const entry = new URL('../fixtures/square-worker.ts', import.meta.url);

describe('runPool', () => {
  test('runs every job on worker threads and keeps job order', async () => {
    const progress: number[] = [];
    const jobs = Array.from({ length: 20 }, (_, index) => index + 20);
    const results = await runPool<number, number, { offset: number }>({ entry, data: { offset: 1 }, jobs, size: 2, onProgress: (done) => progress.push(done) });
    expect(results).toEqual(jobs.map((n) => n * n + 1));
    expect(progress).toEqual(jobs.map((_, index) => index + 1));
  }, 20_000);

  test('raises the first failure with its code', async () => {
    const failing = runPool<number, number, { offset: number }>({ entry, data: { offset: 0 }, jobs: [1, 13, 2], size: 2 });
    await expect(failing).rejects.toBeInstanceOf(InputError);
    await expect(runPool({ entry, data: { offset: 0 }, jobs: [13], size: 1 })).rejects.toThrow('thirteen is refused');
  }, 20_000);

  test('loads the entry through tsx in each worker when asked (the fallback when bundling fails)', async () => {
    const results = await runPool<number, number, { offset: number }>({ entry, data: { offset: 2 }, jobs: [2, 3], size: 2, loader: 'tsx' });
    expect(results).toEqual([6, 11]);
    await expect(runPool({ entry, data: { offset: 0 }, jobs: [13], size: 1, loader: 'tsx' })).rejects.toThrow('thirteen is refused');
  }, 20_000);

  test('an empty job list needs no worker', async () => {
    expect(await runPool({ entry, data: { offset: 0 }, jobs: [] })).toEqual([]);
  });
});

describe('runPool onResult', () => {
  test('hands over each result once, with its job index, as it arrives', async () => {
    const seen = new Map<number, number>();
    const jobs = [3, 4, 5, 6, 7];
    await runPool<number, number, { offset: number }>({ entry, data: { offset: 0 }, jobs, size: 2, onResult: (result, index) => {
      expect(seen.has(index)).toBe(false);
      seen.set(index, result);
    } });
    expect([...seen].sort(([a], [b]) => a - b)).toEqual(jobs.map((n, index) => [index, n * n]));
  }, 20_000);

  test('a failing onResult stops the pool with its error', async () => {
    await expect(runPool<number, number, { offset: number }>({ entry, data: { offset: 0 }, jobs: [1, 2], size: 1, onResult: () => { throw new Error('disk full'); } })).rejects.toThrow('disk full');
  }, 20_000);
});

describe('bundledWorkerScript', () => {
  test('bundles the entry and what it imports into one CommonJS script, once per entry', async () => {
    const script = await bundledWorkerScript(entry);
    expect(script).toContain('thirteen is refused'); // the fixture's own code
    expect(script).toContain('function serveJobs'); // bundled from cli/workers/serve.ts
    expect(script).not.toMatch(/^\s*import\s/m);
    expect(await bundledWorkerScript(entry)).toBe(script);
  });

  test('gives undefined for an entry esbuild cannot bundle (the pool then loads it through tsx)', async () => {
    expect(await bundledWorkerScript(new URL('./fixtures/no-such-worker.ts', import.meta.url))).toBeUndefined();
  });
});
