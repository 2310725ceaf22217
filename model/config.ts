import type { Millis } from '../sim/index.js';
import type { Organisation } from './organisation.js';

/**
 * A simulation's input in resolved form: every duration in milliseconds, every default
 * filled in. Scenario files (YAML/JSON, see scenarios/) are validated and turned into this;
 * tests and the library API may build it directly. Defaults and their sources are in
 * model/defaults.ts.
 */
export interface SimulationConfig {
  name: string;
  seed: number;
  /** Simulated time to run, from the start. */
  horizon: Millis;
  /** ISO date-time of T+0; outputs convert times to it (sim/calendar.ts), the simulation itself never reads a calendar. */
  startDate?: string;
  /** IANA time zone of the planner's calendar (default UTC); only with startDate. */
  timeZone?: string;
  /** Set when the scenario gave no horizon: it covers the plan, ending by `planEndsBy`, plus `margin`. */
  horizonFromPlan?: { planEndsBy: Millis; margin: Millis };
  organisation: Organisation;
  tenant: TenantConfig;
  endpoint: EndpointConfig;
  migration: MigrationParameters;
  dns: DnsConfig;
  senders: SenderConfig;
  mailFlow: MailFlowConfig;
  clients: ClientConfig;
  ledger: LedgerConfig;
  plan: PlannedAction[];
  /** Faults declared by the scenario (they explain loss that the checker cannot foresee). */
  faults: DeclaredFault[];
}

export interface TenantConfig {
  /** The tenant's initial domain, for example contoso.onmicrosoft.com. */
  initialDomain: string;
  /** Domains already verified at T+0. */
  verifiedDomains: string[];
  /** Directory synchronization on at T+0 (must be off for a cutover: CUT). */
  directorySync: boolean;
  /** Licenses available for assignment. */
  licensePool: number;
  /** Empty mail-enabled security groups pre-created in the tenant (addresses). */
  preCreatedSecurityGroups: string[];
  /** A cutover batch that already exists in the tenant at T+0 (only one may exist: CUTPS). */
  existingCutoverBatch: boolean;
  /** MaxReceiveSize of new cloud mailboxes, bytes (36 MB default; up to 150 MB). */
  maxReceiveSizeBytes: number;
  /** The cloud mailbox's storage quota, bytes, which the license sets (50 GB or 100 GB for the usual plans). */
  mailboxQuotaBytes: number;
  /** Unlicensed mailbox grace period before it is disabled (30 days: CUT step 7). */
  licenseGrace: Millis;
  /** How long a disabled mailbox's data is kept before it is gone (30 days: RMLIC). */
  disabledDataRetention: Millis;
  /** Wait after publishing the TXT record before verification succeeds (~15 min: CUT, DNSANY). */
  verificationPropagation: Millis;
}

export type AuthenticationMethod = 'Basic' | 'NTLM';
export type MailboxPermissionModel = 'Admin' | 'FullAccess' | 'Unspecified';

export interface EndpointConfig {
  name: string;
  /** Autodiscover (recommended) or manual server names. */
  mode: 'autodiscover' | 'manual';
  /** Manual mode: ExchangeServer FQDN given by the admin (a wrong one fails the test or the mailboxes). */
  exchangeServer?: string;
  /** Manual mode: RpcProxyServer FQDN given by the admin. */
  rpcProxyServer?: string;
  authentication: AuthenticationMethod;
  mailboxPermission: MailboxPermissionModel;
  /** The mailbox used to test the connection (must exist and not be hidden). */
  testMailbox: string;
  acceptUntrustedCertificates: boolean;
  /** Initial-sync slots (MaxConcurrentMigrations). */
  maxConcurrentMigrations: number;
  /** Incremental-sync slots (MaxConcurrentIncrementalSyncs), an independent pool (BLOG-CONC). */
  maxConcurrentIncrementalSyncs: number;
  /** The admin account name; the password is only ever a reference, never a value. */
  username: string;
  /** Name of the environment variable holding the password (never printed). */
  passwordEnv: string;
}

