import { stringify } from 'yaml';
import { formatDuration, type Millis } from '../sim/index.js';
import type { ActionTiming, PlannedAction, SimulationConfig } from '../model/config.js';
import {
  DEFAULT_CLIENTS, DEFAULT_DNS, DEFAULT_ENDPOINT, DEFAULT_GENERATED_MAIL_FLOW, DEFAULT_LEDGER, DEFAULT_MIGRATION, DEFAULT_TENANT,
} from '../model/defaults.js';
import type { AdditionalDomain, Mailbox, Recipient } from '../model/organisation.js';

/**
 * Writes a SimulationConfig back as a scenario file (YAML), in the format scenarios/
 * reads (docs/scenario.schema.json), so a fuzz counterexample can be saved, read, edited
 * and replayed. Values equal to their default are left out (defaults such as 0.6 GB/h are
 * not whole bytes, and leaving them out keeps them exact). A few resolved fields have no
 * file form (incrementalPassOverhead, quietBeforeHorizon); `scenarioFileProblems` says
 * when a config cannot be written exactly, and fuzz checks the round trip before writing.
 */

type Data = Record<string, unknown>;

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const duration = (ms: Millis): string => (ms === 0 ? '0s' : formatDuration(ms));

/** Keeps the entries whose value differs from the default (compared as JSON). */
function changed(values: Data, defaults: Data): Data {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(defaults[key])));
}

/** Sets `key` on `into` only when the section has something in it. */
function section(into: Data, key: string, value: Data): void {
  if (Object.keys(value).length > 0) into[key] = value;
}

function timingEntry(timing: ActionTiming): Data {
  if ('at' in timing) return { at: duration(timing.at) };
  return timing.delay === 0 ? { after: kebab(timing.after) } : { at: `${duration(timing.delay)} after ${kebab(timing.after)}` };
}

function planEntry(action: PlannedAction): Data {
  const entry: Data = { action: kebab(action.action), ...timingEntry(action.timing) };
  if (action.action === 'setMxTtl') entry.ttl = duration(action.ttl ?? 0);
  if (action.action === 'createBatch') {
    if (action.batchName !== undefined) entry.name = action.batchName;
    if (action.autoStart !== undefined) entry.autoStart = action.autoStart;
  }
  if (action.action === 'assignLicenses' && action.users !== undefined) entry.users = [...action.users];
  if (action.domain !== undefined) entry.domain = action.domain;
  if (action.rate !== undefined) entry.rate = action.rate;
  if (action.selfService !== undefined) entry.selfService = action.selfService;
  return entry;
}

function mailboxEntry(mailbox: Mailbox): Data {
  const entry: Data = { address: mailbox.address, displayName: mailbox.displayName, type: mailbox.type, size: mailbox.sizeBytes, items: mailbox.itemCount };
  if (mailbox.hidden) entry.hidden = true;
  if (mailbox.unifiedMessaging) entry.unifiedMessaging = true;
  if (mailbox.largeItems > 0) entry.largeItems = mailbox.largeItems;
  if (mailbox.badItems > 0) entry.badItems = mailbox.badItems;
  if (mailbox.manager !== undefined) entry.manager = mailbox.manager;
  if (mailbox.delegates !== undefined) entry.delegates = [...mailbox.delegates];
  if (mailbox.missingFullAccess !== undefined) entry.missingFullAccess = mailbox.missingFullAccess;
  return entry;
}

/** An additional accepted domain: its name alone when the rest is what a file leaves out (the primary's TTL, nothing published yet). */
function additionalDomainEntry(extra: AdditionalDomain, primaryTtl: Millis): string | Data {
  const entry: Data = { name: extra.name };
  if (extra.initialMxTtl !== primaryTtl) entry.initialMxTtl = duration(extra.initialMxTtl);
  if (extra.verificationTxtPublished) entry.verificationTxtPublished = true;
  if (extra.autodiscoverCnameExists) entry.autodiscoverCnameExists = true;
  return Object.keys(entry).length === 1 ? extra.name : entry;
}

