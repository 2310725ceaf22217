import { z } from 'zod';
import { endpointSection, organisationSection } from './schema-organisation.js';
import { explicitMessage, faultEntry, planEntry } from './schema-plan.js';
import { boundedCount, boundedNumber, LIMITS, MAX_DURATION, withDurationRange, withSizeRange } from './bounds.js';
import {
  address, duration, flag, hostName, mxTtl, oneOf, probability, size,
} from './schema-primitives.js';
import { DAY, HOUR, MINUTE, SECOND } from '../sim/index.js';

/**
 * The scenario file format (YAML or JSON), as a zod schema. Every object is strict: an
 * unknown key (a typo) is an error, never silently ignored. Everything optional has a
 * default, applied in resolve.ts from model/defaults.ts; docs/scenario-format.md lists them.
 */

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** Per-mailbox transfer rates: PERF measures 0.1-1.0 GB/h; a source serving 100 GB/h to one mailbox does not exist. */
const rate = withSizeRange(size, { min: MB, max: 100 * GB, why: 'per hour; PERF measures 0.1-1.0 GB/h per mailbox' });
/** A lognormal log sigma: 3 already spreads draws twenty-fold either way of the median at one sigma. */
const logSigma = boundedNumber({ min: 0, max: 3, why: 'a lognormal log sigma; 3 spreads draws 20× either way at one sigma' });
/** Weights of a mix: relative, so their scale does not matter; bounded so they sum without overflow. */
const weight = boundedNumber({ min: 0, max: 1_000_000, why: 'a relative weight' });

const tenantSection = z.strictObject({
  initialDomain: hostName.optional().describe('default: <first label of the domain>.onmicrosoft.com'),
  verifiedDomains: z.array(hostName).max(LIMITS.recipients, { error: `expected at most ${LIMITS.recipients} domains` }).optional(),
  directorySync: flag.optional().describe('directory synchronization on at the start (must be off: CUT)'),
  licensePool: z.union([boundedCount(0, 1_000_000, 'licenses; far more than the 2,000 mailboxes a cutover moves (CUT)'), z.literal('unlimited')], { error: 'expected a number of licenses from 0 to 1,000,000, or "unlimited"' }).optional(),
  preCreatedSecurityGroups: z.array(address).max(LIMITS.recipients, { error: `expected at most ${LIMITS.recipients} groups` }).optional().describe('addresses of empty mail-enabled security groups created in the tenant (CUT prep. 7)'),
  existingCutoverBatch: flag.optional(),
  maxReceiveSize: withSizeRange(size, { min: KB, max: 150 * MB, why: 'Exchange Online allows MaxReceiveSize up to 150 MB (BLOG-LARGE)' }, 'MaxReceiveSize of new cloud mailboxes (36 MB: BLOG-LARGE)').optional(),
  mailboxQuota: withSizeRange(size, { min: GB, max: 1.5 * 1024 * GB, why: 'Exchange Online quotas run from a few GB to 1.5 TB (archive); the main mailbox is 50 or 100 GB' }, 'storage quota of each cloud mailbox, set by the license (50 GB; 100 GB for Plan 2 / E3 / E5)').optional(),
  licenseGrace: duration.optional(),
  disabledDataRetention: duration.optional(),
  verificationPropagation: duration.optional(),
});

