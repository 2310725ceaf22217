/** Mail flow: generated and explicit traffic, and where each message goes once sent. */
export { GeneratedTraffic, generatedTrafficStopsAt, type TrafficSink, type GeneratedTrafficOptions } from './generated-traffic.js';
export { ExplicitTraffic } from './explicit-traffic.js';
export { MailRouter, type MailRouterOptions } from './mail-router.js';
export { UserDirectory, senderOrganisationFor, externalSenderAddress } from './user-directory.js';
export { REASONS, STRANDED_REASONS, bounceReason } from './reasons.js';
export { volumeFactor, WEEKDAY_HOUR_FACTORS, type CalendarAnchor } from './diurnal-shape.js';
export { UserVolumes } from './user-volumes.js';
