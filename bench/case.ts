/**
 * Runs one benchmark case in this process and prints its figures as JSON, with the
 * process's peak resident memory. `bench/run.ts` starts one process per run so that
 * peak memory belongs to the case alone.
 * Usage: case.ts NAME [--messages N]
 */
import { BENCH_CASES } from './cases.js';

const name = process.argv[2] ?? '';
const bench = BENCH_CASES[name];
if (bench === undefined) {
  process.stderr.write(`bench: unknown case "${name}"; known: ${Object.keys(BENCH_CASES).join(', ')}\n`);
  process.exit(2);
}
const messagesAt = process.argv.indexOf('--messages');
const messages = messagesAt > 0 ? Number(process.argv[messagesAt + 1]) : undefined;
const figures = await bench.run({ messages });
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ name, ...figures, peakRssMB })}\n`);
