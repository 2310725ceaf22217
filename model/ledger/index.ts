/** The message ledger: one fate per message, compact columns, sampled full paths. */
export { delayHistogram, mergeHistograms, histogramPercentile, bucketOf, bucketWidth } from './delay-histogram.js';
export { Ledger, LedgerInvariantError, type LedgerOptions, type LedgerSummary, type PendingResolution } from './ledger.js';
export { CAUSES, MESSAGE_CAUSES, PLAN_PENDING_CAUSES, causeOf, causeText, NDR_PREFIX, type MessageCause } from './causes.js';
