import { campaignDifference, jobIndex, type Campaign } from './campaign.js';
import { openResultsJournal, type ResultsJournal } from '../journal/index.js';
import { inShard, type Shard } from '../shard/index.js';
import { headerLine, parseResults, runLine, withoutCampaign } from './results.js';
import type { SweepRun } from './stats.js';

/** An open sweep results file: what it already held for this shard, and where new runs go. */
export type ResultsWriter = ResultsJournal<SweepRun>;

/**
 * Opens `--out` for a sweep campaign's shard (see results-journal.ts): resumes the same
 * campaign and shard, refuses anything else unless `fresh`.
 */
export function openResults(path: string, campaign: Campaign, shard: Shard, fresh: boolean): ResultsWriter {
  return openResultsJournal<SweepRun>(path, shard, fresh, {
    kind: 'sweep',
    codes: { foreign: 'CLI_SWEEP_OUT_FOREIGN', campaign: 'CLI_SWEEP_CAMPAIGN_MISMATCH', shard: 'CLI_SWEEP_SHARD_MISMATCH' },
    headerLine: headerLine({ cutoverSweep: 1, campaign, shard }),
    read(text) {
      const lines = parseResults(text);
      const first = lines[0];
      if (first?.kind !== 'header') return { header: undefined, entries: [] };
      return {
        header: { difference: campaignDifference(campaign, first.header.campaign), shard: first.header.shard },
        entries: lines.slice(1).map((line) => {
          const index = line.kind === 'run' && line.run.campaign === campaign.id ? jobIndex(campaign, line.run) : undefined;
          return line.kind === 'run' && index !== undefined && inShard(index, shard) ? { index, entry: withoutCampaign(line.run) } : undefined;
        }),
      };
    },
    entryLine: (run) => runLine(campaign.id, run),
  });
}
