import { InputError } from '../../sim/index.js';
import { parseShard, shardLabel, type Shard } from './shard.js';

/**
 * `--shard` from the environment, for engines that start the same command many times and tell
 * each copy which it is (docs/scale-out.md), in this order:
 *   CUTOVER_SHARD=i/n                                   as `--shard i/n`
 *   CUTOVER_SHARD_INDEX=i, CUTOVER_SHARD_COUNT=n        a CI matrix (i from 1)
 *   JOB_COMPLETION_INDEX=k, CUTOVER_SHARD_COUNT=n       a Kubernetes Indexed Job (k from 0, so shard k+1;
 *                                                       n is the Job's completions, which Kubernetes does not
 *                                                       put in the environment: the manifest sets it)
 * `--shard` on the command line wins over all of them.
 */
export interface ShardFromEnvironment {
  shard: Shard;
  /** Where it came from, for the first line of the run, e.g. `$JOB_COMPLETION_INDEX=2, $CUTOVER_SHARD_COUNT=8`. */
  source: string;
}

const bad = (message: string) => new InputError('CLI_BAD_SHARD_ENV', `${message} (see docs/scale-out.md)`);

const wholeNumber = (name: string, text: string): number => {
  if (!/^\s*\d{1,9}\s*$/.test(text)) throw bad(`$${name} is "${text.slice(0, 40)}", expected a whole number`);
  return Number(text);
};

const checked = (index: number, count: number, source: string): ShardFromEnvironment => {
  try {
    return { shard: parseShard(`${index}/${count}`), source };
  } catch (error) {
    throw bad(`${source}: ${(error as Error).message}`);
  }
};

export function shardFromEnvironment(env: Readonly<Record<string, string | undefined>>): ShardFromEnvironment | undefined {
  const value = (name: string) => {
    const text = env[name];
    return text === undefined || text.trim() === '' ? undefined : text;
  };
  const whole = value('CUTOVER_SHARD');
  if (whole !== undefined) {
    try {
      const shard = parseShard(whole);
      return { shard, source: `$CUTOVER_SHARD=${shardLabel(shard)}` };
    } catch (error) {
      throw bad(`$CUTOVER_SHARD is "${whole.slice(0, 40)}": ${(error as Error).message}`);
    }
  }
  const index = value('CUTOVER_SHARD_INDEX');
  const count = value('CUTOVER_SHARD_COUNT');
  if (index !== undefined) {
    if (count === undefined) throw bad('$CUTOVER_SHARD_INDEX is set but $CUTOVER_SHARD_COUNT is not: set both (the index from 1, the count of shards)');
    const [i, n] = [wholeNumber('CUTOVER_SHARD_INDEX', index), wholeNumber('CUTOVER_SHARD_COUNT', count)];
    return checked(i, n, `$CUTOVER_SHARD_INDEX=${i}, $CUTOVER_SHARD_COUNT=${n}`);
  }
  const completion = value('JOB_COMPLETION_INDEX');
  if (completion !== undefined) {
    if (count === undefined) throw bad(`$JOB_COMPLETION_INDEX is ${completion.trim()} (a Kubernetes Indexed Job) but $CUTOVER_SHARD_COUNT is not set: set it to the Job's completions`);
    const [k, n] = [wholeNumber('JOB_COMPLETION_INDEX', completion), wholeNumber('CUTOVER_SHARD_COUNT', count)];
    return checked(k + 1, n, `$JOB_COMPLETION_INDEX=${k}, $CUTOVER_SHARD_COUNT=${n}`);
  }
  if (count !== undefined) throw bad('$CUTOVER_SHARD_COUNT is set without $CUTOVER_SHARD_INDEX or $JOB_COMPLETION_INDEX: set the index too');
  return undefined;
}

/** The shard a command runs: `--shard` if given, else the environment's, else undefined (the whole campaign). */
export function chosenShard(flag: Shard | undefined, env: Readonly<Record<string, string | undefined>>): ShardFromEnvironment | undefined {
  if (flag !== undefined) return { shard: flag, source: '--shard' };
  return shardFromEnvironment(env);
}

/** How an error names the shard: `--shard 2/4`, or `shard 2/4 (from $CUTOVER_SHARD=2/4)`. */
export const shardNamed = (chosen: ShardFromEnvironment): string =>
  chosen.source === '--shard' ? `--shard ${shardLabel(chosen.shard)}` : `shard ${shardLabel(chosen.shard)} (from ${chosen.source})`;
