import { RandomStreams, Scheduler, type Millis } from '../../../sim/index.js';
import type { SimulationConfig } from '../../../model/config.js';
import {
  DEFAULT_CLIENTS, DEFAULT_DNS, DEFAULT_ENDPOINT, DEFAULT_LEDGER, DEFAULT_MIGRATION, DEFAULT_SENDERS, DEFAULT_TENANT,
} from '../../../model/defaults.js';
import type { Mailbox, Recipient } from '../../../model/organisation.js';
import type { BatchStatus } from '../../../model/result.js';
import { createMigrationService, type MigrationService, type SourceView, type TenantView } from '../../../model/migration/index.js';

export const GB = 1024 ** 3;
export const MB = 1024 ** 2;

export function mailbox(address: string, overrides: Partial<Mailbox> = {}): Mailbox {
  return {
    kind: 'mailbox', address, displayName: address.split('@')[0] ?? address, type: 'UserMailbox',
    sizeBytes: 1 * GB, itemCount: 1_000, hidden: false, unifiedMessaging: false, largeItems: 0, badItems: 0, ...overrides,
  };
}

export const mailboxes = (count: number, overrides: Partial<Mailbox> = {}): Mailbox[] =>
  Array.from({ length: count }, (_, index) => mailbox(`user${index}@contoso.com`, overrides));

/** A small, healthy organisation: verified domain, dirsync off, trusted certificate, Exchange 2010. */
export function makeConfig(recipients: Recipient[] = mailboxes(3), change: (config: SimulationConfig) => void = () => {}): SimulationConfig {
  const config: SimulationConfig = {
    name: 'migration-test', seed: 1, horizon: 30 * 24 * 3_600_000,
    organisation: {
      domain: 'contoso.com', recipients,
      server: {
        version: '2010', exchangeServerFqdn: 'exch01.corp.contoso.com', rpcProxyFqdn: 'mail.contoso.com',
        outlookAnywhereEnabled: true, iisBasicAuthentication: true, certificate: 'trusted', rpcPorts6001To6004Open: true,
        autodiscoverPublished: true, migrationAdmin: { permission: 'FullAccess', credentialsValid: true }, scpPointerSet: true,
        uplinkMbps: 1_000, sourceCapBytesPerHour: 1_000 * GB,
      },
    },
    tenant: { ...DEFAULT_TENANT, initialDomain: 'contoso.onmicrosoft.com', verifiedDomains: ['contoso.com'] },
    endpoint: { ...DEFAULT_ENDPOINT, testMailbox: recipients.find((recipient) => recipient.kind === 'mailbox')?.address ?? 'user0@contoso.com', username: 'CONTOSO\\migadmin' },
    migration: { ...DEFAULT_MIGRATION },
    dns: { ...DEFAULT_DNS, oldMxHost: 'mail.contoso.com', newMxHost: 'contoso-com.mail.protection.outlook.com' },
    senders: DEFAULT_SENDERS, mailFlow: { explicit: [] }, clients: DEFAULT_CLIENTS, ledger: DEFAULT_LEDGER,
    plan: [], faults: [],
  };
  change(config);
  return config;
}

/** Turns randomness off: fixed rate, no stalls, no jitter, a fixed queue delay. */
export function deterministic(config: SimulationConfig): void {
  config.migration.mailboxThroughputSigma = 0;
  config.migration.stallsPerHour = 0;
  config.migration.incrementalJitter = 0;
  config.migration.queueDelayMax = config.migration.queueDelayMin;
}

export class FakeTenant implements TenantView {
  verified = new Set<string>(['contoso.com']);
  directorySync = false;
  securityGroups = new Set<string>();
  isDomainVerified = (domain: string): boolean => this.verified.has(domain);
  isDirectorySyncEnabled = (): boolean => this.directorySync;
  isSecurityGroupPreCreated = (address: string): boolean => this.securityGroups.has(address);
}

export interface Recorded {
  statuses: { status: BatchStatus; at: Millis }[];
  provisioned: { address: string; kind: string; at: Millis }[];
  passes: { address: string; snapshotAt: Millis; completedAt: Millis }[];
  failures: { address: string; error: string; at: Millis }[];
}

export interface Harness {
  scheduler: Scheduler;
  tenant: FakeTenant;
  service: MigrationService;
  recorded: Recorded;
  config: SimulationConfig;
}

/** A source server the test turns off and on (outages declared up front, or `down` set by hand). */
export class FakeSource implements SourceView {
  down: 'refused' | 'timeout' | undefined = undefined;
  constructor(readonly outages: { from: Millis; until: Millis }[] = []) {}
  unavailable = (now: Millis): 'refused' | 'timeout' | undefined =>
    this.down ?? (this.outages.some((outage) => now >= outage.from && now < outage.until) ? 'timeout' : undefined);
  outageStarts = (): Millis[] => this.outages.map((outage) => outage.from);
}

export function harness(config: SimulationConfig = makeConfig(), tenant = new FakeTenant(), source?: SourceView): Harness {
  const scheduler = new Scheduler();
  const recorded: Recorded = { statuses: [], provisioned: [], passes: [], failures: [] };
  const service = createMigrationService({
    scheduler, random: new RandomStreams(config.seed), config, tenant, ...(source === undefined ? {} : { source }),
    listener: {
      onBatchStatus: (status, at) => recorded.statuses.push({ status, at }),
      onProvisioned: (address, kind, at) => recorded.provisioned.push({ address, kind, at }),
      onSyncPass: (address, snapshotAt, completedAt) => recorded.passes.push({ address, snapshotAt, completedAt }),
      onMailboxFailed: (address, error, at) => recorded.failures.push({ address, error, at }),
    },
  });
  return { scheduler, tenant, service, recorded, config };
}

/** Creates the endpoint and the batch; fails the test if either is refused. */
export function createAndStart(h: Harness, autoStart = true): void {
  const endpoint = h.service.createEndpoint();
  if (!endpoint.ok) throw new Error(`endpoint refused: ${endpoint.reason}`);
  const batch = h.service.createBatch('CutoverBatch', autoStart);
  if (!batch.ok) throw new Error(`batch refused: ${batch.reason}`);
}
