import { dirname, join } from 'node:path';
import { InputError } from '../sim/index.js';
import { replayCommand } from './context.js';
import { fuzzCampaignDifference, type FuzzCampaign } from './fuzz-campaign.js';
import { parseFuzzResults, sameVerdict, type FuzzCaseLine } from './fuzz-results.js';
import type { ResultsInput } from './merge.js';
import { shardIndices, shardLabel, shardOf, type Shard } from './shard.js';

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
  let campaign: FuzzCampaign | undefined;
  const shards: Shard[] = [];
  const found = new Map<number, { line: FuzzCaseLine; file: string; at: number }>();
  let duplicates = 0;
  let damaged = 0;
  for (const input of inputs) {
    const lines = parseFuzzResults(input.text);
    if (lines[0]?.kind !== 'header') {
      throw new InputError('CLI_MERGE_NOT_RESULTS', `${input.file} is not a fuzz results file (its first line is not a fuzz campaign header); give the --out files of cutover fuzz`, { file: input.file, line: 1 });
    }
    for (const line of lines) {
      const where = { file: input.file, line: line.line };
      if (line.kind === 'damaged') {
        damaged++;
      } else if (line.kind === 'header') {
        campaign ??= line.header.campaign;
        const difference = fuzzCampaignDifference(campaign, line.header.campaign);
        if (difference !== undefined) throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', `${input.file} belongs to another fuzz campaign than ${inputs[0]!.file}: ${difference}`, where);
        shards.push(line.header.shard);
      } else {
        const result = line.result;
        if (result.campaign !== campaign!.id || result.case >= campaign!.runs) {
          throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', `case ${result.case} here is not a case of the fuzz campaign in ${inputs[0]!.file}`, where);
        }
        const earlier = found.get(result.case);
        if (earlier === undefined) found.set(result.case, { line: result, file: input.file, at: line.line });
        else if (sameVerdict(earlier.line, result)) duplicates++;
        else throw new InputError('CLI_MERGE_CONFLICT', `case ${result.case} gave another verdict here than in ${earlier.file}:${earlier.at}; the shards were not run by the same version of cutover`, where);
      }
    }
  }
  if (campaign === undefined) throw new InputError('CLI_MERGE_NOT_RESULTS', 'no results files given');
  const counts = new Set(shards.map((shard) => shard.count));
  const common = counts.size === 1 ? [...counts][0]! : undefined;
  const ordered = [...found.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
  const missing = Array.from({ length: campaign.runs }, (_, index) => index).filter((index) => !found.has(index))
    .map((index) => ({ case: index, ...(common === undefined ? {} : { shard: shardOf(index, common) }) }));
  return {
    campaign,
    shards,
    cases: ordered.map((entry) => entry.line),
    counterexamples: ordered.filter((entry) => entry.line.verdict === 'counterexample').map((entry) => locateCounterexample(entry.line, entry.file)),
    missing,
    duplicates,
    damaged,
  };
}

/** "shard 3/4 (12 of 30 missing)", one entry per incomplete shard; just a count when the inputs were cut differently. */
export function describeMissingCases(merged: MergedFuzzCampaign): string {
  const byShard = new Map<string, { shard: Shard; missing: number }>();
  for (const { shard } of merged.missing) {
    if (shard === undefined) continue;
    const entry = byShard.get(shardLabel(shard)) ?? { shard, missing: 0 };
    entry.missing++;
    byShard.set(shardLabel(shard), entry);
  }
  const shards = [...byShard.values()].map(({ shard, missing }) => {
    const size = shardIndices(merged.campaign.runs, shard).length;
    return `shard ${shardLabel(shard)} (${missing === size ? 'no cases' : `${missing} of ${size} missing`})`;
  });
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
