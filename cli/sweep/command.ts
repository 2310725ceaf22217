import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError, formatDurationForPeople } from '../../sim/index.js';
import { renderSweepReport, type SweepRow } from '../../report/index.js';
import { checkOutputPath, writeFileAtomic } from '../atomic-write.js';
import { campaignFor, campaignJobs, type Campaign } from './campaign.js';
import { shellQuote, type CommandContext } from '../context.js';
import { budgetOption, parsePositiveCount, parseWorkerCount } from '../option-parsers.js';
import { enforceWorkBudget } from '../work-budget.js';
import { progressBar } from '../progress.js';
import { WHOLE, parseShard, shardIndices, shardLabel, type Shard } from '../shard/index.js';
import { chosenShard, shardNamed } from '../shard/index.js';
import { runSweepJob, sweepConfig, type SweepData, type SweepJob } from './job.js';
import { openResults, type ResultsWriter } from './out.js';
import { parseVaryOption, type VarySpec } from './range.js';
import { sweepRows, type SweepRun } from './stats.js';
import { machineWorkerCount, runPool, workerThreads } from '../workers/index.js';

interface SweepOptions {
  vary: VarySpec;
  seeds: number;
  report?: string;
  out?: string;
  workers?: number;
  shard?: Shard;
  fresh?: boolean;
  budget?: number;
}

// The worker beside this module: its TypeScript source in development, its built JavaScript in the package.
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

