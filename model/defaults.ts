import { DAY, HOUR, MINUTE, SECOND } from '../sim/index.js';
import type {
  ClientConfig, DnsConfig, EndpointConfig, GeneratedMailFlow, LedgerConfig, MigrationParameters, SenderConfig, TenantConfig,
} from './config.js';
import type { OnPremServer } from './organisation.js';

/**
 * Every default of the model, with its source. Source keys (CUT, MMB, PERF, ...) are those
 * of ../shared/docs/research/exchange-migration-facts.md §0; "dns §n" refers to
 * dns-smtp-facts.md. Where sources disagree the value is a parameter and the comment
 * names the alternatives.
 */

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/**
 * PERF's throughput figures are in Exchange's gigabyte, the binary one (the move reports they
 * were observed in print sizes as ByteQuantifiedSize, 1 GB = 1024³ bytes), which is the
 * twin's GB. They are all-in rates of ordinary mailboxes (dns §6.4: 14,000 items per GB).
 */
const TYPICAL_ITEMS_PER_GB = 14_000;
/**
 * Per-item latency of an RPC/HTTP copy, ms. PERF (RPC-over-HTTP table): an efficient
 * RPC/HTTP client needs 2-5 round trips per item at ~40-50 ms each (client latency plus CAS
 * processing), 0.1-0.2 s per item; the efficient end is taken for the service's own client.
 * CloudM's "~2,000 items per thread-hour" (landscape F20) is another tool's all-in rate
 * (1.8 s per item including its data), not an overhead, so it only bounds this from above.
 */
const PER_ITEM_OVERHEAD = 100;
/**
 * The data rate that gives an all-in rate at the typical density: PERF's per-mailbox
 * 0.1-1.0 GB/h include the per-item time, which the model adds on top of the data rate.
 */
const dataRateForAllIn = (allInBytesPerHour: number): number =>
  1 / (1 / allInBytesPerHour - (TYPICAL_ITEMS_PER_GB * PER_ITEM_OVERHEAD) / (3_600_000 * GB));

export const DEFAULT_MIGRATION: MigrationParameters = {
  maxMailboxes: 2_000, // CUT; the New-MigrationBatch reference still says 1,000
  recommendedMailboxes: 150, // CUT, CUTW, PERF
  // Calibrated: 20 concurrent ordinary mailboxes move ~12 GB/h together, the middle of PERF's
  // 10-14 GB/h. A pool of slots runs at the harmonic mean of its mailboxes' rates (plus per-item
  // time and stalls), hence a data-rate median above PERF's 0.6 GB/h per mailbox. Kept by
  // test/model/migration/throughput-calibration.test.ts, which runs the engine.
  mailboxThroughputMedianBytesPerHour: 0.93 * GB,
  mailboxThroughputSigma: 0.5, // assumption: keeps most draws inside PERF's 0.1-1.0 GB/h range
  // PERF footnotes: a single migration moves 0.1-1.0 GB/h all-in; as data rates at the typical density ≈ 0.1-1.64 GB/h
  mailboxThroughputMinBytesPerHour: dataRateForAllIn(0.1 * GB),
  mailboxThroughputMaxBytesPerHour: dataRateForAllIn(1.0 * GB),
  perItemOverhead: PER_ITEM_OVERHEAD, // PERF RPC table (see PER_ITEM_OVERHEAD): ms per item
  stallsPerHour: 0.05, // assumption: occasional StalledDueToTarget_* (PERF, BLOG-THR)
  stallDuration: 30 * MINUTE, // PERF: "Will wait until <t+30 min>"
  queueDelayMin: 1 * MINUTE, // PERF: service queue shared among tenants; queue time is often forgotten
  queueDelayMax: 30 * MINUTE,
  provisioningDuration: 2 * MINUTE, // assumption: provisioning is minutes, not hours (MUSR phases)
  incrementalInterval: 24 * HOUR, // MMB: synchronized every 24 hours
  incrementalJitter: 2 * HOUR, // dns §7.3: phase jitter up to ~1-2 h (assumption)
  incrementalPassOverhead: 5 * MINUTE, // assumption: a pass connects and enumerates folders even when little changed
  batchCreationDuration: 3 * MINUTE, // CUTPS: creating a batch takes 2-5 minutes
  removalDuration: 5 * MINUTE, // CUT step 6: "a few minutes"
  autoStopSyncedAfter: 60 * DAY, // MMB housekeeping
  autoRemoveStoppedAfter: 90 * DAY, // MMB housekeeping
  allowStopWhenSynced: true, // MMB (EAC Pause stops incrementals); Stop-MigrationBatch text implies not
  exchange2003Supported: true, // CUT says 2003 or later; KB2389390 says 2003 is not supported
};