const migrationSection = z.strictObject({
  maxMailboxes: boundedCount(1, LIMITS.mailboxes, 'the service takes 2,000 (CUT); up to the most mailboxes a scenario holds').optional(),
  recommendedMailboxes: boundedCount(1, LIMITS.mailboxes, 'the article recommends 150 (CUT); up to the most mailboxes a scenario holds').optional(),
  mailboxThroughputMedianPerHour: rate.optional(),
  mailboxThroughputSigma: logSigma.optional(),
  mailboxThroughputMinPerHour: rate.optional(),
  mailboxThroughputMaxPerHour: rate.optional(),
  perItemOverhead: withDurationRange(duration, { max: 10 * SECOND, why: 'per item; an item that takes longer is a stall, not overhead' }).optional(),
  stallsPerHour: boundedNumber({ min: 0, max: 60, why: 'at most one stall a minute of syncing' }).optional(),
  stallDuration: withDurationRange(duration, { min: MINUTE, max: 7 * DAY, why: 'PERF: a stall waits about 30 min; under a minute a stalled mailbox would spin' }).optional(),
  queueDelayMin: withDurationRange(duration, { max: 7 * DAY, why: 'PERF: minutes of service queue; a week is an outage' }).optional(),
  queueDelayMax: withDurationRange(duration, { max: 7 * DAY, why: 'PERF: minutes of service queue; a week is an outage' }).optional(),
  provisioningDuration: withDurationRange(duration, { max: DAY, why: 'provisioning takes minutes (MUSR)' }).optional(),
  incrementalInterval: withDurationRange(duration, { min: HOUR, max: 30 * DAY, why: 'MMB: every 24 hours; under an hour the batch would be a loop of empty passes' }).optional(),
  incrementalJitter: withDurationRange(duration, { max: DAY, why: 'dns §7.3: up to about 2 hours' }).optional(),
  batchCreationDuration: withDurationRange(duration, { max: DAY, why: 'CUTPS: 2-5 minutes' }).optional(),
  removalDuration: withDurationRange(duration, { max: DAY, why: 'CUT step 6: a few minutes' }).optional(),
  autoStopSyncedAfter: withDurationRange(duration, { min: HOUR, max: MAX_DURATION, why: 'MMB: 60 days of housekeeping' }).optional(),
  autoRemoveStoppedAfter: withDurationRange(duration, { min: HOUR, max: MAX_DURATION, why: 'MMB: 90 days of housekeeping' }).optional(),
  allowStopWhenSynced: flag.optional(),
  exchange2003Supported: flag.optional(),
  dataConsistencyPoorShare: probability.optional().describe('share of skipped source items above which a user\'s DataConsistencyScore is Poor (1 %: an assumption, DCS keeps its thresholds unpublished)'),
});

const dnsSection = z.strictObject({
  initialMxTtl: mxTtl().optional(),
  oldMxHost: hostName.optional(),
  newMxHost: hostName.optional(),
  verificationTxtPublished: flag.optional(),
  autodiscoverCnameExists: flag.optional(),
  resolverCount: boundedCount(1, LIMITS.population, 'a sample of the Internet\'s resolvers, each with its own cache (default 500); what a laptop simulates').optional(),
  resolverMix: z.union([
    oneOf(['measured', 'all-honour']),
    z.strictObject({ honour: weight, extend: weight }),
  ], { error: 'expected "measured", "all-honour" or { honour, extend } weights' }).optional(),
  cacheMissProbability: probability.optional(),
  serveStaleFraction: probability.optional(),
  resolverBackgroundQueriesPerHour: boundedNumber({ min: 0, max: 3_600, why: 'at most one query a second per resolver' }).optional()
    .describe("median rate of other clients' queries per resolver per hour (assumption; keeps caches warm)"),
});

const senderProfiles = ['exchange-onprem', 'exchange-online', 'webmail', 'postfix', 'exim', 'sendmail'] as const;
const sendersSection = z.strictObject({
  senderCount: boundedCount(1, LIMITS.population, 'a sample of the sending MTAs, each with its own queue (default 500); what a laptop simulates').optional(),
  profileMix: z.partialRecord(oneOf(senderProfiles), weight).optional(),
  profileOverrides: z.partialRecord(oneOf(senderProfiles), z.strictObject({
    queueLifetime: withDurationRange(duration, { min: MINUTE, max: 30 * DAY, why: 'dns §4: Exchange 2 days, Postfix and Sendmail 5 days; under a minute nothing is retried' },
      'give up and bounce after this long in the queue').optional(),
    delayNoticeAfter: z.union([withDurationRange(duration, { min: MINUTE, max: 30 * DAY, why: 'dns §4.5: 4 hours for Exchange and Sendmail' }), z.null()]).optional().describe('send a delay notice after this long; null turns it off'),
  })).optional().describe('overrides of a sender profile\'s sourced numbers'),
});

