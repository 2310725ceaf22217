import { describe, expect, test } from 'vitest';
import { chosenShard, shardFromEnvironment } from '../../../cli/shard/environment.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('the shard from the environment', () => {
  test('nothing set: the whole campaign', () => {
    expect(shardFromEnvironment({})).toBeUndefined();
    expect(shardFromEnvironment({ CUTOVER_SHARD: '', JOB_COMPLETION_INDEX: ' ' })).toBeUndefined();
  });

  test('CUTOVER_SHARD=i/n is read as --shard i/n', () => {
    expect(shardFromEnvironment({ CUTOVER_SHARD: '2/4' })).toEqual({ shard: { index: 2, count: 4 }, source: '$CUTOVER_SHARD=2/4' });
  });

  test('a CI matrix: CUTOVER_SHARD_INDEX from 1 with CUTOVER_SHARD_COUNT', () => {
    expect(shardFromEnvironment({ CUTOVER_SHARD_INDEX: '3', CUTOVER_SHARD_COUNT: '4' })).toEqual({ shard: { index: 3, count: 4 }, source: '$CUTOVER_SHARD_INDEX=3, $CUTOVER_SHARD_COUNT=4' });
  });

  test('a Kubernetes Indexed Job: JOB_COMPLETION_INDEX from 0 is shard index+1 of CUTOVER_SHARD_COUNT', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', CUTOVER_SHARD_COUNT: '8' })?.shard).toEqual({ index: 1, count: 8 });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '7', CUTOVER_SHARD_COUNT: '8' })?.shard).toEqual({ index: 8, count: 8 });
  });

  test('the explicit forms win over the Kubernetes index, and --shard over everything', () => {
    const env = { CUTOVER_SHARD: '1/2', CUTOVER_SHARD_INDEX: '2', CUTOVER_SHARD_COUNT: '3', JOB_COMPLETION_INDEX: '0' };
    expect(shardFromEnvironment(env)?.shard).toEqual({ index: 1, count: 2 });
    expect(shardFromEnvironment({ ...env, CUTOVER_SHARD: undefined })?.shard).toEqual({ index: 2, count: 3 });
    expect(chosenShard({ index: 4, count: 5 }, env)).toEqual({ shard: { index: 4, count: 5 }, source: '--shard' });
  });

  test('half a pair, an index past the count or a word is bad input (exit 2), with the variable named', () => {
    const cases: Record<string, string | undefined>[] = [
      { CUTOVER_SHARD_INDEX: '1' },
      { JOB_COMPLETION_INDEX: '2' },
      { CUTOVER_SHARD_COUNT: '4' },
      { JOB_COMPLETION_INDEX: '4', CUTOVER_SHARD_COUNT: '4' },
      { CUTOVER_SHARD_INDEX: '0', CUTOVER_SHARD_COUNT: '4' },
      { CUTOVER_SHARD_INDEX: 'two', CUTOVER_SHARD_COUNT: '4' },
      { CUTOVER_SHARD: '3' },
    ];
    for (const env of cases) expect(codeOf(() => shardFromEnvironment(env)), JSON.stringify(env)).toBe('CLI_BAD_SHARD_ENV');
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '2' })).toThrow("set it to the Job's completions");
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: '4', CUTOVER_SHARD_COUNT: '4' })).toThrow('$JOB_COMPLETION_INDEX=4, $CUTOVER_SHARD_COUNT=4: the shard index i must be 1..4');
  });
});