/**
 * DCS grades users Perfect / Good / Investigate / Poor from what the migration could not
 * copy, and does not publish its thresholds. Assumption: more than 1 % of the source items
 * skipped is major loss (Poor); any skipped item is significant (Investigate); Good (only
 * metadata or permissions lost) is not modelled.
 */
export const DEFAULT_DATA_CONSISTENCY_POOR_SHARE = 0.01;

export const DEFAULT_ENDPOINT: Omit<EndpointConfig, 'testMailbox' | 'username'> = {
  name: 'CutoverEndpoint',
  mode: 'autodiscover', // recommended (PS-New-MigrationEndpoint, example 4)
  authentication: 'Basic', // PS-New-MigrationEndpoint: Basic when not given
  mailboxPermission: 'Unspecified', // tries Admin, then FullAccess / Receive As
  acceptUntrustedCertificates: false,
  maxConcurrentMigrations: 20, // STG, PERF, EAC; the PS reference says 100, another PERF paragraph 10
  maxConcurrentIncrementalSyncs: 20, // PS reference; EAC community reports 10. Must be ≤ MaxConcurrentMigrations
  passwordEnv: 'CUTOVER_ADMIN_PASSWORD',
};

/** Concurrency limits: PERF allows 1-100 per endpoint; the per-endpoint-type cap is 300 (KB2797784). */
export const CONCURRENCY_LIMITS = { min: 1, max: 300 } as const;

export const DEFAULT_TENANT: Omit<TenantConfig, 'initialDomain'> = {
  verifiedDomains: [],
  directorySync: false,
  licensePool: Number.MAX_SAFE_INTEGER,
  preCreatedSecurityGroups: [],
  existingCutoverBatch: false,
  maxReceiveSizeBytes: 36 * MB, // BLOG-LARGE: new EXO mailbox MaxReceiveSize 36 MB (150 MB is the ceiling)
  mailboxQuotaBytes: 50 * GB, // users facts (limits): 50 GB for Exchange Online Plan 1 and the Business plans, 100 GB for Plan 2 / E3 / E5
  licenseGrace: 30 * DAY, // CUT step 7 / CUTPS section 7
  disabledDataRetention: 30 * DAY, // RMLIC: data held 30 days after the license is removed
  verificationPropagation: 15 * MINUTE, // CUT, DNSANY: wait about 15 minutes after adding the TXT record
};

export const DEFAULT_DNS: Omit<DnsConfig, 'oldMxHost' | 'newMxHost'> = {
  initialMxTtl: 86_400 * SECOND, // facts §9: default TTL often long (86,400 s)
  verificationTxtPublished: false,
  autodiscoverCnameExists: false,
  resolverCount: 500, // assumption: one per external sending organisation
  resolverMix: 'measured',
  cacheMissProbability: 0.3, // dns §1.1: caching works as expected ~70% of the time
  serveStaleFraction: 0.25, // dns §7.1: 0.2-0.3 (assumption)
  resolverBackgroundQueriesPerHour: 60, // assumption, calibrated with the extenders' hold times to Flavel 2014 (dns §1.4; model/dns/policy.ts)
};

export const DEFAULT_SENDERS: SenderConfig = {
  senderCount: 500,
  // dns §7.2: assumed weights (no sourced market share)
  profileMix: { 'exchange-online': 0.35, webmail: 0.3, postfix: 0.15, exim: 0.08, 'exchange-onprem': 0.07, sendmail: 0.05 },
};