export interface MigrationParameters {
  /** Largest cutover batch accepted (2,000 per CUT; 1,000 per the New-MigrationBatch reference). */
  maxMailboxes: number;
  /** Above this many mailboxes the checker warns (150: CUT, PERF). */
  recommendedMailboxes: number;
  /** Median per-mailbox transfer rate, bytes per hour (0.5-0.7 GB/h at 20 concurrent: PERF). */
  mailboxThroughputMedianBytesPerHour: number;
  /** Spread of the lognormal per-mailbox rate (log sigma). 0 turns randomness off. */
  mailboxThroughputSigma: number;
  /** Per-mailbox rate bounds, bytes per hour (0.1-1.0 GB/h: PERF). */
  mailboxThroughputMinBytesPerHour: number;
  mailboxThroughputMaxBytesPerHour: number;
  /** Cost of each item on top of its bytes (many small items are slower: PERF). */
  perItemOverhead: Millis;
  /** Stalls per hour of syncing (StalledDueToTarget_*: PERF, BLOG-THR); 0 turns them off. */
  stallsPerHour: number;
  /** A stall waits this long before retrying (~30 min: PERF). */
  stallDuration: Millis;
  /** Service queue delay before provisioning starts, uniform in [min, max]. */
  queueDelayMin: Millis;
  queueDelayMax: Millis;
  /** Time to provision one recipient (create the cloud user and mailbox). */
  provisioningDuration: Millis;
  /** Gap between incremental passes while the batch exists (24 h: MMB). */
  incrementalInterval: Millis;
  /** Jitter added to each incremental pass start, uniform in [0, jitter] (facts §7.3: up to ~2 h). */
  incrementalJitter: Millis;
  /**
   * Fixed cost of each incremental pass (connect, enumerate folders) on top of the data it
   * copies, so a pass with nothing new still takes a little while. Optional; absent means 0.
   */
  incrementalPassOverhead?: Millis;
  /** Creating a batch takes a few minutes (2-5 min: CUTPS). */
  batchCreationDuration: Millis;
  /** Removing takes a few minutes (CUT step 6). */
  removalDuration: Millis;
  /** A Synced batch with no admin activity is stopped after this (60 days: MMB). */
  autoStopSyncedAfter: Millis;
  /** A Stopped or Failed batch is removed after this (90 days: MMB). */
  autoRemoveStoppedAfter: Millis;
  /** Whether Stop is allowed on a Synced batch (EAC yes; the cmdlet text implies no). */
  allowStopWhenSynced: boolean;
  /** Whether Exchange 2003 sources are supported (CUT yes; KB2389390 no). */
  exchange2003Supported: boolean;
  /**
   * DataConsistencyScore: a user whose skipped items exceed this share of its source items is
   * Poor, below it Investigate (DCS keeps its thresholds unpublished: an assumption). Absent
   * means DEFAULT_DATA_CONSISTENCY_POOR_SHARE.
   */
  dataConsistencyPoorShare?: number;
}

/** Resolver TTL-handling mix: named preset or explicit weights. */
export type ResolverMixPreset = 'measured' | 'all-honour';

export interface ResolverMix {
  /** Honours the TTL (clamped to the resolver's min/max). */
  honour: number;
  /** Extends the TTL arbitrarily (8.74%: Bhowmick et al. 2023). */
  extend: number;
}

export interface DnsConfig {
  /** The MX TTL in force at T+0. */
  initialMxTtl: Millis;
  /** Host of the on-prem MX (the old host). */
  oldMxHost: string;
  /** Host of the tenant's MX (<token>.mail.protection.outlook.com). */
  newMxHost: string;
  /** The TXT verification record is already published at T+0. */
  verificationTxtPublished: boolean;
  /** The autodiscover CNAME to autodiscover.outlook.com exists at T+0. */
  autodiscoverCnameExists: boolean;
  /** Number of external resolvers (one per sending organisation or MTA pool). */
  resolverCount: number;
  resolverMix: ResolverMixPreset | ResolverMix;
  /** Chance that a look-up misses a cache that should hold the record (30%: Moura et al. 2018). */
  cacheMissProbability: number;
  /** Chance that a resolver serves stale data while the authorities are unreachable (0.2-0.3: dns facts §7.1). */
  serveStaleFraction: number;
  /**
   * Median rate of other clients' queries reaching each resolver, per hour (lognormal across
   * resolvers). An assumption (no source): it keeps popular resolvers' caches warm. 0 turns
   * background queries off. When absent, the preset's value is used (model/dns/policy.ts).
   */
  resolverBackgroundQueriesPerHour?: number;
}

export type SenderProfileName = 'exchange-onprem' | 'exchange-online' | 'webmail' | 'postfix' | 'exim' | 'sendmail';

export interface SenderConfig {
  /** Number of external sending organisations. */
  senderCount: number;
  /** Weight of each MTA profile in the sender population (dns facts §7.2, weights assumed). */
  profileMix: Partial<Record<SenderProfileName, number>>;
  /**
   * Overrides of a profile's sourced values (for example a 48 h Exchange Online expiry instead
   * of the inferred 24 h: dns facts §4.6). Applied over SENDER_PROFILES (model/senders/).
   */
  profileOverrides?: Partial<Record<SenderProfileName, SenderProfileOverride>>;
}

/** The tunable numbers of a sending MTA profile; the retry schedule's shape stays the profile's. */
export interface SenderProfileOverride {
  /** Give up and bounce (4.4.7) after this long in the queue. */
  queueLifetime?: Millis;
  /** Send one delay notice after this long; null turns the notice off. */
  delayNoticeAfter?: Millis | null;
}

export interface ExplicitMessage {
  at: Millis;
  /** Sender address; an address outside the organisation's domain is an external sender. */
  from: string;
  /** One recipient address. */
  to: string;
  /** Optional label carried into the ledger (for hand-counted tests and the tracer). */
  label?: string;
}

