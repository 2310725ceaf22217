import { InputError } from '../../sim/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../context.js';
import { formatFuzzSummary, fuzzMergeJson, mergeFuzzResults, describeMissingCases } from '../fuzz/index.js';
import { fuzzCaseLine, fuzzHeaderLine, isFuzzResults } from '../fuzz/index.js';
import type { ResultsInput } from './sweep.js';
import { WHOLE, shardLabel } from '../shard/index.js';

export interface FuzzMergeOptions {
  report?: string;
  out?: string;
  json?: boolean;
}

/**
 * Whether `cutover merge` was given fuzz results (`cutoverFuzz` headers) rather than a
 * sweep's. A mix of the two is refused: they are different campaigns whatever their ids.
 */
export function isFuzzMerge(inputs: readonly ResultsInput[]): boolean {
  const fuzz = inputs.filter((input) => isFuzzResults(input.text));
  if (fuzz.length === 0) return false;
  const other = inputs.find((input) => !isFuzzResults(input.text));
  if (other !== undefined) {
    throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', `${other.file} is not a fuzz results file, but ${fuzz[0]!.file} is; merge the files of one fuzz campaign or of one sweep, not both`, { file: other.file, line: 1 });
  }
  return true;
}

/**
 * `cutover merge` on fuzz shards: a summary (cases run, incomplete shards, counterexamples
 * with their files and replay commands), exit 1 when any case is a counterexample. Cases a
 * shard did not reach (stopped by --time) are reported, not refused.
 */
export function mergeFuzzCommand(context: CommandContext, inputs: readonly ResultsInput[], options: FuzzMergeOptions): void {
  if (options.report !== undefined) throw new InputError('CLI_BAD_FLAG', '--report is for sweep results; a fuzz merge prints its summary (or --json) (see cutover merge --help)');
  const merged = mergeFuzzResults(inputs);
  const { campaign } = merged;
  const shards = [...new Set(merged.shards.map(shardLabel))].join(', ');
  context.io.stderr(`Merged      ${merged.cases.length} of ${campaign.runs} fuzz cases of ${campaign.scenario} from ${inputs.length} file(s) (shards ${shards})${merged.duplicates > 0 ? `, ${merged.duplicates} duplicate(s) counted once` : ''}${merged.damaged > 0 ? `, ${merged.damaged} cut-off line(s) ignored` : ''}\n`);
  // The summary names incomplete shards itself; JSON on stdout gets them said on stderr too.
  if (merged.missing.length > 0 && options.json === true) context.io.stderr(`Missing     ${describeMissingCases(merged)}\n`);
  if (options.out !== undefined) {
    // File names stay as each shard wrote them (relative to its own results file).
    const text = fuzzHeaderLine({ cutoverFuzz: 1, campaign, shard: WHOLE }) + merged.cases.map(fuzzCaseLine).join('');
    context.io.stderr(`Cases       ${writeFileAtomic(options.out, text)}\n`);
  }
  context.io.stdout(options.json === true ? `${JSON.stringify(fuzzMergeJson(merged), null, 2)}\n` : formatFuzzSummary(merged));
  context.setExitCode(merged.counterexamples.length > 0 ? 1 : 0);
}
