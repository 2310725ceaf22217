import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../sim/index.js';
import { checkOutputPath, writeFileAtomic } from '../atomic-write.js';
import { isFuzzMerge, mergeFuzzCommand } from './fuzz.js';
import { finishSweep } from '../sweep/index.js';
import type { CommandContext } from '../context.js';
import { describeMissing, mergeResults, type MergedCampaign, type ResultsInput } from './sweep.js';
import { WHOLE, shardLabel } from '../shard/index.js';
import { headerLine, runLine } from '../sweep/index.js';
import { sweepRows } from '../sweep/index.js';

interface MergeOptions {
  report?: string;
  out?: string;
  json?: boolean;
  partial?: boolean;
}

function readInput(file: string): ResultsInput {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (error) {
    throw new InputError('CLI_MERGE_READ', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
  }
}

/** The `--json` object: the campaign, what is missing, and the risk rows. */
export function mergeJson(merged: MergedCampaign) {
  const { campaign } = merged;
  return {
    scenario: campaign.scenario,
    campaign: campaign.id,
    path: campaign.vary.path,
    seeds: campaign.seeds,
    jobs: campaign.jobs,
    runs: merged.runs.length,
    missing: merged.missing.map(({ value, seed, shard }) => ({ value, seed, ...(shard === undefined ? {} : { shard: shardLabel(shard) }) })),
    rows: sweepRows(campaign.vary, merged.runs),
  };
}

export function addMergeCommand(program: Command, context: CommandContext): void {
  program
    .command('merge')
    .description('merge the --out files of sweep or fuzz shards into one risk table, report or fuzz summary')
    .argument('<files...>', 'results files written by cutover sweep --out or cutover fuzz --out (one per shard, in any order)')
    .option('--report <file>', 'write the risk table and chart as a self-contained HTML file')
    .option('--out <file>', 'write the merged runs as one results file (resumable like an unsharded sweep)')
    .option('--json', 'print the campaign, the missing runs and the risk rows as JSON')
    .option('--partial', 'accept missing runs: print the table of what is there instead of refusing')
    .addHelpText('after', `
Examples:
  cutover merge shard-*.jsonl --report risk.html
  cutover merge shard-1.jsonl shard-2.jsonl --json
  cutover merge fuzz-*.jsonl                     the cases and counterexamples of a fuzz campaign

Every file must come from the same sweep (scenario, --vary and --seeds); a run present in
several files is counted once. Missing runs are refused (exit 2, naming the incomplete
shards) unless --partial. Exit code 1 when any run lost or bounced mail.
Fuzz files (cutover fuzz --out) give a summary instead: cases run, shards left incomplete
(reported, not refused: --time stops shards early), and every counterexample with its file
and replay command. Exit code 1 when any case is a counterexample.`)
    .action((files: string[], options: MergeOptions) => {
      const inputs = files.map(readInput);
      for (const [flag, path] of [['--report', options.report], ['--out', options.out]] as const) {
        if (path !== undefined) checkOutputPath(path, files, flag);
      }
      if (isFuzzMerge(inputs)) {
        mergeFuzzCommand(context, inputs, options);
        return;
      }
      const merged = mergeResults(inputs);
      const { campaign } = merged;
      if (merged.missing.length > 0 && options.partial !== true) {
        throw new InputError('CLI_MERGE_INCOMPLETE', `${describeMissing(merged)}; run those shards again (they resume from their --out) or pass --partial`);
      }
      const shards = [...new Set(merged.shards.map(shardLabel))].join(', ');
      context.io.stderr(`Merged      ${merged.runs.length} of ${campaign.jobs} runs of ${campaign.scenario} from ${inputs.length} file(s) (shards ${shards})${merged.duplicates > 0 ? `, ${merged.duplicates} duplicate(s) counted once` : ''}${merged.damaged > 0 ? `, ${merged.damaged} cut-off line(s) ignored` : ''}\n`);
      if (merged.missing.length > 0) context.io.stderr(`Missing     ${describeMissing(merged)}\n`);
      if (options.out !== undefined) {
        const text = headerLine({ cutoverSweep: 1, campaign, shard: WHOLE }) + merged.runs.map((run) => runLine(campaign.id, run)).join('');
        context.io.stderr(`Runs        ${writeFileAtomic(options.out, text)}\n`);
      }
      if (options.json === true) context.io.stdout(`${JSON.stringify(mergeJson(merged), null, 2)}\n`);
      finishSweep(context, campaign, merged.runs, options.report, options.json !== true);
    });
}
