import { describe, expect, test } from 'vitest';
import { memoryIo } from '../../cli/index.js';
import { progressBar } from '../../cli/progress.js';

describe('progressBar', () => {
  test('draws on a terminal, in place, and ends the line', () => {
    const io = { ...memoryIo(), stderrIsTTY: true };
    const err: string[] = [];
    io.stderr = (text) => void err.push(text);
    const bar = progressBar(io, 'sweep');
    bar.update(0, 4);
    bar.update(2, 4);
    bar.update(4, 4);
    bar.finish();
    expect(err[0]).toBe(`\rsweep [${'-'.repeat(30)}] 0/4`);
    expect(err[1]).toBe(`\rsweep [${'#'.repeat(15)}${'-'.repeat(15)}] 2/4`);
    expect(err.at(-2)).toBe(`\rsweep [${'#'.repeat(30)}] 4/4`);
    expect(err.at(-1)).toBe('\n');
  });

  test('prints nothing when stderr is not a terminal', () => {
    const io = memoryIo();
    const bar = progressBar(io, 'sweep');
    bar.update(1, 2);
    bar.finish();
    expect(io.err).toEqual([]);
  });
});
