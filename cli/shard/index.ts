/** Shards of a campaign: `--shard i/n` and the environment of a Kubernetes Indexed Job or CI matrix. */
export { shardIndices, shardLabel, type Shard, inShard, WHOLE, parseShard, shardOf } from './shard.js';
export { chosenShard, shardNamed, type ShardFromEnvironment } from './environment.js';
