import { existsSync, readFileSync, statSync } from 'node:fs';
import { fuzzCampaignDifference, type FuzzCampaign } from './campaign.js';
import { fuzzCaseLine, fuzzHeaderLine, parseFuzzResults, type FuzzCaseLine, type FuzzHeader } from './results.js';
import { openResultsJournal, type ResultsJournal } from '../journal/index.js';
import { inShard, type Shard } from '../shard/index.js';

/** An open fuzz results file: the cases it already held for this shard, and where new ones go. */
export type FuzzResultsWriter = ResultsJournal<FuzzCaseLine>;

/**
 * The header of an existing fuzz results file, or undefined (no file, empty, or not a fuzz
 * file). `cutover fuzz --out` without `--seed` resumes with the seed recorded there.
 */
export function existingFuzzHeader(path: string): FuzzHeader | undefined {
  if (!existsSync(path) || !statSync(path).isFile() || statSync(path).size === 0) return undefined;
  const first = parseFuzzResults(readFileSync(path, 'utf8'))[0];
  return first?.kind === 'header' ? first.header : undefined;
}

/**
 * Opens `--out` for a fuzz campaign's shard, as for sweeps (see results-journal.ts):
 * resumes the same campaign and shard, refuses anything else unless `fresh`.
 */
export function openFuzzResults(path: string, campaign: FuzzCampaign, shard: Shard, fresh: boolean): FuzzResultsWriter {
  return openResultsJournal<FuzzCaseLine>(path, shard, fresh, {
    kind: 'fuzz',
    codes: { foreign: 'CLI_FUZZ_OUT_FOREIGN', campaign: 'CLI_FUZZ_CAMPAIGN_MISMATCH', shard: 'CLI_FUZZ_SHARD_MISMATCH' },
    headerLine: fuzzHeaderLine({ cutoverFuzz: 1, campaign, shard }),
    read(text) {
      const lines = parseFuzzResults(text);
      const first = lines[0];
      if (first?.kind !== 'header') return { header: undefined, entries: [] };
      return {
        header: { difference: fuzzCampaignDifference(campaign, first.header.campaign), shard: first.header.shard },
        entries: lines.slice(1).map((line) => {
          const mine = line.kind === 'case' && line.result.campaign === campaign.id && line.result.case < campaign.runs && inShard(line.result.case, shard);
          return mine && line.kind === 'case' ? { index: line.result.case, entry: line.result } : undefined;
        }),
      };
    },
    entryLine: fuzzCaseLine,
  });
}
