import { InputError } from '../../sim/index.js';
import { shardIndices, shardLabel, type Shard } from '../shard/index.js';

/** One results file given to `cutover merge`. */
export interface ResultsInput {
  file: string;
  text: string;
}

/** A results file's line as each kind of campaign parses it. */
export type JournalLine<Campaign, Entry> =
  | { kind: 'header'; line: number; campaign: Campaign; shard: Shard }
  | { kind: 'entry'; line: number; entry: Entry }
  | { kind: 'damaged'; line: number };

/** What the merge needs of one kind of campaign (sweep or fuzz). */
export interface MergeFormat<Campaign, Entry> {
  /** "sweep" or "fuzz campaign", for messages. */
  what: string;
  /** Why an input is not such a results file. */
  notResults(file: string): string;
  parse(text: string): JournalLine<Campaign, Entry>[];
  difference(expected: Campaign, found: Campaign): string | undefined;
  /** The job index of an entry in the campaign, or undefined when it is not one of its jobs. */
  indexOf(campaign: Campaign, entry: Entry): number | undefined;
  same(a: Entry, b: Entry): boolean;
  /** Why an entry is refused: not a job of the first file's campaign, or another result for a job found earlier. */
  notAJob(entry: Entry, firstFile: string): string;
  conflict(entry: Entry, earlier: { file: string; line: number }): string;
}

export interface MergedJournals<Campaign, Entry> {
  campaign: Campaign;
  /** Each header's shard, in input order (a concatenated file may name several). */
  shards: Shard[];
  /** Every job found, by index, with the file and line it came from. */
  found: Map<number, { entry: Entry; file: string; line: number }>;
  /** The shard count every input shares, if they share one. */
  commonShardCount: number | undefined;
  duplicates: number;
  damaged: number;
}

/**
 * Merges results files of one campaign. Every header and every entry must belong to the
 * first file's campaign, or the merge is refused (file and line named). The same job found
 * twice is kept once; found twice with different results it is refused, since a
 * deterministic run cannot give two answers (the inputs come from different code).
 */
export function mergeJournals<Campaign, Entry>(inputs: readonly ResultsInput[], format: MergeFormat<Campaign, Entry>): MergedJournals<Campaign, Entry> {
  let campaign: Campaign | undefined;
  const shards: Shard[] = [];
  const found = new Map<number, { entry: Entry; file: string; line: number }>();
  let duplicates = 0;
  let damaged = 0;
  for (const input of inputs) {
    const lines = format.parse(input.text);
    if (lines[0]?.kind !== 'header') throw new InputError('CLI_MERGE_NOT_RESULTS', format.notResults(input.file), { file: input.file, line: 1 });
    for (const line of lines) {
      const where = { file: input.file, line: line.line };
      if (line.kind === 'damaged') {
        damaged++;
      } else if (line.kind === 'header') {
        campaign ??= line.campaign;
        const difference = format.difference(campaign, line.campaign);
        if (difference !== undefined) throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', `${input.file} belongs to another ${format.what} than ${inputs[0]!.file}: ${difference}`, where);
        shards.push(line.shard);
      } else {
        const index = format.indexOf(campaign!, line.entry);
        if (index === undefined) throw new InputError('CLI_MERGE_CAMPAIGN_MISMATCH', format.notAJob(line.entry, inputs[0]!.file), where);
        const earlier = found.get(index);
        if (earlier === undefined) found.set(index, { entry: line.entry, ...where });
        else if (format.same(earlier.entry, line.entry)) duplicates++;
        else throw new InputError('CLI_MERGE_CONFLICT', format.conflict(line.entry, earlier), where);
      }
    }
  }
  if (campaign === undefined) throw new InputError('CLI_MERGE_NOT_RESULTS', 'no results files given');
  const counts = new Set(shards.map((shard) => shard.count));
  return { campaign, shards, found, commonShardCount: counts.size === 1 ? [...counts][0]! : undefined, duplicates, damaged };
}

/** "shard 3/4 (12 of 30 missing)" for each incomplete shard of the missing jobs' shards. */
export function missingByShard(missingShards: readonly (Shard | undefined)[], total: number, none: string): string[] {
  const byShard = new Map<string, { shard: Shard; missing: number }>();
  for (const shard of missingShards) {
    if (shard === undefined) continue;
    const entry = byShard.get(shardLabel(shard)) ?? { shard, missing: 0 };
    entry.missing++;
    byShard.set(shardLabel(shard), entry);
  }
  return [...byShard.values()].map(({ shard, missing }) => {
    const size = shardIndices(total, shard).length;
    return `shard ${shardLabel(shard)} (${missing === size ? none : `${missing} of ${size} missing`})`;
  });
}
