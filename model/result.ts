import type { Millis } from '../sim/index.js';
import type { ActionType } from './config.js';

/**
 * What a simulation gives back. Domain outcomes (a lost message, a refused command, a
 * disabled mailbox) are data here, never exceptions.
 */

export type BatchStatus =
  | 'Created'
  | 'Starting'
  | 'Syncing'
  | 'Synced'
  | 'SyncedWithErrors'
  | 'IncrementalSyncing'
  | 'Stopping'
  | 'Stopped'
  | 'Failed'
  | 'Removing'
  | 'Deleted';

/** Get-MigrationUser statuses a cutover user can have (PS-Get-MigrationUser). */
export type MailboxMigrationStatus =
  | 'Queued' | 'Provisioning' | 'ProvisionUpdating' | 'Syncing' | 'Synced' | 'IncrementalSyncing' | 'IncrementalFailed'
  | 'Stopped' | 'IncrementalStopped' | 'Failed';

export type Severity = 'error' | 'warning' | 'info';

/** A rule finding, from the pre-flight rules, the plan checker or the simulation itself. */
export interface Finding {
  /** Stable id, for example `preflight.hidden-mailboxes` or `schedule.batch-removed-too-early`. */
  rule: string;
  severity: Severity;
  /** When it applies, if it is tied to a time. */
  at?: Millis;
  /** The step of the article it comes from, for example "Step 6: Delete the cutover migration batch". */
  step: string;
  message: string;
  fix: string;
  /** Addresses it concerns, when it concerns some recipients only. */
  subjects?: string[];
}

/**
 * Where a message ended, as its recipient sees it (issue 13; docs/concepts.md "Fates").
 * delivered / deliveredLate: readable where the recipient reads mail (late past the ledger's
 * threshold); bounced: the sender got an NDR; lost: gone (server decommissioned, mailbox data
 * removed); stranded: on the on-prem server after the last sync pass, recoverable until the
 * server is decommissioned; recovered: brought to the cloud mailbox by a recovery action (PST
 * export and import, forwarding to the tenant's address); pending: still on its way at the
 * horizon (a sender's queue, a sync pass, an Outbox, or a cloud mailbox its user does not read yet).
 */
export type MessageFate = 'delivered' | 'deliveredLate' | 'bounced' | 'lost' | 'stranded' | 'recovered' | 'pending';

/** Every fate, in the order counts and charts show them. */
export const MESSAGE_FATES: readonly MessageFate[] = ['delivered', 'deliveredLate', 'bounced', 'lost', 'stranded', 'recovered', 'pending'];

/** Counts by fate: sent = delivered + deliveredLate + bounced + lost + stranded + recovered + pending (asserted every run). */
export interface MessageCounts {
  sent: number;
  delivered: number;
  deliveredLate: number;
  bounced: number;
  lost: number;
  stranded: number;
  recovered: number;
  pending: number;
}

export interface MessageHop {
  at: Millis;
  /** For example `sent`, `mx-lookup`, `deferred`, `accepted:old-host`, `delivered:on-prem`, `synced`, `delivered:cloud`, `ndr`. */
  step: string;
  detail?: string;
}

/** A message whose full path was kept (explicit messages, and a sample of generated ones). */
export interface MessageTrace {
  id: number;
  label?: string;
  from: string;
  to: string;
  sentAt: Millis;
  fate: MessageFate;
  /** Why it ended so: for example `stranded-on-prem-after-batch-removal`, `mailbox-disabled-5.1.10`. */
  reason: string;
  latency?: Millis;
  path: MessageHop[];
}

export interface ActionOutcome {
  action: ActionType;
  at: Millis;
  outcome: 'done' | 'refused';
  /** Why the command was refused, or what it did. */
  detail: string;
}

export interface MailboxOutcome {
  address: string;
  displayName: string;
  status: MailboxMigrationStatus | 'NotStarted';
  error?: string;
  itemsSynced: number;
  bytesSynced: number;
  /** The source mailbox now: its items (large and bad ones included) and bytes at T+0 plus what landed on it since (TotalItemsInSourceMailboxCount, EstimatedTotalTransferSize). */
  sourceItems: number;
  sourceBytes: number;
  skippedLarge: number;
  skippedBad: number;
  percentComplete: number;
  initialSyncDoneAt?: Millis;
  lastSuccessfulSyncAt?: Millis;
  /** What the migration did differently, for example a security group provisioned as a distribution group (CUT). */
  note?: string;
  license: { state: 'none' | 'grace' | 'licensed' | 'disabled' | 'deleted'; assignedAt?: Millis; disabledAt?: Millis };
}

