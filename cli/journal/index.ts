/** Result journals (one JSON line per finished job) and merging them across shards. */
export { openResultsJournal, type ResultsJournal } from './results.js';
export { mergeJournals, missingByShard, type ResultsInput } from './merge.js';
