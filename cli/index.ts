/** The `cutover` command line: `main(argv, io?, engine?)` returns the exit code. */
export { main, EXIT } from './main.js';
export type { CliIo } from './io.js';
export { memoryIo, processIo } from './io.js';
export type { Engine } from './engine.js';
export { runJson, type RunJson } from './run/json-output.js';
export { formatSummary } from './run/summary.js';
export { writeFileAtomic, checkOutputPath } from './atomic-write.js';
export { parseVary, type VarySpec } from './sweep/range.js';
export { setNumberAtPath } from './config-path.js';
export { parseShard, shardIndices, inShard, type Shard } from './shard/shard.js';
export { campaignFor, campaignJobs, type Campaign } from './sweep/campaign.js';
export { mergeResults, type MergedCampaign, type ResultsInput } from './merge/sweep.js';