function organisationEntry(config: SimulationConfig): Data {
  const { domain, recipients, server } = config.organisation;
  const of = <K extends Recipient['kind']>(kind: K) => recipients.filter((recipient): recipient is Extract<Recipient, { kind: K }> => recipient.kind === kind);
  const organisation: Data = {
    domain,
    exchangeVersion: server.version,
    server: {
      exchangeServerFqdn: server.exchangeServerFqdn,
      rpcProxyFqdn: server.rpcProxyFqdn,
      outlookAnywhereEnabled: server.outlookAnywhereEnabled,
      iisBasicAuthentication: server.iisBasicAuthentication,
      certificate: server.certificate,
      rpcPorts6001To6004Open: server.rpcPorts6001To6004Open,
      autodiscoverPublished: server.autodiscoverPublished,
      migrationAdmin: { ...server.migrationAdmin },
      scpPointerSet: server.scpPointerSet,
      uplink: `${server.uplinkMbps} Mbps`,
      sourceCapPerHour: Math.round(server.sourceCapBytesPerHour),
      ...(server.addressAfterDecommission === undefined ? {} : { addressAfterDecommission: server.addressAfterDecommission }),
      ...(server.outageFailure === undefined ? {} : { outageFailure: server.outageFailure }),
    },
    mailboxes: of('mailbox').map(mailboxEntry),
  };
  const extras = config.organisation.additionalDomains ?? [];
  if (extras.length > 0) organisation.additionalDomains = extras.map((extra) => additionalDomainEntry(extra, config.dns.initialMxTtl));
  const mailUsers = of('mailUser');
  const groups = of('group');
  const contacts = of('contact');
  if (mailUsers.length > 0) organisation.mailUsers = mailUsers.map(({ address, displayName, externalAddress }) => ({ address, displayName, externalAddress }));
  if (groups.length > 0) organisation.groups = groups.map(({ address, displayName, members, security }) => ({ address, displayName, members: [...members], security }));
  if (contacts.length > 0) organisation.contacts = contacts.map(({ address, displayName }) => ({ address, displayName }));
  return organisation;
}

/** The scenario file's data (before YAML), for a config. */
export function scenarioFileData(config: SimulationConfig, description?: string): Data {
  const file: Data = { name: config.name };
  if (description !== undefined) file.description = description;
  file.seed = config.seed;
  file.horizon = duration(config.horizon);
  if (config.startDate !== undefined) file.startDate = config.startDate;
  file.organisation = organisationEntry(config);

  const tenant = config.tenant;
  section(file, 'tenant', {
    initialDomain: tenant.initialDomain,
    ...changed({
      verifiedDomains: tenant.verifiedDomains, directorySync: tenant.directorySync, preCreatedSecurityGroups: tenant.preCreatedSecurityGroups,
      existingCutoverBatch: tenant.existingCutoverBatch,
    }, DEFAULT_TENANT as unknown as Data),
    ...(tenant.licensePool === DEFAULT_TENANT.licensePool ? {} : { licensePool: tenant.licensePool }),
    ...(tenant.maxReceiveSizeBytes === DEFAULT_TENANT.maxReceiveSizeBytes ? {} : { maxReceiveSize: tenant.maxReceiveSizeBytes }),
    ...durations({ licenseGrace: tenant.licenseGrace, disabledDataRetention: tenant.disabledDataRetention, verificationPropagation: tenant.verificationPropagation }, DEFAULT_TENANT),
  });

  const endpoint = config.endpoint;
  section(file, 'endpoint', {
    ...changed({
      name: endpoint.name, mode: endpoint.mode, exchangeServer: endpoint.exchangeServer, rpcProxyServer: endpoint.rpcProxyServer,
      authentication: endpoint.authentication, mailboxPermission: endpoint.mailboxPermission, acceptUntrustedCertificates: endpoint.acceptUntrustedCertificates,
      maxConcurrentMigrations: endpoint.maxConcurrentMigrations, maxConcurrentIncrementalSyncs: endpoint.maxConcurrentIncrementalSyncs,
    }, DEFAULT_ENDPOINT as unknown as Data),
    testMailbox: endpoint.testMailbox,
    credentials: { username: endpoint.username, ...(endpoint.passwordEnv === DEFAULT_ENDPOINT.passwordEnv ? {} : { passwordEnv: endpoint.passwordEnv }) },
  });

  const migration = config.migration;
  section(file, 'migration', {
    ...changed({
      maxMailboxes: migration.maxMailboxes, recommendedMailboxes: migration.recommendedMailboxes, mailboxThroughputSigma: migration.mailboxThroughputSigma,
      stallsPerHour: migration.stallsPerHour, allowStopWhenSynced: migration.allowStopWhenSynced, exchange2003Supported: migration.exchange2003Supported,
    }, DEFAULT_MIGRATION as unknown as Data),
    ...bytes({
      mailboxThroughputMedianPerHour: [migration.mailboxThroughputMedianBytesPerHour, DEFAULT_MIGRATION.mailboxThroughputMedianBytesPerHour],
      mailboxThroughputMinPerHour: [migration.mailboxThroughputMinBytesPerHour, DEFAULT_MIGRATION.mailboxThroughputMinBytesPerHour],
      mailboxThroughputMaxPerHour: [migration.mailboxThroughputMaxBytesPerHour, DEFAULT_MIGRATION.mailboxThroughputMaxBytesPerHour],
    }),
    ...durations({
      perItemOverhead: migration.perItemOverhead, stallDuration: migration.stallDuration, queueDelayMin: migration.queueDelayMin, queueDelayMax: migration.queueDelayMax,
      provisioningDuration: migration.provisioningDuration, incrementalInterval: migration.incrementalInterval, incrementalJitter: migration.incrementalJitter,
      batchCreationDuration: migration.batchCreationDuration, removalDuration: migration.removalDuration, autoStopSyncedAfter: migration.autoStopSyncedAfter,
      autoRemoveStoppedAfter: migration.autoRemoveStoppedAfter,
    }, DEFAULT_MIGRATION),
  });

  const dns = config.dns;
  section(file, 'dns', {
    oldMxHost: dns.oldMxHost,
    newMxHost: dns.newMxHost,
    ...durations({ initialMxTtl: dns.initialMxTtl }, DEFAULT_DNS),
    ...changed({
      verificationTxtPublished: dns.verificationTxtPublished, autodiscoverCnameExists: dns.autodiscoverCnameExists, resolverCount: dns.resolverCount,
      resolverMix: dns.resolverMix, cacheMissProbability: dns.cacheMissProbability, serveStaleFraction: dns.serveStaleFraction,
      resolverBackgroundQueriesPerHour: dns.resolverBackgroundQueriesPerHour,
    }, DEFAULT_DNS as unknown as Data),
  });

  const senders: Data = { senderCount: config.senders.senderCount, profileMix: { ...config.senders.profileMix } };
  const overrides = config.senders.profileOverrides;
  if (overrides !== undefined) {
    senders.profileOverrides = Object.fromEntries(Object.entries(overrides).map(([profile, override]) => [profile, {
      ...(override?.queueLifetime === undefined ? {} : { queueLifetime: duration(override.queueLifetime) }),
      ...(override?.delayNoticeAfter === undefined ? {} : { delayNoticeAfter: override.delayNoticeAfter === null ? null : duration(override.delayNoticeAfter) }),
    }]));
  }
  file.senders = senders;

  const generated = config.mailFlow.generated;
  const { quietBeforeHorizon: _quiet, ...generatedEntry } = generated ?? DEFAULT_GENERATED_MAIL_FLOW;
  file.mailFlow = {
    generated: generated === undefined ? false : changed(generatedEntry, DEFAULT_GENERATED_MAIL_FLOW as unknown as Data),
    ...(config.mailFlow.explicit.length === 0 ? {} : {
      explicit: config.mailFlow.explicit.map((message) => ({ at: duration(message.at), from: message.from, to: message.to, ...(message.label === undefined ? {} : { label: message.label }) })),
    }),
  };
  section(file, 'clients', {
    ...changed({ domainJoinedFraction: config.clients.domainJoinedFraction }, DEFAULT_CLIENTS as unknown as Data),
    ...durations({ meanReconfigureDelay: config.clients.meanReconfigureDelay }, DEFAULT_CLIENTS),
  });
  section(file, 'ledger', {
    ...changed({ sampledPaths: config.ledger.sampledPaths }, DEFAULT_LEDGER as unknown as Data),
    ...durations({ lateThreshold: config.ledger.lateThreshold }, DEFAULT_LEDGER),
  });
  file.plan = config.plan.map(planEntry);
  if (config.faults.length > 0) {
    file.faults = config.faults.map((fault) => ({ kind: kebab(fault.kind), from: duration(fault.from), until: duration(fault.until) }));
  }
  return file;
}

