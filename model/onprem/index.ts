/** The on-prem Exchange server as a mail destination, and the mail waiting on it for a sync pass. */
export { OnPremExchange, ONPREM_REASONS, type OnPremVerdict, type OnPremCommandResult } from './onprem-server.js';
export { AwaitingSync } from './awaiting-sync.js';
export { IdBuckets } from './id-buckets.js';
