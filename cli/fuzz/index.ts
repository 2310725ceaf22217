/** `cutover fuzz`: property-based search for timelines that lose mail, sharded and resumable. */
export { addFuzzCommand } from './command.js';
export { formatFuzzSummary, fuzzMergeJson, mergeFuzzResults, describeMissingCases } from './merge.js';
export { fuzzCaseLine, fuzzHeaderLine, isFuzzResults } from './results.js';
