import type { CliIo } from './io.js';

const WIDTH = 30;

/** " · ETA 1m20s" from the pace so far (wall clock: the command line, never the model). */
export function eta(elapsed: number, done: number, total: number): string {
  if (done === 0 || done >= total) return done >= total && total > 0 ? ' · done' : '';
  const left = Math.round(((total - done) * elapsed) / done / 1000);
  return ` · ETA ${left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, '0')}s` : `${left}s`}   `;
}

/**
 * A progress bar on stderr, redrawn in place, only when stderr is a terminal (a log file
 * or CI output gets nothing). Returns the callback and a `finish` that ends the line.
 */
export function progressBar(io: CliIo, label: string, now: () => number = Date.now): { update(done: number, total: number): void; finish(): void } {
  if (!io.stderrIsTTY) return { update: () => {}, finish: () => {} };
  let drawn = false;
  let lastFilled = -1;
  // A redraw shorter than what is on the line (the ETA shrinks, then becomes "done") is padded
  // with spaces to its length, or the old line's tail stays on the terminal.
  let lastLength = 0;
  const started = now();
  return {
    update(done, total) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      if (filled === lastFilled && done !== total) return;
      lastFilled = filled;
      drawn = true;
      const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}${eta(now() - started, done, total)}`;
      const padded = line.padEnd(lastLength);
      io.stderr(`\r${padded}`);
      lastLength = padded.length;
    },
    finish() {
      if (drawn) io.stderr('\n');
    },
  };
}
