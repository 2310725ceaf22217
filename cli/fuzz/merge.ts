import { dirname, join } from 'node:path';
import { replayCommand } from '../context.js';
import { fuzzCampaignDifference, type FuzzCampaign } from './campaign.js';
import { parseFuzzResults, sameVerdict, type FuzzCaseLine } from './results.js';
import { mergeJournals, missingByShard, type ResultsInput } from '../journal/index.js';
import { shardLabel, shardOf, type Shard } from '../shard/index.js';

/** A counterexample as merge shows it: its file and replay command as seen from where merge ran. */
export interface MergedCounterexample {
  case: number;
  invariant: string;
  message: string;
  path?: string;
  file?: string;
  replay?: string;
}

export interface MergedFuzzCampaign {
  campaign: FuzzCampaign;
  /** Each header's shard, in input order. */
  shards: Shard[];
  /** Every case found, in case order. */
  cases: FuzzCaseLine[];
  counterexamples: MergedCounterexample[];
  /** Cases no input holds, with the shard (of the inputs' common shard count) that should have run them. */
  missing: { case: number; shard?: Shard }[];
  duplicates: number;
  damaged: number;
}

export const locateCounterexample = (line: FuzzCaseLine, file: string): MergedCounterexample => {
  const shown = line.counterexampleFile === undefined ? undefined : join(dirname(file), line.counterexampleFile);
  return {
    case: line.case,
    invariant: line.invariant ?? 'unknown',
    message: line.message ?? '',
    ...(line.path === undefined ? {} : { path: line.path }),
    ...(shown === undefined ? {} : { file: shown }),
    ...(shown === undefined || line.seed === undefined ? {} : { replay: replayCommand(shown, line.seed) }),
  };
};

/**
 * Merges fuzz results files into one campaign, as mergeResults does for sweeps: every
 * header and case must belong to the first file's campaign (else refused, file and line
 * named); a case found twice counts once, and found twice with another verdict is refused
 * (the check is deterministic, so the shards ran different code). Missing cases are
 * reported, not refused: a shard stopped by `--time` leaves some by design.
 */
export function mergeFuzzResults(inputs: readonly ResultsInput[]): MergedFuzzCampaign {
  const merged = mergeJournals<FuzzCampaign, FuzzCaseLine>(inputs, {
    what: 'fuzz campaign',
    notResults: (file) => `${file} is not a fuzz results file (its first line is not a fuzz campaign header); give the --out files of cutover fuzz`,
    parse: (text) => parseFuzzResults(text).map((line) => {
      if (line.kind === 'header') return { kind: 'header', line: line.line, campaign: line.header.campaign, shard: line.header.shard };
      if (line.kind === 'case') return { kind: 'entry', line: line.line, entry: line.result };
      return { kind: 'damaged', line: line.line };
    }),
    difference: fuzzCampaignDifference,
    indexOf: (campaign, result) => (result.campaign === campaign.id && result.case < campaign.runs ? result.case : undefined),
    same: sameVerdict,
    notAJob: (result, first) => `case ${result.case} here is not a case of the fuzz campaign in ${first}`,
    conflict: (result, earlier) => `case ${result.case} gave another verdict here than in ${earlier.file}:${earlier.line}; the shards were not run by the same version of cutover`,
  });
  const { campaign, found, commonShardCount: common } = merged;
  const ordered = [...found.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
  const missing = Array.from({ length: campaign.runs }, (_, index) => index).filter((index) => !found.has(index))
    .map((index) => ({ case: index, ...(common === undefined ? {} : { shard: shardOf(index, common) }) }));
  return {
    campaign,
    shards: merged.shards,
    cases: ordered.map((entry) => entry.entry),
    counterexamples: ordered.filter((entry) => entry.entry.verdict === 'counterexample').map((entry) => locateCounterexample(entry.entry, entry.file)),
    missing,
    duplicates: merged.duplicates,
    damaged: merged.damaged,
  };
}

/** "shard 3/4 (12 of 30 missing)", one entry per incomplete shard; just a count when the inputs were cut differently. */
export function describeMissingCases(merged: MergedFuzzCampaign): string {
  const shards = missingByShard(merged.missing.map((missing) => missing.shard), merged.campaign.runs, 'no cases');
  return `${merged.missing.length} of ${merged.campaign.runs} cases were not run${shards.length > 0 ? `: ${shards.join(', ')}` : ''}`;
}

/** The `--json` object of a fuzz merge. */
export function fuzzMergeJson(merged: MergedFuzzCampaign) {
  const { campaign } = merged;
  return {
    kind: 'fuzz' as const,
    scenario: campaign.scenario,
    campaign: campaign.id,
    seed: campaign.seed,
    runs: campaign.runs,
    casesRun: merged.cases.length,
    missing: merged.missing.map(({ case: index, shard }) => ({ case: index, ...(shard === undefined ? {} : { shard: shardLabel(shard) }) })),
    counterexamples: merged.counterexamples,
    verdicts: merged.cases.map(({ case: index, verdict, invariant }) => ({ case: index, verdict, ...(invariant === undefined ? {} : { invariant }) })),
  };
}

/** A counterexample as three lines: case and invariant, its scenario file, its replay command. */
export function counterexampleLines(found: MergedCounterexample): string[] {
  return [
    `${`Case ${found.case}`.padEnd(11)} ${found.invariant}: ${found.message}`,
    ...(found.file === undefined ? [] : [`  Scenario  ${found.file}`]),
    ...(found.replay === undefined ? [] : [`  Replay    ${found.replay}`]),
  ];
}

/** The human summary on stdout: cases run, incomplete shards, and each counterexample with its file and replay. */
export function formatFuzzSummary(merged: MergedFuzzCampaign): string {
  const { campaign } = merged;
  const lines = [`Fuzz        ${campaign.scenario}: ${merged.cases.length} of ${campaign.runs} cases run (seed ${campaign.seed}), ${merged.counterexamples.length} counterexample(s)`];
  if (merged.missing.length > 0) lines.push(`Incomplete  ${describeMissingCases(merged)}; run those shards again (they resume from their --out)`);
  lines.push(...merged.counterexamples.flatMap(counterexampleLines));
  lines.push(`Search      ${campaign.command}`);
  return `${lines.join('\n')}\n`;
}
