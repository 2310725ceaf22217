import { InvalidArgumentError } from 'commander';

/** One shard of a campaign, `--shard i/n` (1-based index, `count` shards in all). */
export interface Shard {
  index: number;
  count: number;
}

/** The whole campaign as one shard: what a run without `--shard` is. */
export const WHOLE: Shard = { index: 1, count: 1 };

const MAX_SHARDS = 100_000;

export const shardLabel = (shard: Shard): string => `${shard.index}/${shard.count}`;

/**
 * Parses `--shard i/n`. Indices are 1-based, as CI matrices and `JOB_COMPLETION_INDEX + 1`
 * give them; anything else is refused with one line (exit 2 through commander).
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new InvalidArgumentError('expected i/n with whole numbers, for example --shard 2/4 (the second of four shards).');
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw new InvalidArgumentError(`the shard count n must be 1..${MAX_SHARDS}.`);
  if (index < 1 || index > count) throw new InvalidArgumentError(`the shard index i must be 1..${count} (shards are numbered from 1).`);
  return { index, count };
}

/**
 * Whether the job at `jobIndex` (its position in the campaign's full job list) belongs to
 * `shard`. Round-robin on the index, so the split depends only on the job list — never on
 * the machine, the worker count or what finished first — and every shard gets a mix of
 * values rather than one slow block.
 */
export const inShard = (jobIndex: number, shard: Shard): boolean => jobIndex % shard.count === shard.index - 1;

/** The shard of `count` that holds the job at `jobIndex`. */
export const shardOf = (jobIndex: number, count: number): Shard => ({ index: (jobIndex % count) + 1, count });

/** The positions in a list of `total` jobs that belong to `shard`, in order. */
export function shardIndices(total: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let index = shard.index - 1; index < total; index += shard.count) indices.push(index);
  return indices;
}
