/** External sending MTAs with the retry schedules and queue lifetimes of real software. */
export { createSendingMtas, EXPIRED_CODE, type SendingMtasOptions } from './sending-mtas.js';
export { mxLookupWords } from './mx-lookup-words.js';
export { SENDER_PROFILES, type SenderProfile, type RetrySchedule, type EximRetryRule } from './profiles.js';
export type { ConnectionFailure, DeliveryAttemptOutcome, MailDestinations, MxLookup, SenderListener, SendingMtas } from './types.js';
