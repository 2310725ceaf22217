import type { Command } from 'commander';
import { Option } from 'commander';
import { formatDuration, Trace, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../../model/config.js';
import type { Finding, SimulationResult } from '../../model/result.js';
import type { Engine } from '../engine.js';
import { hasErrorFindings, renderReport, verdictOf } from '../../report/index.js';
import { checkOutputPath, writeFileAtomic } from '../atomic-write.js';
import { replayCommand, type CommandContext } from '../context.js';
import { runJson } from './json-output.js';
import { checkReportsDirectory, writeMigrationReports } from './migration-reports.js';
import { budgetOption, parsePositiveCount, parseSeed, parseUntil } from '../option-parsers.js';
import { enforceWorkBudget } from '../work-budget.js';
import { formatSummary } from './summary.js';

export interface RunOptions {
  seed?: number;
  json?: boolean;
  report?: string;
  until?: Millis;
  /** Work budget factor (--budget). */
  budget?: number;
  /** Directory for MigrationStatistics.csv and MigrationErrors.csv. */
  migrationReports?: string;
  /** Seeds of this plan the recommendations come from (default 1: this run alone). */
  seeds?: number;
}

/**
 * The plan checker's findings first, then the run's own, without repeats: `run` answers
 * "is this plan safe?" from both (an error from either gives exit code 1).
 */
export function withPlanFindings(result: SimulationResult, planFindings: readonly Finding[]): SimulationResult {
  const key = (finding: Finding) => `${finding.rule}|${finding.at ?? ''}|${finding.message}`;
  const seen = new Set<string>();
  const findings = [...planFindings, ...result.findings].filter((finding) => !seen.has(key(finding)) && seen.add(key(finding)) !== undefined);
  return { ...result, findings };
}

/**
 * The run observes one seed; by default its recommendations come from that run alone. With
 * `--seeds n` the same plan also runs with the next n-1 seeds and the recommendations come
 * from all n (the summary says how many).
 */
function recommendOverSeeds(context: CommandContext, engine: Engine, config: SimulationConfig, result: SimulationResult, seeds: number): SimulationResult {
  if (seeds <= 1 || engine.withRecommendations === undefined) return result;
  const others: SimulationResult[] = [];
  for (let offset = 1; offset < seeds; offset++) {
    context.io.stderr(`cutover: recommendations: seed ${config.seed + offset} (${offset + 1} of ${seeds})\n`);
    others.push(engine.simulate({ ...config, seed: config.seed + offset }, {}));
  }
  return engine.withRecommendations(config, result, others);
}

/** Shared by `run` and `replay`: load, simulate, print, write the report; returns the result. */
export async function runScenario(context: CommandContext, file: string, options: RunOptions, trace: Trace, extraOutputs: { flag: string; path: string }[] = []): Promise<SimulationResult> {
  const engine = await context.engine();
  const loaded = engine.loadScenario(file);
  const outputs = [...(options.report === undefined ? [] : [{ flag: '--report', path: options.report }]), ...extraOutputs];
  for (const output of outputs) checkOutputPath(output.path, [loaded.source.file], output.flag);
  if (options.migrationReports !== undefined) checkReportsDirectory(options.migrationReports);
  const config = {
    ...loaded.config,
    seed: options.seed ?? loaded.config.seed,
    horizon: options.until ?? loaded.config.horizon,
  };
  enforceWorkBudget(config, options.budget, loaded.source.file);
  const own = withPlanFindings(engine.simulate(config, { trace }), engine.checkPlan(config));
  const result = recommendOverSeeds(context, engine, config, own, options.seeds ?? 1);
  const replay = replayCommand(file, result.seed, options.until === undefined ? undefined : formatDuration(options.until));
  const notes: string[] = [];
  if (options.report !== undefined) {
    const written = writeFileAtomic(options.report, renderReport(result, { replayCommand: replay, scenarioFile: file }));
    notes.push(`Report      ${written}`);
  }
  if (options.migrationReports !== undefined) {
    for (const written of writeMigrationReports(options.migrationReports, result)) notes.push(`CSV report  ${written}`);
  }
  if (options.json) {
    context.io.stdout(`${JSON.stringify(runJson(result), null, 2)}\n`);
    for (const note of notes) context.io.stderr(`${note}\n`);
  } else {
    context.io.stdout(formatSummary(result, { replayCommand: replay, colours: context.colours, notes }));
  }
  context.setExitCode(verdictOf(result).ok && !hasErrorFindings(result) ? 0 : 1);
  return result;
}

export function addRunCommand(program: Command, context: CommandContext): void {
  program
    .command('run')
    .description('simulate a scenario and print what happened to every mailbox and message')
    .argument('<file>', 'a scenario file (YAML or JSON) or the name of a built-in scenario')
    .addOption(new Option('--seed <n>', 'random seed (default: the scenario\'s)').argParser(parseSeed))
    .option('--json', 'print one JSON object instead of the summary (see docs/cli.md)')
    .option('--report <file>', 'also write the self-contained HTML report to this file')
    .option('--migration-reports <dir>', 'also write MigrationStatistics.csv and MigrationErrors.csv into this directory (passwords redacted)')
    .addOption(new Option('--until <duration>', 'stop the simulation at this time from the start, e.g. 72h').argParser(parseUntil))
    .addOption(budgetOption())
    .addOption(new Option('--seeds <n>', 'recommend times from n runs of this plan (this seed and the next n-1); default 1, this run').argParser(parsePositiveCount))
    .addHelpText('after', `
Examples:
  cutover run textbook
  cutover run plan.yaml --seed 42 --report report.html
  cutover run plan.yaml --seeds 5        # recommendations (P50/P90) over 5 seeds of this plan
  cutover run plan.yaml --json --until 72h > result.json
  cutover run plan.yaml --migration-reports ./reports

Exit codes: 0 nothing lost or bounced and no error findings; 1 mail lost or bounced,
or error findings; 2 bad input (flags, scenario, paths, a run over the work budget);
3 internal error.`)
    .action(async (file: string, options: RunOptions) => {
      await runScenario(context, file, options, new Trace({ keepLines: false }));
    });
}
