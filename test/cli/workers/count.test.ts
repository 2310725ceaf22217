import { describe, expect, test } from 'vitest';
import { fc, test as property } from '@fast-check/vitest';
import { defaultWorkerCount, workerThreads } from '../../../cli/workers/count.js';

describe('the default number of sweep workers', () => {
  test('an idle machine gets one worker per core', () => {
    expect(defaultWorkerCount(2, 0, 200)).toBe(2);
    expect(defaultWorkerCount(8, 0.2, 200)).toBe(8);
  });

  test('a busy machine gets the cores that are free, and one when none are', () => {
    expect(defaultWorkerCount(2, 1.4, 200)).toBe(1); // the case of issue 18: two cores shared with other work
    expect(defaultWorkerCount(8, 3, 200)).toBe(5);
    expect(defaultWorkerCount(2, 6, 200)).toBe(1);
  });

  test('never more workers than jobs', () => {
    expect(defaultWorkerCount(8, 0, 3)).toBe(3);
    expect(defaultWorkerCount(8, 0, 0)).toBe(1);
  });

  test('an unknown load (Windows gives zeros, a broken reading NaN) counts as idle', () => {
    expect(defaultWorkerCount(4, Number.NaN, 100)).toBe(4);
    expect(defaultWorkerCount(4, -1, 100)).toBe(4);
  });

  property.prop([fc.integer({ min: 1, max: 256 }), fc.double({ min: 0, max: 512, noNaN: true }), fc.integer({ min: 0, max: 10_000 })])(
    'always between one and the cores, never above the jobs (when there are any), and fewer as the load grows',
    (cores, load, jobs) => {
      const count = defaultWorkerCount(cores, load, jobs);
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(cores);
      if (jobs > 0) expect(count).toBeLessThanOrEqual(jobs);
      expect(defaultWorkerCount(cores, load + 1, jobs)).toBeLessThanOrEqual(count);
    },
  );
});

describe('the worker threads a sweep starts', () => {
  test('--workers is taken as given, even one', () => {
    expect(workerThreads(1, 2)).toBe(1);
    expect(workerThreads(0, 2)).toBe(0);
    expect(workerThreads(3, 1)).toBe(3);
  });

  test('left to the default, one free core runs in the calling thread (0) and more start a pool', () => {
    expect(workerThreads(undefined, 1)).toBe(0);
    expect(workerThreads(undefined, 2)).toBe(2);
    expect(workerThreads(undefined, defaultWorkerCount(2, 1.4, 200))).toBe(0);
  });
});
