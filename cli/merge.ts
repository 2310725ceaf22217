import { InputError } from '../sim/index.js';
import { campaignDifference, campaignJobs, jobIndex, type Campaign } from './campaign.js';
import { shardIndices, shardLabel, shardOf, type Shard } from './shard.js';
import { parseResults, sameRun, withoutCampaign } from './sweep-results.js';
import type { SweepJob } from './sweep-job.js';
import type { SweepRun } from './sweep-stats.js';

export interface ResultsInput {
  file: string;
  text: string;
}

/** A job no input holds, and the shard (of the inputs' common shard count) that should have run it. */
export interface MissingJob extends SweepJob {
  index: number;
  shard?: Shard;
}

export interface MergedCampaign {
  campaign: Campaign;
  /** Each input's shard, in input order (a concatenated file may name several). */
  shards: Shard[];
  /** Every job found, in campaign order. */
  runs: SweepRun[];
  /** Job indices of `runs`, in the same order. */
  indices: number[];
  missing: MissingJob[];
  /** Lines seen more than once (the same job in two files); kept once. */
  duplicates: number;
  /** Cut-off or unreadable lines, ignored (their jobs count as missing unless another file has them). */
  damaged: number;
}

/**
 * Merges sweep results files into one campaign. Every header and every run must belong to
 * the first file's campaign, or the merge is refused (file and line named). The same job
 * found twice is kept once; found twice with different figures it is refused, since a
 * deterministic run cannot give two answers (the inputs come from different code).
 */
export function mergeResults(inputs: readonly ResultsInput[]): MergedCampaign {
  let campaign: Campaign | undefined;
  const shards: Shard[] = [];
  const found = new Map<number, { run: SweepRun; file: string; line: number }>();
  let duplicates = 0;
  let damaged = 0;
  for (const input of inputs) {
    const lines = parseResults(input.text);
    if (lines[0]?.kind !== 'header') {
      throw new InputError('CLI_MERGE_NOT_RESULTS', `${input.file} is not a sweep results file (its first line is not a campaign header); give the --out files of cutover sweep`, { file: input.file, line: 1 });
    }
    for (const line of lines) {
      const where = { file: input.file, line: line.line };
      if (line.kind === 'damaged') {
        damaged++;
      } else if (line.kind === 'header') {
        campaign ??= line.header.campaign;
        const difference = campaignDifference(campaign, line.header.campaign);
        if (difference !== undefined) throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', `${input.file} belongs to another sweep than ${inputs[0]!.file}: ${difference}`, where);
        shards.push(line.header.shard);
      } else {
        const index = line.run.campaign === campaign!.id ? jobIndex(campaign!, line.run) : undefined;
        if (index === undefined) throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', `this run (value ${line.run.value}, seed ${line.run.seed}) is not a job of the sweep in ${inputs[0]!.file}`, where);
        const run = withoutCampaign(line.run);
        const earlier = found.get(index);
        if (earlier === undefined) {
          found.set(index, { run, ...where });
        } else if (sameRun(earlier.run, run)) {
          duplicates++;
        } else {
          throw new InputError('CLI_MERGE_CONFLICT', `value ${run.value}, seed ${run.seed} gave different figures here and in ${earlier.file}:${earlier.line}; the shards were not run by the same version of cutover`, where);
        }
      }
    }
  }
  if (campaign === undefined) throw new InputError('CLI_MERGE_NOT_RESULTS', 'no results files given');
  const counts = new Set(shards.map((shard) => shard.count));
  const common = counts.size === 1 ? [...counts][0]! : undefined;
  const indices = [...found.keys()].sort((a, b) => a - b);
  const missing = campaignJobs(campaign).flatMap((job, index) => (found.has(index) ? [] : [{ ...job, index, ...(common === undefined ? {} : { shard: shardOf(index, common) }) }]));
  return { campaign, shards, runs: indices.map((index) => found.get(index)!.run), indices, missing, duplicates, damaged };
}

/** "shard 3/4 (12 of 30 missing)", one entry per incomplete shard; just a count when the inputs were cut differently. */
export function describeMissing(merged: MergedCampaign): string {
  const total = merged.campaign.jobs;
  const byShard = new Map<string, { shard: Shard; missing: number }>();
  for (const job of merged.missing) {
    if (job.shard === undefined) continue;
    const entry = byShard.get(shardLabel(job.shard)) ?? { shard: job.shard, missing: 0 };
    entry.missing++;
    byShard.set(shardLabel(job.shard), entry);
  }
  const shards = [...byShard.values()].map(({ shard, missing }) => {
    const size = shardIndices(total, shard).length;
    return `shard ${shardLabel(shard)} (${missing === size ? 'no runs' : `${missing} of ${size} missing`})`;
  });
  return `${merged.missing.length} of ${total} runs are missing${shards.length > 0 ? `: ${shards.join(', ')}` : ''}`;
}
