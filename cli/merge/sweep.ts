import { mergeJournals, missingByShard, type ResultsInput } from '../journal/index.js';
import { campaignDifference, campaignJobs, jobIndex, type Campaign } from '../sweep/index.js';
import { shardOf, type Shard } from '../shard/index.js';
import { parseResults, sameRun, withoutCampaign, type RunLine } from '../sweep/index.js';
import type { SweepJob } from '../sweep/index.js';
import type { SweepRun } from '../sweep/index.js';

export type { ResultsInput };

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

/** Merges sweep results files into one campaign (see merge-journals.ts for the rules). */
export function mergeResults(inputs: readonly ResultsInput[]): MergedCampaign {
  const merged = mergeJournals<Campaign, RunLine>(inputs, {
    what: 'sweep',
    notResults: (file) => `${file} is not a sweep results file (its first line is not a campaign header); give the --out files of cutover sweep`,
    parse: (text) => parseResults(text).map((line) => {
      if (line.kind === 'header') return { kind: 'header', line: line.line, campaign: line.header.campaign, shard: line.header.shard };
      if (line.kind === 'run') return { kind: 'entry', line: line.line, entry: line.run };
      return { kind: 'damaged', line: line.line };
    }),
    difference: campaignDifference,
    indexOf: (campaign, run) => (run.campaign === campaign.id ? jobIndex(campaign, run) : undefined),
    same: (a, b) => sameRun(withoutCampaign(a), withoutCampaign(b)),
    notAJob: (run, first) => `this run (value ${run.value}, seed ${run.seed}) is not a job of the sweep in ${first}`,
    conflict: (run, earlier) => `value ${run.value}, seed ${run.seed} gave different figures here and in ${earlier.file}:${earlier.line}; the shards were not run by the same version of cutover`,
  });
  const { campaign, found, commonShardCount: common } = merged;
  const indices = [...found.keys()].sort((a, b) => a - b);
  const missing = campaignJobs(campaign).flatMap((job, index) => (found.has(index) ? [] : [{ ...job, index, ...(common === undefined ? {} : { shard: shardOf(index, common) }) }]));
  return { campaign, shards: merged.shards, runs: indices.map((index) => withoutCampaign(found.get(index)!.entry)), indices, missing, duplicates: merged.duplicates, damaged: merged.damaged };
}

/** "shard 3/4 (12 of 30 missing)", one entry per incomplete shard; just a count when the inputs were cut differently. */
export function describeMissing(merged: MergedCampaign): string {
  const shards = missingByShard(merged.missing.map((job) => job.shard), merged.campaign.jobs, 'no runs');
  return `${merged.missing.length} of ${merged.campaign.jobs} runs are missing${shards.length > 0 ? `: ${shards.join(', ')}` : ''}`;
}