/** Hourly samples for charts. Every array has one entry per hour from T+0 to the horizon. */
export interface TimeSeries {
  hours: Millis[];
  mailboxesSynced: number[];
  bytesSynced: number[];
  /** External inbound messages accepted by the old (on-prem) host in that hour. */
  inboundOldHost: number[];
  /** External inbound messages accepted by the tenant in that hour. */
  inboundNewHost: number[];
  /** Share of resolvers whose cached MX (or next answer) is the new host. */
  resolversOnNewMx: number[];
  /** Mailboxes in license grace and the smallest time left before one is disabled. */
  mailboxesInGrace: number[];
  shortestGraceLeft: (Millis | null)[];
}

/**
 * Recommended times for this plan, from runs of the same plan over `seeds` seeds (the run's
 * own seed first). Null where the plan does not take the step, or no run synced the batch.
 */
export interface Recommendations {
  /** P50 and P90 of the time the initial sync finishes, over the seeds whose batch synced. */
  initialSyncDoneAt: { p50: Millis; p90: Millis } | null;
  earliestSafeMxSwitchAt: Millis | null;
  earliestSafeBatchRemovalAt: Millis | null;
  latestLicenseAt: Millis | null;
  /** How many seeds (runs of this plan) the recommendations come from. */
  seeds: number;
  /** Of those, how many synced at least one mailbox. */
  syncedSeeds: number;
}

/**
 * Delivery delays of every delivered message, counted exactly in buckets (a second wide below
 * a minute, a minute below a day, 15 minutes above; `bucket` is the lower edge in ms).
 */
export interface DelayHistogram {
  buckets: [bucket: Millis, count: number][];
  total: number;
  max: Millis;
}

/** What this run did and when (null: it did not happen in the run). Observed, never estimated. */
export interface KeyTimes {
  /** The batch's initial sync finished with at least one mailbox synced. */
  initialSyncDoneAt: Millis | null;
  mxSwitchedAt: Millis | null;
  /** Remove-MigrationBatch accepted. */
  batchRemovedAt: Millis | null;
  decommissionedAt: Millis | null;
  /** The first license assignment that was done. */
  licensesAssignedAt: Millis | null;
  firstProvisionedAt: Millis | null;
  /** When this run's twin judged the batch safe to delete (the recommended-batch-removal moment). */
  removalSafeAt: Millis | null;
}

/** DataConsistencyScore grades (DCS); a batch has its worst user's. */
export type DataConsistencyScore = 'Perfect' | 'Good' | 'Investigate' | 'Poor';

/** Get-MigrationUser StatusSummary values (PS-Get-MigrationUser). */
export type MigrationStatusSummary = 'Active' | 'Synced' | 'Failed' | 'Stopped' | 'Completed';

/**
 * One migration user as Get-MigrationUserStatistics prints it (field names as the cmdlet's;
 * facts §2). Times are milliseconds from the scenario start, null when it never happened.
 * Built by model/migration/cmdlet-statistics.ts from the same records as `mailboxes`.
 */
export interface MigrationUserStatistics {
  Identity: string;
  RecipientType: 'Mailbox' | 'MailUser' | 'Contact' | 'Group';
  /** NotStarted: the batch has not started yet (the twin's own value: the service lists no user then). */
  Status: MailboxMigrationStatus | 'NotStarted';
  StatusSummary: MigrationStatusSummary | 'NotStarted';
  SyncedItemCount: number;
  /** Large plus bad items skipped (SkippedItems gives them by kind). */
  SkippedItemCount: number;
  SkippedItems: { Kind: 'LargeItem' | 'CorruptItem'; Count: number }[];
  BytesTransferred: number;
  TotalItemsInSourceMailboxCount: number;
  EstimatedTotalTransferSize: number;
  PercentageComplete: number;
  InitialSeedingCompletedTime: Millis | null;
  LastSuccessfulSyncTime: Millis | null;
  ErrorSummary: string | null;
  DataConsistencyScore: DataConsistencyScore;
}

/** The batch as Get-MigrationBatch prints it (field names as the cmdlet's; facts §1). */
export interface MigrationBatchStatistics {
  Identity: string;
  Status: BatchStatus;
  MigrationType: 'ExchangeOutlookAnywhere';
  TotalCount: number;
  ActiveCount: number;
  StoppedCount: number;
  SyncedCount: number;
  /** Always 0: a cutover has no finalization (PS-Complete-MigrationBatch). */
  FinalizedCount: number;
  FailedCount: number;
  FailedInitialSyncCount: number;
  FailedIncrementalSyncCount: number;
  /** Users not yet started (Queued). */
  PendingCount: number;
  ProvisionedCount: number;
  CreationDateTime: Millis;
  StartDateTime: Millis | null;
  InitialSyncDateTime: Millis | null;
  InitialSyncDuration: Millis | null;
  LastSyncedDateTime: Millis | null;
  DataConsistencyScore: DataConsistencyScore;
}