const generatedMailFlow = z.strictObject({
  messagesPerUserPerDay: boundedNumber({ min: 0, max: 10_000, why: 'dns §7.4: a median of 80; 10,000 a day is a mail storm' }).optional(),
  volumeSigma: logSigma.optional(),
  receivedPerSent: boundedNumber({ min: 0, max: 100, why: 'dns §6.1: about 3 received per sent' }).optional(),
  externalShareOfReceived: probability.optional(),
  weekendFactor: boundedNumber({ min: 0, max: 1, why: 'a weekend day relative to a weekday; dns §7.4: 10-20%' }).optional(),
  startWeekday: z.number().int().min(0).max(6).optional().describe('0 = Monday'),
  startHour: z.number().min(0).max(23.99).optional(),
});

const mailFlowSection = z.strictObject({
  generated: z.union([generatedMailFlow, z.literal(false)], { error: 'expected generated-traffic settings or false' }).optional()
    .describe('generated traffic; false turns it off (default: on, with the defaults)'),
  explicit: z.array(explicitMessage).max(LIMITS.explicitMessages, { error: `expected at most ${LIMITS.explicitMessages.toLocaleString('en-US')} explicit messages (use generated traffic for volume)` }).optional(),
});

const clientsSection = z.strictObject({
  domainJoinedFraction: probability.optional(),
  meanReconfigureDelay: withDurationRange(duration, { max: 30 * DAY, why: 'a user who rebuilds their own profile does so within days of the welcome letter (assumption)' }, 'mean time a user takes to rebuild their own Outlook profile from the welcome letter (assumption)').optional(),
  webShare: probability.optional().describe('share of users who also read mail in Outlook on the web (assumption)'),
  mobileShare: probability.optional().describe('share of users who read mail on a phone (assumption)'),
  meanFirstWebUseDelay: duration.optional().describe('mean time from getting the password to the first web or phone use (assumption)'),
  businessHours: z.strictObject({
    start: z.number().min(0).max(23),
    end: z.number().min(1).max(24),
  }).refine((hours) => hours.end > hours.start, { error: 'expected business hours that end after they start' }).optional()
    .describe('office hours for desk-by-desk profile rollouts, Monday to Friday'),
  x500ReplyShare: probability.optional().describe('share of internal mail from cloud Outlook addressed to an old legacyExchangeDN (assumption; KB2807779)'),
  pstRecoveryDuration: duration.optional().describe('time from a PST export of stranded mail to its import into the cloud (assumption)'),
});

const ledgerSection = z.strictObject({
  lateThreshold: withDurationRange(duration, { min: SECOND, max: 30 * DAY, why: 'dns §4.5: the 4-hour delay-notice point' }).optional(),
  sampledPaths: boundedCount(0, 10_000, 'message paths kept in full for the report; each costs memory').optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected a name of letters, digits, ".", "_" or "-"' }).optional()
    .describe('scenario name (default: the file name)'),
  description: z.string().optional().describe('what the scenario shows'),
  seed: boundedCount(0, Number.MAX_SAFE_INTEGER, 'a whole number a double holds exactly').optional().describe('random seed (default 1)'),
  horizon: withDurationRange(duration, { min: MINUTE, max: MAX_DURATION, why: 'a year covers the license grace and every housekeeping timer' }, 'how long to simulate (default: the whole plan plus a 3-day margin; 30d without a plan)').optional(),
  startDate: z.iso.datetime({ offset: true, error: 'expected an ISO date-time such as "2025-03-03T08:00:00Z"' }).optional()
    .describe('calendar time of T+0: outputs show local times, plan actions may be given at calendar times, generated traffic starts on its weekday and hour'),
  timeZone: z.string().optional().describe('IANA time zone of the calendar, for example "Europe/Berlin" (default UTC)'),
  organisation: organisationSection,
  tenant: tenantSection.optional(),
  endpoint: endpointSection.optional(),
  migration: migrationSection.optional(),
  dns: dnsSection.optional(),
  senders: sendersSection.optional(),
  mailFlow: mailFlowSection.optional(),
  clients: clientsSection.optional(),
  ledger: ledgerSection.optional(),
  plan: z.array(planEntry).max(LIMITS.planEntries, { error: `expected at most ${LIMITS.planEntries} plan entries` }).optional().describe('timed admin actions'),
  faults: z.array(faultEntry).max(LIMITS.planEntries, { error: `expected at most ${LIMITS.planEntries} faults` }).optional(),
});

/** A scenario file as written (before defaults and units are resolved). */
export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type PlanEntry = z.infer<typeof planEntry>;
