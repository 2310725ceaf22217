import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { InputError } from '../sim/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { campaignDifference, jobIndex, type Campaign } from './campaign.js';
import { inShard, shardLabel, type Shard } from './shard.js';
import { headerLine, parseResults, runLine, withoutCampaign } from './sweep-results.js';
import type { SweepRun } from './sweep-stats.js';

/** An open results file: what it already held for this shard, and where new runs go. */
export interface ResultsWriter {
  /** Runs found in the file from an earlier, interrupted run of the same shard, by job index. */
  done: Map<number, SweepRun>;
  /** Lines that were cut off or unreadable; their jobs run again. */
  damaged: number;
  /** Appends one run and hands it to the operating system at once, so a killed process keeps it. */
  append(run: SweepRun): void;
  close(): void;
}

const refuse = (code: string, path: string, why: string): never => {
  throw new InputError(code, `--out ${path}: ${why}; pass --fresh to start it again from nothing, or choose another --out`);
};

/**
 * Opens `--out` for a campaign's shard. A new (or empty, or `fresh`) file gets a header.
 * An existing file of the same campaign and shard is resumed: its runs are kept and only
 * the missing jobs run; when it had damaged lines (a run cut off mid-line) it is first
 * rewritten, atomically, without them. A file of another campaign or shard, or not a
 * results file at all, is refused before anything runs.
 */
export function openResults(path: string, campaign: Campaign, shard: Shard, fresh: boolean): ResultsWriter {
  const done = new Map<number, SweepRun>();
  let damaged = 0;
  const header = headerLine({ cutoverSweep: 1, campaign, shard });
  if (!fresh && existsSync(path) && statSync(path).size > 0) {
    const lines = parseResults(readFileSync(path, 'utf8'));
    const first = lines[0];
    if (first?.kind !== 'header') return refuse('CLI_SWEEP_OUT_FOREIGN', path, 'it exists and is not a sweep results file (its first line is not a campaign header)');
    const difference = campaignDifference(campaign, first.header.campaign);
    if (difference !== undefined) return refuse('CLI_SWEEP_CAMPAIGN_MISMATCH', path, `it holds another campaign: ${difference}`);
    if (shardLabel(first.header.shard) !== shardLabel(shard)) return refuse('CLI_SWEEP_SHARD_MISMATCH', path, `it holds shard ${shardLabel(first.header.shard)}, not ${shardLabel(shard)}`);
    for (const line of lines.slice(1)) {
      const index = line.kind === 'run' && line.run.campaign === campaign.id ? jobIndex(campaign, line.run) : undefined;
      if (line.kind === 'run' && index !== undefined && inShard(index, shard)) {
        if (!done.has(index)) done.set(index, withoutCampaign(line.run));
      } else {
        damaged++;
      }
    }
    if (damaged > 0) writeFileAtomic(path, header + [...done.values()].map((run) => runLine(campaign.id, run)).join(''));
  } else {
    writeFileAtomic(path, header);
  }
  const descriptor = openSync(path, 'a');
  let open = true;
  return {
    done,
    damaged,
    append(run) {
      writeSync(descriptor, runLine(campaign.id, run));
    },
    close() {
      if (!open) return;
      open = false;
      fsyncSync(descriptor);
      closeSync(descriptor);
    },
  };
}
