import type { CliIo } from './io.js';

const WIDTH = 30;

/**
 * A progress bar on stderr, redrawn in place, only when stderr is a terminal (a log file
 * or CI output gets nothing). Returns the callback and a `finish` that ends the line.
 */
export function progressBar(io: CliIo, label: string): { update(done: number, total: number): void; finish(): void } {
  if (!io.stderrIsTTY) return { update: () => {}, finish: () => {} };
  let drawn = false;
  let lastFilled = -1;
  return {
    update(done, total) {
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      if (filled === lastFilled && done !== total) return;
      lastFilled = filled;
      drawn = true;
      io.stderr(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}`);
    },
    finish() {
      if (drawn) io.stderr('\n');
    },
  };
}
