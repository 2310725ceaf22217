import type { Command } from 'commander';
import { Option } from 'commander';
import { formatDuration } from '../sim/index.js';
import { renderSweepReport, type SweepRow } from '../report/index.js';
import { checkOutputPath, writeFileAtomic } from './atomic-write.js';
import { shellQuote, type CommandContext } from './context.js';
import { parsePositiveCount, parseVaryOption, parseWorkerCount } from './option-parsers.js';
import { progressBar } from './progress.js';
import { runSweepJob, sweepConfig, type SweepData, type SweepJob } from './sweep-job.js';
import type { VarySpec } from './sweep-range.js';
import { sweepRows, type SweepRun } from './sweep-stats.js';
import { runPool } from './worker-pool.js';

interface SweepOptions {
  vary: VarySpec;
  seeds: number;
  report?: string;
  out?: string;
  workers?: number;
}

const WORKER_ENTRY = new URL('./sweep-worker.ts', import.meta.url);

export function formatRiskTable(rows: readonly SweepRow[], path: string): string {
  const header = [path, 'runs', 'P(any loss)', 'mean lost', 'mean bounced', 'p95 delay'];
  const body = rows.map((row) => [row.label, String(row.runs), `${(row.lossProbability * 100).toFixed(1)}%`, row.meanLost.toFixed(2), row.meanBounced.toFixed(2), row.p95Delay === null ? '—' : formatDuration(row.p95Delay)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n') + '\n';
}

export function addSweepCommand(program: Command, context: CommandContext): void {
  program
    .command('sweep')
    .description('vary one plan parameter over a range and many seeds, and print the risk for each value')
    .argument('<file>', 'a scenario file or the name of a built-in scenario')
    .addOption(new Option('--vary <PATH=FROM..TO[:STEP]>', 'the parameter to vary: a path in the resolved scenario and a range (see docs/cli.md)').argParser(parseVaryOption).makeOptionMandatory())
    .addOption(new Option('--seeds <n>', 'seeds 1..n for each value').argParser(parsePositiveCount).default(20))
    .option('--report <file>', 'write the risk table and chart as a self-contained HTML file')
    .option('--out <file>', 'write every run as JSON lines')
    .addOption(new Option('--workers <n>', 'worker threads (default: all cores; 0 runs in this thread)').argParser(parseWorkerCount))
    .addHelpText('after', `
Examples:
  cutover sweep textbook --vary dns.initialMxTtl=1h..48h:12h --seeds 50
  cutover sweep plan.yaml --vary 'plan[removeBatch].timing.delay=0h..96h:24h' --seeds 20 --report risk.html
  cutover sweep plan.yaml --vary endpoint.maxConcurrentMigrations=10..50:10 --out runs.jsonl

PATH is a dotted path in the resolved scenario (durations in milliseconds, written
with units in the range); [N] picks a list element by position, [name] the first
whose action, address or name matches. Exit code 1 when any run lost or bounced mail.`)
    .action(async (file: string, options: SweepOptions) => {
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      for (const [flag, path] of [['--report', options.report], ['--out', options.out]] as const) {
        if (path !== undefined) checkOutputPath(path, [loaded.source.file], flag);
      }
      const data: SweepData = { config: loaded.config, path: options.vary.path };
      sweepConfig(data, { value: options.vary.values[0]!, seed: 1 }); // fails here, before any work, on a bad path
      const jobs: SweepJob[] = options.vary.values.flatMap((value) => Array.from({ length: options.seeds }, (_, index) => ({ value, seed: index + 1 })));
      const bar = progressBar(context.io, 'sweep');
      let runs: SweepRun[];
      try {
        if (options.workers === 0) {
          runs = jobs.map((job, index) => {
            const run = runSweepJob(engine.simulate, data, job);
            bar.update(index + 1, jobs.length);
            return run;
          });
        } else {
          runs = await runPool<SweepJob, SweepRun, SweepData>({ entry: WORKER_ENTRY, data, jobs, size: options.workers, onProgress: bar.update });
        }
      } finally {
        bar.finish();
      }
      const rows = sweepRows(options.vary, runs);
      context.io.stdout(formatRiskTable(rows, options.vary.path));
      const command = `cutover sweep ${shellQuote(file)} --vary ${shellQuote(options.vary.source)} --seeds ${options.seeds}`;
      if (options.out !== undefined) {
        const lines = runs.map(({ delays, ...run }) => JSON.stringify({ ...run, tracedDeliveries: delays.length }));
        context.io.stderr(`Runs        ${writeFileAtomic(options.out, `${lines.join('\n')}\n`)}\n`);
      }
      if (options.report !== undefined) {
        const html = renderSweepReport(rows, { scenario: loaded.config.name, path: options.vary.path, seeds: options.seeds, command });
        context.io.stderr(`Report      ${writeFileAtomic(options.report, html)}\n`);
      }
      context.setExitCode(runs.some((run) => run.lost + run.bounced > 0) ? 1 : 0);
    });
}