export function formatRiskTable(rows: readonly SweepRow[], path: string): string {
  const header = [path, 'runs', 'P(any loss)', 'mean lost', 'mean bounced', 'mean late', 'old host', 'p50', 'p95 delay', 'p99', 'max'];
  const delay = (value: number | null) => (value === null ? '—' : value < 1000 ? '<1s' : formatDurationForPeople(value));
  const body = rows.map((row) => [
    row.label, String(row.runs), `${(row.lossProbability * 100).toFixed(1)}%`, row.meanLost.toFixed(2), row.meanBounced.toFixed(2),
    row.meanLate.toFixed(2), row.meanOldHostAfterSwitch.toFixed(1), delay(row.p50Delay), delay(row.p95Delay), delay(row.p99Delay), delay(row.maxDelay),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...body.map(line)].join('\n') + '\n';
}

/**
 * What an unsharded sweep, a shard and a merge all end with: the risk table on stdout, the
 * HTML report, and the verdict (1 when any run lost or bounced mail). `runs` in job order.
 */
export function finishSweep(context: CommandContext, campaign: Campaign, runs: readonly SweepRun[], report: string | undefined, printTable = true): void {
  const rows = sweepRows(campaign.vary, runs);
  if (printTable) context.io.stdout(formatRiskTable(rows, campaign.vary.path));
  if (report !== undefined) {
    const html = renderSweepReport(rows, { scenario: campaign.scenario, path: campaign.vary.path, seeds: campaign.seeds, command: campaign.command });
    context.io.stderr(`Report      ${writeFileAtomic(report, html)}\n`);
  }
  context.setExitCode(runs.some((run) => run.lost + run.bounced > 0) ? 1 : 0);
}

export function addSweepCommand(program: Command, context: CommandContext): void {
  program
    .command('sweep')
    .description('vary one plan parameter over a range and many seeds, and print the risk for each value')
    .argument('<file>', 'a scenario file or the name of a built-in scenario')
    .addOption(new Option('--vary <PATH=FROM..TO[:STEP]>', 'the parameter to vary: a path in the resolved scenario and a range (see docs/cli.md)').argParser(parseVaryOption).makeOptionMandatory())
    .addOption(new Option('--seeds <n>', 'seeds 1..n for each value').argParser(parsePositiveCount).default(20))
    .option('--report <file>', 'write the risk table and chart as a self-contained HTML file')
    .option('--out <file>', 'save every run as a JSON line as it finishes; an existing file of the same sweep is resumed')
    .addOption(new Option('--shard <i/n>', 'run only shard i of n (every n-th job); needs --out, merge the files with `cutover merge` (default: from $CUTOVER_SHARD, $CUTOVER_SHARD_INDEX/$CUTOVER_SHARD_COUNT or $JOB_COMPLETION_INDEX, see docs/scale-out.md)').argParser(parseShard))
    .option('--fresh', 'start --out again from nothing instead of resuming it')
    .addOption(budgetOption())
    .addOption(new Option('--workers <n>', 'worker threads (default: the cores free now, available parallelism less the load average; when that is one, or with 0, the runs stay in this thread)').argParser(parseWorkerCount))
    .addHelpText('after', `
Examples:
  cutover sweep textbook --vary dns.initialMxTtl=1h..48h:12h --seeds 50
  cutover sweep plan.yaml --vary 'plan[removeBatch].timing.delay=0h..96h:24h' --seeds 20 --report risk.html
  cutover sweep plan.yaml --vary endpoint.maxConcurrentMigrations=10..50:10 --out runs.jsonl
  cutover sweep plan.yaml --vary dns.initialMxTtl=1h..48h:1h --seeds 200 --shard 3/8 --out shard-3.jsonl

PATH is a dotted path in the resolved scenario (durations in milliseconds, written
with units in the range); [N] picks a list element by position, [name] the first
whose action, address or name matches. Run the same command again after an
interruption and it resumes from --out. Exit code 1 when any run lost or bounced mail.`)
    .action(async (file: string, options: SweepOptions) => {
      const chosen = chosenShard(options.shard, context.io.env);
      const shard = chosen?.shard ?? WHOLE;
      if (shard.count > 1 && options.out === undefined) {
        throw new InputError('CLI_BAD_FLAG', `${shardNamed(chosen!)} needs --out: a shard's runs are merged from that file with cutover merge (see cutover sweep --help)`);
      }
      if (chosen !== undefined && chosen.source !== '--shard') context.io.stderr(`Shard       ${shardLabel(shard)} from ${chosen.source}\n`);
      if (options.fresh === true && options.out === undefined) throw new InputError('CLI_BAD_FLAG', '--fresh needs --out: it starts that results file again instead of resuming it (see cutover sweep --help)');
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      for (const [flag, path] of [['--report', options.report], ['--out', options.out]] as const) {
        if (path !== undefined) checkOutputPath(path, [loaded.source.file], flag);
      }
      const data: SweepData = { config: loaded.config, path: options.vary.path };
      // Fails here, before any work, on a bad path or a value that makes a run too big for the budget.
      for (const value of options.vary.values) enforceWorkBudget(sweepConfig(data, { value, seed: 1 }), options.budget, loaded.source.file);
      const command = `cutover sweep ${shellQuote(file)} --vary ${shellQuote(options.vary.source)} --seeds ${options.seeds}`;
      const campaign = campaignFor(loaded.config, options.vary, options.seeds, command);
      const allJobs = campaignJobs(campaign);
      const mine = shardIndices(allJobs.length, shard);
      const writer: ResultsWriter | undefined = options.out === undefined ? undefined : openResults(options.out, campaign, shard, options.fresh === true);
      const finished = new Map<number, SweepRun>(writer?.done ?? []);
      const todo = mine.filter((index) => !finished.has(index));
      if (writer !== undefined && finished.size > 0) {
        context.io.stderr(`Resuming    ${finished.size} of ${mine.length} runs already in ${options.out}${writer.damaged > 0 ? ` (${writer.damaged} cut-off or unreadable line(s) dropped)` : ''}\n`);
      }
      const save = (run: SweepRun, index: number) => {
        writer?.append(run);
        finished.set(index, run);
      };
      const bar = progressBar(context.io, shard.count > 1 ? `sweep ${shardLabel(shard)}` : 'sweep');
      try {
        const jobs: SweepJob[] = todo.map((index) => allJobs[index]!);
        const workers = workerThreads(options.workers, machineWorkerCount(jobs.length));
        if (workers === 0) {
          jobs.forEach((job, position) => {
            save(runSweepJob(engine.simulate, data, job), todo[position]!);
            bar.update(position + 1, jobs.length);
          });
        } else {
          await runPool<SweepJob, SweepRun, SweepData>({ entry: WORKER_ENTRY, data, jobs, size: workers, onProgress: bar.update, onResult: (run, position) => save(run, todo[position]!) });
        }
      } finally {
        bar.finish();
        writer?.close();
      }
      const runs = mine.map((index) => finished.get(index)!);
      if (options.out !== undefined) context.io.stderr(`Runs        ${options.out} (${todo.length} new, ${mine.length - todo.length} resumed)\n`);
      if (shard.count > 1) context.io.stderr(`Shard       ${shardLabel(shard)}: ${mine.length} of ${allJobs.length} runs; merge all ${shard.count} shards' files with cutover merge for the whole table\n`);
      finishSweep(context, campaign, runs, options.report);
    });
}
