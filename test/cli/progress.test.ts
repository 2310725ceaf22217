import { describe, expect, test } from 'vitest';
import { memoryIo } from '../../cli/index.js';
import { progressBar } from '../../cli/progress.js';

/** A clock that moves 10 s at each reading, so the ETA is known. */
const steppingClock = () => {
  let time = 0;
  return () => (time += 10_000) - 10_000;
};

describe('progressBar', () => {
  test('draws on a terminal, in place, with an ETA, and ends the line', () => {
    const io = { ...memoryIo(), stderrIsTTY: true };
    const err: string[] = [];
    io.stderr = (text) => void err.push(text);
    const bar = progressBar(io, 'sweep', steppingClock());
    bar.update(0, 4);
    bar.update(2, 4);
    bar.update(4, 4);
    bar.finish();
    expect(err[0]).toBe(`\rsweep [${'-'.repeat(30)}] 0/4`);
    // Two of four done in 20 s: 20 s to go.
    const half = `\rsweep [${'#'.repeat(15)}${'-'.repeat(15)}] 2/4 · ETA 20s   `;
    expect(err[1]).toBe(half);
    // The last line is as long as the one before it, so no tail of the ETA stays on the terminal.
    expect(err.at(-2)).toBe(`\rsweep [${'#'.repeat(30)}] 4/4 · done`.padEnd(half.length));
    expect(err.at(-1)).toBe('\n');
  });

  test('a shorter redraw blanks what is left of a longer line', () => {
    const io = { ...memoryIo(), stderrIsTTY: true };
    const err: string[] = [];
    io.stderr = (text) => void err.push(text);
    const readings = [0, 1_000, 600_000, 601_000];
    const bar = progressBar(io, 'fuzz', () => readings.shift() ?? 601_000);
    bar.update(1, 100); // 99 left at 1 s each: ETA 1m39s
    bar.update(50, 100); // 50 left at 12 s each: ETA 10m00s
    bar.update(99, 100); // 1 left: ETA 6s, a shorter line than before
    const lengths = err.map((text) => text.length);
    expect(err[2]).toContain('ETA 6s');
    expect(lengths[2]).toBeGreaterThanOrEqual(Math.max(lengths[0]!, lengths[1]!));
  });

  test('prints nothing when stderr is not a terminal', () => {
    const io = memoryIo();
    const bar = progressBar(io, 'sweep');
    bar.update(1, 2);
    bar.finish();
    expect(io.err).toEqual([]);
  });
});
