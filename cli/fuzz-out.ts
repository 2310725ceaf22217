import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { InputError } from '../sim/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { fuzzCampaignDifference, type FuzzCampaign } from './fuzz-campaign.js';
import { fuzzCaseLine, fuzzHeaderLine, parseFuzzResults, type FuzzCaseLine, type FuzzHeader } from './fuzz-results.js';
import { inShard, shardLabel, type Shard } from './shard.js';

/** An open fuzz results file: the cases it already held for this shard, and where new ones go. */
export interface FuzzResultsWriter {
  /** Cases finished by an earlier, interrupted run of the same shard, by case index. */
  done: Map<number, FuzzCaseLine>;
  /** Lines that were cut off or unreadable; their cases run again. */
  damaged: number;
  /** Appends one case and hands it to the operating system at once, so a killed process keeps it. */
  append(line: FuzzCaseLine): void;
  close(): void;
}

const refuse = (code: string, path: string, why: string): never => {
  throw new InputError(code, `--out ${path}: ${why}; pass --fresh to start it again from nothing, or choose another --out`);
};

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
 * Opens `--out` for a fuzz campaign's shard, as sweep-out.ts does for sweeps. A new (or
 * empty, or `fresh`) file gets a header. An existing file of the same campaign and shard is
 * resumed: its cases are kept and only the others run; damaged lines (a case cut off
 * mid-line) are first removed by an atomic rewrite. A file of another campaign or shard,
 * or not a fuzz results file, is refused before anything runs.
 */
export function openFuzzResults(path: string, campaign: FuzzCampaign, shard: Shard, fresh: boolean): FuzzResultsWriter {
  const done = new Map<number, FuzzCaseLine>();
  let damaged = 0;
  const header = fuzzHeaderLine({ cutoverFuzz: 1, campaign, shard });
  if (!fresh && existsSync(path) && statSync(path).size > 0) {
    const lines = parseFuzzResults(readFileSync(path, 'utf8'));
    const first = lines[0];
    if (first?.kind !== 'header') return refuse('CLI_FUZZ_OUT_FOREIGN', path, 'it exists and is not a fuzz results file (its first line is not a fuzz campaign header)');
    const difference = fuzzCampaignDifference(campaign, first.header.campaign);
    if (difference !== undefined) return refuse('CLI_FUZZ_CAMPAIGN_MISMATCH', path, `it holds another campaign: ${difference}`);
    if (shardLabel(first.header.shard) !== shardLabel(shard)) return refuse('CLI_FUZZ_SHARD_MISMATCH', path, `it holds shard ${shardLabel(first.header.shard)}, not ${shardLabel(shard)}`);
    for (const line of lines.slice(1)) {
      const mine = line.kind === 'case' && line.result.campaign === campaign.id && line.result.case < campaign.runs && inShard(line.result.case, shard);
      if (mine && !done.has(line.result.case)) done.set(line.result.case, line.result);
      else if (!mine) damaged++;
    }
    if (damaged > 0) writeFileAtomic(path, header + [...done.values()].map(fuzzCaseLine).join(''));
  } else {
    writeFileAtomic(path, header);
  }
  const descriptor = openSync(path, 'a');
  let open = true;
  return {
    done,
    damaged,
    append(line) {
      writeSync(descriptor, fuzzCaseLine(line));
    },
    close() {
      if (!open) return;
      open = false;
      fsyncSync(descriptor);
      closeSync(descriptor);
    },
  };
}
