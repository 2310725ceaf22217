/** `cutover merge`: shard result files of a sweep or fuzz campaign joined into one. */
export { addMergeCommand } from './command.js';
