import type { Millis, RandomStreams, Scheduler, Trace } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { Recipient } from '../organisation.js';
import type { BatchStatus, MailboxOutcome, MigrationStatistics } from '../result.js';

/** The public contract of the migration service (issue 3). The world codes against exactly this. */

export interface MigrationServiceOptions {
  scheduler: Scheduler;
  /** Streams used: 'migration.queue', 'migration.throughput', 'migration.stalls', 'migration.incremental'. */
  random: RandomStreams;
  config: SimulationConfig;
  /** Live tenant state, owned by the world. */
  tenant: TenantView;
  listener: MigrationListener;
  trace?: Trace;
  /** The on-prem server the passes read from; absent means always reachable. */
  source?: SourceView;
}

/**
 * Whether the source server can be read (owned by the world: outages and decommission).
 * A pass needs it: while it is down, passes fail and nothing is copied (facts §2: an
 * incremental pass that cannot reach the source fails).
 */
export interface SourceView {
  /** How a connection to the source fails now, or undefined when it is up. */
  unavailable(now: Millis): 'refused' | 'timeout' | undefined;
  /** Times at which a declared outage begins (running passes fail then). */
  outageStarts(): readonly Millis[];
}

export interface TenantView {
  isDomainVerified(domain: string): boolean;
  isDirectorySyncEnabled(): boolean;
  isSecurityGroupPreCreated(address: string): boolean;
}

export interface MigrationListener {
  onBatchStatus(status: BatchStatus, at: Millis): void;
  /** The cloud object now exists (a mailbox's cloud user is unlicensed from here). */
  onProvisioned(address: string, kind: Recipient['kind'], at: Millis): void;
  /** A sync pass (initial or incremental) finished: everything that reached the on-prem mailbox at or before snapshotAt is now in the cloud mailbox. */
  onSyncPass(address: string, snapshotAt: Millis, completedAt: Millis): void;
  onMailboxFailed(address: string, error: string, at: Millis): void;
  /** An incremental pass failed (the user is IncrementalFailed; what arrived since its last good pass stays on-prem). */
  onIncrementalFailed?(address: string, error: string, at: Millis): void;
}

export type CommandResult = { ok: true; detail: string } | { ok: false; reason: string };
export type BatchCommand = 'create' | 'start' | 'stop' | 'complete' | 'remove';

/** ExchangeConnectionSettings as Test-MigrationServerAvailability returns it (PASTEBIN); never holds the password. */
export interface ConnectionSettings {
  hasAdminPrivilege: boolean;
  hasAutodiscovery: boolean;
  autodiscoverUrl?: string;
  incomingEmailAddress: string;
  incomingRpcProxyServer: string;
  incomingExchangeServer: string;
  incomingUserName: string;
  incomingAuthentication: 'Basic' | 'NTLM';
  serverVersion: string;
}

/** The output of Test-MigrationServerAvailability (facts §3.3). */
export interface EndpointTestResult {
  result: 'Success' | 'Failed';
  message: string;
  /** Why it failed, in the service's exception style; absent on success. */
  errorDetail?: string;
  /** A stable id of the failure cause, for tests and the plan checker. */
  cause?: EndpointFailureCause;
  supportsCutover: boolean;
  connectionSettings?: ConnectionSettings;
}

export type EndpointFailureCause =
  | 'source-too-old'
  | 'exchange-2003-unsupported'
  | 'autodiscover-unresolvable'
  | 'certificate'
  | 'outlook-anywhere-off'
  | 'exchange-2003-ports'
  | 'bad-credentials'
  | 'insufficient-permission'
  | 'wrong-server'
  | 'test-mailbox';

export type MailboxStatistics = Omit<MailboxOutcome, 'license'>;

export interface BatchCounts {
  total: number;
  active: number;
  synced: number;
  failed: number;
  stopped: number;
}

export interface MigrationService {
  /** Runs the connectivity test first; refused with its message on failure. */
  createEndpoint(): CommandResult;
  /** Test-MigrationServerAvailability. */
  testEndpoint(): EndpointTestResult;
  createBatch(name: string, autoStart: boolean): CommandResult;
  startBatch(): CommandResult;
  stopBatch(): CommandResult;
  /** Always refused for cutover, with the reason. */
  completeBatch(): CommandResult;
  removeBatch(): CommandResult;
  /** For the dashboard's buttons. */
  allowedCommands(): { command: BatchCommand; allowed: boolean; reason?: string }[];
  /** The source's state changed (decommissioned): running passes fail when it is now down. */
  sourceChanged(): void;
  /**
   * New on-prem data for the next incremental pass (one call is one item). `slot`, a small
   * index the caller always gives with this address (the router's user index), lets the
   * service find the mailbox without an address look-up.
   */
  recordOnPremArrival(address: string, bytes: number, slot?: number): void;
  batchStatus(): BatchStatus | 'None';
  statusHistory(): { status: BatchStatus; at: Millis }[];
  batchCounts(): BatchCounts;
  lastSyncedAt(): Millis | undefined;
  /** When every migration user finished its initial sync or failed. */
  initialSyncDoneAt(): Millis | undefined;
  /** initialSyncDoneAt minus the first start (InitialSyncDuration). */
  initialSyncDuration(): Millis | undefined;
  /** One entry per on-prem mailbox. */
  mailboxStatistics(): MailboxStatistics[];
  /** One entry per migration user of every kind (mailboxes, mail users, contacts, groups). */
  recipientStatistics(): (MailboxStatistics & { kind: Recipient['kind'] })[];
  slotsInUse(): { initial: number; incremental: number };
  /**
   * Mailboxes whose initial sync is done and bytes copied so far (in-flight passes included),
   * the same totals as summing mailboxStatistics() but without building a record per mailbox:
   * the hourly series asks every simulated hour (issue 9).
   */
  syncTotals(): { mailboxesSynced: number; bytesSynced: number };
  /** Get-MigrationBatch and Get-MigrationUserStatistics now, with the cmdlets' field names. */
  migrationStatistics(): MigrationStatistics;
  /**
   * A user's last good pass: when it ended and its snapshot (mail that reached the on-prem
   * mailbox after the snapshot is not in the cloud). Undefined before any good pass.
   */
  lastSuccessfulSync(address: string): { completedAt: Millis; snapshotAt: Millis } | undefined;
}
