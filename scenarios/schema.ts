import { z } from 'zod';
import { endpointSection, organisationSection } from './schema-organisation.js';
import { explicitMessage, faultEntry, planEntry } from './schema-plan.js';
import {
  address, count, duration, flag, hostName, oneOf, positiveCount, probability, size,
} from './schema-primitives.js';

/**
 * The scenario file format (YAML or JSON), as a zod schema. Every object is strict: an
 * unknown key (a typo) is an error, never silently ignored. Everything optional has a
 * default, applied in resolve.ts from model/defaults.ts; docs/scenario-format.md lists them.
 */

const tenantSection = z.strictObject({
  initialDomain: hostName.optional().describe('default: <first label of the domain>.onmicrosoft.com'),
  verifiedDomains: z.array(hostName).optional(),
  directorySync: flag.optional().describe('directory synchronization on at the start (must be off: CUT)'),
  licensePool: z.union([count, z.literal('unlimited')], { error: 'expected a number of licenses or "unlimited"' }).optional(),
  preCreatedSecurityGroups: z.array(address).optional().describe('addresses of empty mail-enabled security groups created in the tenant (CUT prep. 7)'),
  existingCutoverBatch: flag.optional(),
  maxReceiveSize: size.optional().describe('MaxReceiveSize of new cloud mailboxes (36 MB: BLOG-LARGE)'),
  licenseGrace: duration.optional(),
  disabledDataRetention: duration.optional(),
  verificationPropagation: duration.optional(),
});

const migrationSection = z.strictObject({
  maxMailboxes: positiveCount.optional(),
  recommendedMailboxes: positiveCount.optional(),
  mailboxThroughputMedianPerHour: size.optional(),
  mailboxThroughputSigma: z.number().nonnegative().optional(),
  mailboxThroughputMinPerHour: size.optional(),
  mailboxThroughputMaxPerHour: size.optional(),
  perItemOverhead: duration.optional(),
  stallsPerHour: z.number().nonnegative().optional(),
  stallDuration: duration.optional(),
  queueDelayMin: duration.optional(),
  queueDelayMax: duration.optional(),
  provisioningDuration: duration.optional(),
  incrementalInterval: duration.optional(),
  incrementalJitter: duration.optional(),
  batchCreationDuration: duration.optional(),
  removalDuration: duration.optional(),
  autoStopSyncedAfter: duration.optional(),
  autoRemoveStoppedAfter: duration.optional(),
  allowStopWhenSynced: flag.optional(),
  exchange2003Supported: flag.optional(),
});

const dnsSection = z.strictObject({
  initialMxTtl: duration.optional(),
  oldMxHost: hostName.optional(),
  newMxHost: hostName.optional(),
  verificationTxtPublished: flag.optional(),
  autodiscoverCnameExists: flag.optional(),
  resolverCount: positiveCount.optional(),
  resolverMix: z.union([
    oneOf(['measured', 'all-honour']),
    z.strictObject({ honour: z.number().nonnegative(), extend: z.number().nonnegative() }),
  ], { error: 'expected "measured", "all-honour" or { honour, extend } weights' }).optional(),
  cacheMissProbability: probability.optional(),
  serveStaleFraction: probability.optional(),
  resolverBackgroundQueriesPerHour: z.number().nonnegative().optional()
    .describe("median rate of other clients' queries per resolver per hour (assumption; keeps caches warm)"),
});

const senderProfiles = ['exchange-onprem', 'exchange-online', 'webmail', 'postfix', 'exim', 'sendmail'] as const;
const sendersSection = z.strictObject({
  senderCount: positiveCount.optional(),
  profileMix: z.partialRecord(oneOf(senderProfiles), z.number().nonnegative()).optional(),
  profileOverrides: z.partialRecord(oneOf(senderProfiles), z.strictObject({
    queueLifetime: duration.optional().describe('give up and bounce after this long in the queue'),
    delayNoticeAfter: z.union([duration, z.null()]).optional().describe('send a delay notice after this long; null turns it off'),
  })).optional().describe('overrides of a sender profile\'s sourced numbers'),
});

const generatedMailFlow = z.strictObject({
  messagesPerUserPerDay: z.number().nonnegative().optional(),
  volumeSigma: z.number().nonnegative().optional(),
  receivedPerSent: z.number().nonnegative().optional(),
  externalShareOfReceived: probability.optional(),
  weekendFactor: z.number().nonnegative().optional(),
  startWeekday: z.number().int().min(0).max(6).optional().describe('0 = Monday'),
  startHour: z.number().min(0).max(23.99).optional(),
});

const mailFlowSection = z.strictObject({
  generated: z.union([generatedMailFlow, z.literal(false)], { error: 'expected generated-traffic settings or false' }).optional()
    .describe('generated traffic; false turns it off (default: on, with the defaults)'),
  explicit: z.array(explicitMessage).optional(),
});

const clientsSection = z.strictObject({
  domainJoinedFraction: probability.optional(),
  meanReconfigureDelay: duration.optional(),
});

const ledgerSection = z.strictObject({
  lateThreshold: duration.optional(),
  sampledPaths: count.optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: 'expected a name of letters, digits, ".", "_" or "-"' }).optional()
    .describe('scenario name (default: the file name)'),
  description: z.string().optional().describe('what the scenario shows'),
  seed: z.number().int().nonnegative().optional().describe('random seed (default 1)'),
  horizon: duration.optional().describe('how long to simulate (default: the whole plan plus a 3-day margin; 30d without a plan)'),
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
  plan: z.array(planEntry).optional().describe('timed admin actions'),
  faults: z.array(faultEntry).optional(),
});

/** A scenario file as written (before defaults and units are resolved). */
export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type PlanEntry = z.infer<typeof planEntry>;