export const DEFAULT_GENERATED_MAIL_FLOW: GeneratedMailFlow = {
  messagesPerUserPerDay: 80, // dns §7.4: lognormal median 80 (Radicati ≈ 120 total)
  volumeSigma: 0.8, // dns §7.4
  receivedPerSent: 3, // dns §6.1: sent:received ≈ 1:3 to 1:4
  externalShareOfReceived: 0.37, // dns §6.2: 63% internal (Mimecast 2012)
  weekendFactor: 0.15, // dns §7.4: weekend total 10-20% of a weekday
  startWeekday: 0,
  startHour: 0,
  quietBeforeHorizon: DAY, // assumption: longer than any ordinary delivery, shorter than the senders' queue lifetimes
};

export const DEFAULT_CLIENTS: ClientConfig = {
  domainJoinedFraction: 0.8, // assumption; domain-joined Outlook uses the SCP first (AUTOD)
  meanReconfigureDelay: 4 * HOUR, // assumption: a user following the welcome letter rebuilds their profile within hours
  webShare: 0.2, // assumption (no source): users who also open Outlook on the web
  mobileShare: 0.5, // assumption (no source): users with mail on a phone
  meanFirstWebUseDelay: 8 * HOUR, // assumption: the first web or phone sign-in within a working day of getting the password
  businessHours: { start: 8, end: 18 }, // assumption: a desk-side rollout runs in office hours, Monday to Friday
  x500ReplyShare: 0.05, // assumption: KB2807779 names the failure; the share of internal mail it hits is not published
  pstRecoveryDuration: 8 * HOUR, // assumption: export from the on-prem mailboxes and import into the cloud in a working day
};

export const DEFAULT_LEDGER: LedgerConfig = {
  lateThreshold: 4 * HOUR, // the delay-DSN point of Exchange and Sendmail (dns §4.5, §4.4)
  sampledPaths: 200,
};

/** The on-prem server when a scenario does not describe it: a healthy, reachable Exchange 2016 (scenarios/). */
export const DEFAULT_ONPREM_SERVER: Omit<OnPremServer, 'exchangeServerFqdn' | 'rpcProxyFqdn'> = {
  version: '2016', // assumption: a supported, common source version (CUT: 2003 or later)
  outlookAnywhereEnabled: true, // CUT prep. 1: automatic from Exchange 2013 on
  iisBasicAuthentication: true, // KB2389390
  certificate: 'trusted', // CUT prep. 2 requires a trusted CA
  rpcPorts6001To6004Open: true, // CUT note (2003 only)
  autodiscoverPublished: true,
  migrationAdmin: { permission: 'ReceiveAs', credentialsValid: true }, // CUT prep. 4: FullAccess per mailbox or Receive As on the database
  scpPointerSet: true, // AUTOD: the CAS publishes AutoDiscoverServiceInternalUri until it is cleared
  uplinkMbps: 100, // assumption: PRODUCT.md's example site
  // A capacity, not the observed average (PERF's 10-14 GB/h at 20 concurrent is demand-bound: more
  // concurrency helps until this). PERF: RPC/HTTP migrations reach 20-30 GB/h at most ("more than
  // 40 migration servers"); the top of that range is taken as one source's RPC/HTTP capacity (assumption).
  sourceCapBytesPerHour: 30 * GB,
  // dns §4.9: a switched-off server whose NAT/firewall rule still answers refuses (RST); assumption
  addressAfterDecommission: 'routes',
  outageFailure: 'unreachable', // dns §4.9: a powered-off or filtered host drops the SYN (assumption)
};

/** Generated mailboxes (scenario `generate:`) when the file gives no numbers. */
export const DEFAULT_MAILBOX_GENERATION = {
  sizeMedianBytes: 2.5 * GB, // dns §6.2/§6.5: Mimecast 2012 average inbox 2.53-2.81 GB
  sizeSigma: 0.8, // assumption: heavy-tailed sizes (no sourced distribution: dns §6.5)
  maxSizeBytes: 100 * GB, // dns §6.5: 100 GB primary mailbox (Plan 2); PERF: >200 GB unsupported
  itemsPerGB: TYPICAL_ITEMS_PER_GB, // dns §6.4: ≈ 75 KB average item
};

/** Scenario-level defaults (scenarios/resolve.ts). */
export const DEFAULT_SCENARIO = {
  seed: 1,
  horizon: 30 * DAY, // assumption: covers the 30-day license grace (CUT step 7)
};