/** The statistics an admin reads in Exchange Online: the batch (null before one exists) and every migration user. */
export interface MigrationStatistics {
  batch: MigrationBatchStatistics | null;
  users: MigrationUserStatistics[];
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  horizon: Millis;
  startDate?: string;
  /** IANA time zone of the calendar (with startDate). */
  timeZone?: string;
  /** Set when the horizon was derived from the plan (no horizon in the scenario). */
  horizonFromPlan?: { planEndsBy: Millis; margin: Millis };
  traceHash: string;
  /** Engine events processed. */
  events: number;
  batch: {
    statusHistory: { status: BatchStatus; at: Millis }[];
    lastSyncedAt?: Millis;
    initialSyncDuration?: Millis;
    counts: { total: number; active: number; synced: number; failed: number; stopped: number };
  };
  mailboxes: { total: number; synced: number; failed: number; outcomes: MailboxOutcome[] };
  messages: MessageCounts;
  /** Bounced, lost, stranded and pending messages counted by reason (their causes; see model/ledger/causes.ts). */
  reasons: Record<string, number>;
  /** Every message counted by fate and then by cause (delivered, late and recovered ones too). */
  causes: Partial<Record<MessageFate, Record<string, number>>>;
  traces: MessageTrace[];
  actions: ActionOutcome[];
  findings: Finding[];
  series: TimeSeries;
  /** Observed in this run. */
  keyTimes: KeyTimes;
  /** Delivery delay of every delivered message (model/ledger delay-histogram). */
  delays: DelayHistogram;
  /** External messages the old host accepted after the MX switch (null when the MX was not switched). */
  oldHostAfterSwitch: number | null;
  /** Recommended for this plan (see Recommendations.seeds), labelled apart from the observed times. */
  recommendations: Recommendations;
  /** Get-MigrationBatch and Get-MigrationUserStatistics as of the horizon (the CSV reports come from these). */
  migrationStatistics: MigrationStatistics;
}

/** One mailbox row of the live view: its migration outcome so far plus what the dashboard shows beside it. */
export interface MailboxSnapshotRow extends MailboxOutcome {
  /** Time left before the unlicensed mailbox is disabled; null when it is not in grace. */
  graceLeft: Millis | null;
  /** Where the user's Outlook connects now: the old profile or a new one (clients: rollout, Autodiscover, password). */
  outlook: 'on-prem' | 'cloud' | 'no-password';
  /** Messages in the on-prem mailbox waiting for a sync pass to reach the cloud mailbox. */
  awaitingSync: number;
}

/**
 * A cheap live view of a running simulation (Simulation.snapshot()), for the trainer
 * dashboard. Message counts are final fates so far; `inFlight` have none yet.
 */
export interface SimulationSnapshot {
  now: Millis;
  horizon: Millis;
  batch: {
    status: BatchStatus | 'None';
    counts: { total: number; active: number; synced: number; failed: number; stopped: number };
    lastSyncedAt?: Millis;
    initialSyncDoneAt?: Millis;
  };
  mailboxes: MailboxSnapshotRow[];
  dns: {
    mxHost: string;
    mxTtl: Millis;
    /** Share of resolvers whose answer now would be the tenant's MX host. */
    shareOnNewMx: number;
    verificationTxtPublished: boolean;
    autodiscoverCname: boolean;
    /** The same for each of organisation.additionalDomains, in order (absent for a one-domain organisation). */
    additionalDomains?: { name: string; mxHost: string; mxTtl: Millis; verificationTxtPublished: boolean; autodiscoverCname: boolean }[];
  };
  licenses: {
    /** Licenses left in the pool; null when the pool is unlimited. */
    remaining: number | null;
    inGrace: number;
    shortestGraceLeft: Millis | null;
    disabled: number;
  };
  onPrem: { running: boolean; decommissionedAt?: Millis };
  messages: MessageCounts & { inFlight: number };
  /** Messages with a settled fate so far, by fate then cause (stranded and pending are given only at the horizon, in the result). */
  causes?: Partial<Record<MessageFate, Record<string, number>>>;
  findings: Finding[];
  /**
   * The hourly samples taken so far (hours up to now), for the dashboard's live charts without
   * the cost of result(). Optional so a snapshot may leave it out; read-only (it may be the live arrays).
   */
  series?: TimeSeries;
  /** Get-MigrationBatch and Get-MigrationUserStatistics now (optional: a snapshot may leave it out). */
  migrationStatistics?: MigrationStatistics;
}