function durations(values: Record<string, Millis>, defaults: object): Data {
  const known = defaults as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== known[key]).map(([key, value]) => [key, duration(value)]));
}

function bytes(values: Record<string, [number, number]>): Data {
  return Object.fromEntries(Object.entries(values).filter(([, [value, fallback]]) => value !== fallback).map(([key, [value]]) => [key, Math.round(value)]));
}

/** The config as scenario-file text (YAML), with a schema line for editors and an optional leading comment. */
export function scenarioFileText(config: SimulationConfig, options: { description?: string; comment?: string } = {}): string {
  const header = options.comment === undefined ? '' : `${options.comment.split('\n').map((line) => `# ${line}`.trimEnd()).join('\n')}\n`;
  return `${header}${stringify(scenarioFileData(config, options.description), { lineWidth: 0 })}`;
}

/** Resolved fields that the file format cannot carry (they would come back as their default). */
export function scenarioFileProblems(config: SimulationConfig): string[] {
  const problems: string[] = [];
  if ((config.migration.incrementalPassOverhead ?? 0) !== (DEFAULT_MIGRATION.incrementalPassOverhead ?? 0)) problems.push('migration.incrementalPassOverhead has no file form');
  const quiet = config.mailFlow.generated?.quietBeforeHorizon;
  if (config.mailFlow.generated !== undefined && quiet !== DEFAULT_GENERATED_MAIL_FLOW.quietBeforeHorizon) problems.push('mailFlow.generated.quietBeforeHorizon has no file form');
  if (!/^[A-Za-z0-9._-]+$/.test(config.name)) problems.push(`the name ${JSON.stringify(config.name)} is not a valid scenario name`);
  if (config.dns.resolverBackgroundQueriesPerHour === undefined) problems.push('dns.resolverBackgroundQueriesPerHour is absent; a file without it gets the default');
  return problems;
}