export interface GeneratedMailFlow {
  /** Median messages per user per workday, sent plus received (80: dns facts §7.4). */
  messagesPerUserPerDay: number;
  /** Lognormal sigma of the per-user daily volume (0.8: dns facts §7.4). */
  volumeSigma: number;
  /** Received:sent ratio (3:1: dns facts §6.1). */
  receivedPerSent: number;
  /** Share of received mail that comes from outside (0.37: dns facts §6.2). */
  externalShareOfReceived: number;
  /** Weekend volume as a fraction of a weekday (0.1-0.2: dns facts §7.4). */
  weekendFactor: number;
  /** Weekday of T+0, 0 = Monday. */
  startWeekday: number;
  /** Hour of day of T+0 in the organisation's local time. */
  startHour: number;
  /**
   * Generated traffic stops this long before the horizon, so ordinary mail still in flight
   * at the end is not counted as lost (default 1 day; an assumption longer than any normal
   * delivery). Explicit messages are not affected.
   */
  quietBeforeHorizon?: Millis;
}

export interface MailFlowConfig {
  generated?: GeneratedMailFlow;
  explicit: ExplicitMessage[];
}

export interface ClientConfig {
  /** Fraction of users whose Outlook is domain-joined and follows the on-prem SCP pointer. */
  domainJoinedFraction: number;
  /**
   * Mean time a user who rebuilds their own Outlook profile from the welcome letter takes to
   * do it, after the rollout starts (exponential; an assumption).
   */
  meanReconfigureDelay: Millis;
  /** Share of users who also read mail in Outlook on the web (an assumption). */
  webShare?: number;
  /** Share of users who read mail on a phone; a phone needs the autodiscover CNAME too (an assumption). */
  mobileShare?: number;
  /** Mean time from the moment a web or phone user can sign in to their first use (exponential; an assumption). */
  meanFirstWebUseDelay?: Millis;
  /** Business hours for desk-by-desk rollouts: weekdays, from `start` to `end` o'clock local time. */
  businessHours?: { start: number; end: number };
  /**
   * Share of internal mail sent from a cloud profile that addresses the recipient's old
   * legacyExchangeDN (replies to migrated mail, autocomplete entries, meeting updates); it
   * bounces with an IMCEAEX NDR until X500 proxy addresses are added (KB2807779; share an assumption).
   */
  x500ReplyShare?: number;
  /** Time from a PST export of stranded mail to its import into the cloud mailboxes (an assumption). */
  pstRecoveryDuration?: Millis;
}

export interface LedgerConfig {
  /** A delivery slower than this counts as delivered late. */
  lateThreshold: Millis;
  /** How many generated messages keep their full path (explicit messages always do). */
  sampledPaths: number;
}

export type ActionType =
  | 'publishVerificationTxt'
  | 'verifyDomain'
  | 'disableDirectorySync'
  | 'createSecurityGroups'
  | 'createEndpoint'
  | 'testEndpoint'
  | 'createBatch'
  | 'startBatch'
  | 'stopBatch'
  | 'completeBatch'
  | 'removeBatch'
  | 'setMxTtl'
  | 'switchMx'
  | 'assignLicenses'
  | 'createAutodiscoverCname'
  | 'clearScpPointer'
  | 'decommission'
  | 'distributePasswords'
  | 'rebuildOutlookProfiles'
  | 'addX500Addresses'
  | 'exportStrandedMail'
  | 'forwardToTenant';

/** Moments a planned action can be timed against. */
export type PlanAnchor =
  | 'start'
  | 'batchCreated'
  | 'batchStarted'
  | 'initialSyncDone'
  | 'mxSwitched'
  | 'batchRemoved'
  | 'recommendedBatchRemoval';

/**
 * When a planned action runs: at a time from the start, or a delay after an anchor. With
 * `window` (business-window times such as "next Fri 20:00", offsets from the start, sorted)
 * it runs at the first of them at or after the anchor plus the delay, and not at all when none is left.
 */
export type ActionTiming = { at: Millis } | { after: PlanAnchor; delay: Millis; window?: readonly Millis[] };

export interface PlannedAction {
  action: ActionType;
  timing: ActionTiming;
  /** setMxTtl: the new TTL. */
  ttl?: Millis;
  /**
   * publishVerificationTxt, verifyDomain, setMxTtl, switchMx, createAutodiscoverCname: the accepted
   * domain acted on (lower case); absent means the primary domain.
   */
  domain?: string;
  /** createBatch: name (no spaces or special characters) and whether it starts by itself. */
  batchName?: string;
  autoStart?: boolean;
  /** assignLicenses: addresses, or all migrated users when absent. */
  users?: string[];
  /** rebuildOutlookProfiles: desks per hour within business hours; absent rebuilds every desk at once. */
  rate?: number;
  /** rebuildOutlookProfiles: share of users who rebuild their own profile from the welcome letter. */
  selfService?: number;
}

export type DeclaredFault =
  | { kind: 'onPremOutage'; from: Millis; until: Millis }
  | { kind: 'dnsAuthorityOutage'; from: Millis; until: Millis };
