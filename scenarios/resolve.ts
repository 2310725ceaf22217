import { parseDuration } from '../sim/index.js';
import type { SenderConfig, SenderProfileName, SenderProfileOverride, SimulationConfig } from '../model/config.js';
import {
  DEFAULT_CLIENTS, DEFAULT_DNS, DEFAULT_ENDPOINT, DEFAULT_GENERATED_MAIL_FLOW, DEFAULT_LEDGER, DEFAULT_MIGRATION,
  DEFAULT_ONPREM_SERVER, DEFAULT_SCENARIO, DEFAULT_SENDERS, DEFAULT_TENANT,
} from '../model/defaults.js';
import type { AdditionalDomain, ExchangeVersion, Mailbox, Recipient } from '../model/organisation.js';
import { LIMITS } from './bounds.js';
import { generateMailboxes } from './generate.js';
import { resolveFaults, resolveMessages, resolvePlan } from './resolve-plan.js';
import { horizonFromPlan, resolveCalendar, trafficOnCalendar } from './resolve-calendar.js';
import type { ScenarioFile } from './schema.js';
import { parseSize } from './size.js';

/**
 * Turns a validated scenario file into a SimulationConfig: units resolved, every default
 * filled in from model/defaults.ts. Checks that need more than one field (duplicate
 * addresses, counts that do not add up) report through `fail`, which the loader turns
 * into an InputError at the right line.
 */
export type { ResolveFailure } from './resolve-failure.js';
import type { ResolveFailure } from './resolve-failure.js';

const GB = 1024 ** 3;
const duration = (text: string | undefined, fallback: number): number => (text === undefined ? fallback : parseDuration(text));
const bytes = (value: string | number | undefined, fallback: number): number => (value === undefined ? fallback : parseSize(value) ?? fallback);

function mbps(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(M|G)/i.exec(text);
  const amount = Number(match?.[1] ?? fallback);
  return (match?.[2] ?? 'M').toUpperCase() === 'G' ? amount * 1000 : amount;
}

function resolveRecipients(file: ScenarioFile, seed: number, fail: ResolveFailure): Recipient[] {
  const organisation = file.organisation;
  const domain = organisation.domain.toLowerCase();
  const listed: Mailbox[] = (organisation.mailboxes ?? []).map((entry) => {
    const sizeBytes = bytes(entry.size, 0);
    const mailbox: Mailbox = {
      kind: 'mailbox',
      address: entry.address.toLowerCase(),
      displayName: entry.displayName ?? entry.address.split('@')[0] ?? entry.address,
      type: entry.type ?? 'UserMailbox',
      sizeBytes,
      itemCount: entry.items ?? Math.round((sizeBytes / GB) * (organisation.generate?.itemsPerGB ?? 14_000)),
      hidden: entry.hidden ?? false,
      unifiedMessaging: entry.unifiedMessaging ?? false,
      largeItems: entry.largeItems ?? 0,
      badItems: entry.badItems ?? 0,
    };
    if (entry.manager !== undefined) mailbox.manager = entry.manager.toLowerCase();
    if (entry.delegates !== undefined) mailbox.delegates = entry.delegates.map((delegate) => delegate.toLowerCase());
    if (entry.missingFullAccess !== undefined) mailbox.missingFullAccess = entry.missingFullAccess;
    return mailbox;
  });
  const generate = organisation.generate;
  const mailboxCount = listed.length + (generate?.count ?? 0);
  if (mailboxCount > LIMITS.mailboxes) {
    fail(['organisation'], `${mailboxCount} mailboxes listed and generated; expected at most ${LIMITS.mailboxes.toLocaleString('en-US')} (five times the 2,000 of a cutover batch: CUT)`);
  }
  if (generate) {
    const special = (generate.hiddenCount ?? 0) + (generate.unifiedMessagingCount ?? 0) + (generate.sharedCount ?? 0) + (generate.missingFullAccessCount ?? 0);
    if (special > generate.count) fail(['organisation', 'generate'], `the special counts add up to ${special}, more than count (${generate.count})`);
  }
  const generated = generate ? generateMailboxes(generate, domain, seed, listed.length) : [];
  if (listed.length + generated.length === 0) fail(['organisation'], 'expected at least one mailbox: give `mailboxes` or `generate`');

  const others: Recipient[] = [
    ...(organisation.mailUsers ?? []).map((user) => ({
      kind: 'mailUser' as const, address: user.address.toLowerCase(), displayName: user.displayName ?? user.address, externalAddress: user.externalAddress.toLowerCase(),
    })),
    ...(organisation.groups ?? []).map((group) => ({
      kind: 'group' as const, address: group.address.toLowerCase(), displayName: group.displayName ?? group.address,
      members: (group.members ?? []).map((member) => member.toLowerCase()), security: group.security ?? false,
    })),
    ...(organisation.contacts ?? []).map((contact) => ({ kind: 'contact' as const, address: contact.address.toLowerCase(), displayName: contact.displayName ?? contact.address })),
  ];
  const seen = new Set<string>();
  listed.forEach((mailbox, index) => {
    if (seen.has(mailbox.address)) fail(['organisation', 'mailboxes', index, 'address'], `the address ${mailbox.address} is listed twice`);
    seen.add(mailbox.address);
  });
  for (const mailbox of generated) {
    if (seen.has(mailbox.address)) fail(['organisation', 'generate'], `a generated address (${mailbox.address}) is also listed in mailboxes; set generate.addressPrefix`);
    seen.add(mailbox.address);
  }
  return [...listed, ...generated, ...others];
}

export function resolveScenario(file: ScenarioFile, fallbackName: string, fail: ResolveFailure): SimulationConfig {
  const seed = file.seed ?? DEFAULT_SCENARIO.seed;
  const domain = file.organisation.domain.toLowerCase();
  const recipients = resolveRecipients(file, seed, fail);
  const firstUsable = recipients.find((recipient): recipient is Mailbox => recipient.kind === 'mailbox' && !recipient.hidden) ?? recipients[0];
  const server = file.organisation.server ?? {};
  const tenant = file.tenant ?? {};
  const endpoint = file.endpoint ?? {};
  const migration = file.migration ?? {};
  const dns = file.dns ?? {};
  const generatedFlow = file.mailFlow?.generated;
  const calendar = resolveCalendar(file, fail);
  const additionalDomains = resolveAdditionalDomains(file, duration(dns.initialMxTtl, DEFAULT_DNS.initialMxTtl), fail);
  const version = file.organisation.exchangeVersion === undefined ? DEFAULT_ONPREM_SERVER.version : String(file.organisation.exchangeVersion) as ExchangeVersion;

  for (const [index, fault] of (file.faults ?? []).entries()) {
    if (parseDuration(fault.until) <= parseDuration(fault.from)) fail(['faults', index, 'until'], 'expected `until` to be later than `from`');
  }
  const queueDelayMin = duration(migration.queueDelayMin, DEFAULT_MIGRATION.queueDelayMin);
  const queueDelayMax = duration(migration.queueDelayMax, DEFAULT_MIGRATION.queueDelayMax);
  if (queueDelayMax < queueDelayMin) fail(['migration', 'queueDelayMax'], 'expected queueDelayMax to be at least queueDelayMin');
  const rateMin = bytes(migration.mailboxThroughputMinPerHour, DEFAULT_MIGRATION.mailboxThroughputMinBytesPerHour);
  const rateMax = bytes(migration.mailboxThroughputMaxPerHour, DEFAULT_MIGRATION.mailboxThroughputMaxBytesPerHour);
  if (rateMin <= 0 || rateMax < rateMin) fail(['migration', 'mailboxThroughputMaxPerHour'], 'expected 0 < mailboxThroughputMinPerHour ≤ mailboxThroughputMaxPerHour');

  const config: SimulationConfig = {
    name: file.name ?? fallbackName,
    seed,
    horizon: duration(file.horizon, DEFAULT_SCENARIO.horizon),
    organisation: {
      domain,
      ...(additionalDomains.length > 0 ? { additionalDomains } : {}),
      recipients,
      server: {
        ...DEFAULT_ONPREM_SERVER,
        version,
        exchangeServerFqdn: server.exchangeServerFqdn ?? `exchange01.${domain}`,
        rpcProxyFqdn: server.rpcProxyFqdn ?? `mail.${domain}`,
        outlookAnywhereEnabled: server.outlookAnywhereEnabled ?? DEFAULT_ONPREM_SERVER.outlookAnywhereEnabled,
        iisBasicAuthentication: server.iisBasicAuthentication ?? DEFAULT_ONPREM_SERVER.iisBasicAuthentication,
        certificate: server.certificate ?? DEFAULT_ONPREM_SERVER.certificate,
        rpcPorts6001To6004Open: server.rpcPorts6001To6004Open ?? DEFAULT_ONPREM_SERVER.rpcPorts6001To6004Open,
        autodiscoverPublished: server.autodiscoverPublished ?? DEFAULT_ONPREM_SERVER.autodiscoverPublished,
        migrationAdmin: {
          permission: server.migrationAdmin?.permission ?? DEFAULT_ONPREM_SERVER.migrationAdmin.permission,
          credentialsValid: server.migrationAdmin?.credentialsValid ?? DEFAULT_ONPREM_SERVER.migrationAdmin.credentialsValid,
        },
        scpPointerSet: server.scpPointerSet ?? DEFAULT_ONPREM_SERVER.scpPointerSet,
        uplinkMbps: mbps(server.uplink, DEFAULT_ONPREM_SERVER.uplinkMbps),
        sourceCapBytesPerHour: bytes(server.sourceCapPerHour, DEFAULT_ONPREM_SERVER.sourceCapBytesPerHour),
        // Left out when not given: the on-prem model applies DEFAULT_ONPREM_SERVER's (a file written back stays the same).
        addressAfterDecommission: server.addressAfterDecommission,
        outageFailure: server.outageFailure,
      },
    },
    tenant: {
      initialDomain: tenant.initialDomain ?? `${domain.split('.')[0]}.onmicrosoft.com`,
      verifiedDomains: (tenant.verifiedDomains ?? DEFAULT_TENANT.verifiedDomains).map((name) => name.toLowerCase()),
      directorySync: tenant.directorySync ?? DEFAULT_TENANT.directorySync,
      licensePool: tenant.licensePool === undefined || tenant.licensePool === 'unlimited' ? DEFAULT_TENANT.licensePool : tenant.licensePool,
      preCreatedSecurityGroups: (tenant.preCreatedSecurityGroups ?? []).map((group) => group.toLowerCase()),
      existingCutoverBatch: tenant.existingCutoverBatch ?? DEFAULT_TENANT.existingCutoverBatch,
      maxReceiveSizeBytes: bytes(tenant.maxReceiveSize, DEFAULT_TENANT.maxReceiveSizeBytes),
      mailboxQuotaBytes: bytes(tenant.mailboxQuota, DEFAULT_TENANT.mailboxQuotaBytes),
      licenseGrace: duration(tenant.licenseGrace, DEFAULT_TENANT.licenseGrace),
      disabledDataRetention: duration(tenant.disabledDataRetention, DEFAULT_TENANT.disabledDataRetention),
      verificationPropagation: duration(tenant.verificationPropagation, DEFAULT_TENANT.verificationPropagation),
    },
    endpoint: {
      ...DEFAULT_ENDPOINT,
      ...definedOnly({
        name: endpoint.name, mode: endpoint.mode, exchangeServer: endpoint.exchangeServer, rpcProxyServer: endpoint.rpcProxyServer,
        authentication: endpoint.authentication, mailboxPermission: endpoint.mailboxPermission,
        acceptUntrustedCertificates: endpoint.acceptUntrustedCertificates, maxConcurrentMigrations: endpoint.maxConcurrentMigrations,
        maxConcurrentIncrementalSyncs: endpoint.maxConcurrentIncrementalSyncs, passwordEnv: endpoint.credentials?.passwordEnv,
      }),
      testMailbox: (endpoint.testMailbox ?? firstUsable?.address ?? `administrator@${domain}`).toLowerCase(),
      username: endpoint.credentials?.username ?? `administrator@${domain}`,
    },
    migration: {
      ...DEFAULT_MIGRATION,
      ...definedOnly({
        maxMailboxes: migration.maxMailboxes, recommendedMailboxes: migration.recommendedMailboxes,
        mailboxThroughputSigma: migration.mailboxThroughputSigma, stallsPerHour: migration.stallsPerHour,
        allowStopWhenSynced: migration.allowStopWhenSynced, exchange2003Supported: migration.exchange2003Supported,
        dataConsistencyPoorShare: migration.dataConsistencyPoorShare,
      }),
      mailboxThroughputMedianBytesPerHour: bytes(migration.mailboxThroughputMedianPerHour, DEFAULT_MIGRATION.mailboxThroughputMedianBytesPerHour),
      mailboxThroughputMinBytesPerHour: rateMin,
      mailboxThroughputMaxBytesPerHour: rateMax,
      perItemOverhead: duration(migration.perItemOverhead, DEFAULT_MIGRATION.perItemOverhead),
      stallDuration: duration(migration.stallDuration, DEFAULT_MIGRATION.stallDuration),
      queueDelayMin,
      queueDelayMax,
      provisioningDuration: duration(migration.provisioningDuration, DEFAULT_MIGRATION.provisioningDuration),
      incrementalInterval: duration(migration.incrementalInterval, DEFAULT_MIGRATION.incrementalInterval),
      incrementalJitter: duration(migration.incrementalJitter, DEFAULT_MIGRATION.incrementalJitter),
      batchCreationDuration: duration(migration.batchCreationDuration, DEFAULT_MIGRATION.batchCreationDuration),
      removalDuration: duration(migration.removalDuration, DEFAULT_MIGRATION.removalDuration),
      autoStopSyncedAfter: duration(migration.autoStopSyncedAfter, DEFAULT_MIGRATION.autoStopSyncedAfter),
      autoRemoveStoppedAfter: duration(migration.autoRemoveStoppedAfter, DEFAULT_MIGRATION.autoRemoveStoppedAfter),
    },
    dns: {
      ...DEFAULT_DNS,
      ...definedOnly({
        verificationTxtPublished: dns.verificationTxtPublished, autodiscoverCnameExists: dns.autodiscoverCnameExists,
        resolverCount: dns.resolverCount, resolverMix: dns.resolverMix, cacheMissProbability: dns.cacheMissProbability,
        serveStaleFraction: dns.serveStaleFraction, resolverBackgroundQueriesPerHour: dns.resolverBackgroundQueriesPerHour,
      }),
      initialMxTtl: duration(dns.initialMxTtl, DEFAULT_DNS.initialMxTtl),
      oldMxHost: (dns.oldMxHost ?? `mail.${domain}`).toLowerCase(),
      // DNSANY: <MX token>.mail.protection.outlook.com; tenants often see a domain-derived token
      newMxHost: (dns.newMxHost ?? `${domain.replace(/\./g, '-')}.mail.protection.outlook.com`).toLowerCase(),
    },
    senders: {
      senderCount: file.senders?.senderCount ?? DEFAULT_SENDERS.senderCount,
      profileMix: file.senders?.profileMix ?? DEFAULT_SENDERS.profileMix,
      ...(file.senders?.profileOverrides ? { profileOverrides: resolveOverrides(file.senders.profileOverrides) } : {}),
    },
    mailFlow: {
      ...(generatedFlow === false ? {} : { generated: { ...DEFAULT_GENERATED_MAIL_FLOW, ...definedOnly(generatedFlow ?? {}) } }),
      explicit: resolveMessages(file.mailFlow?.explicit ?? [], fail, [domain, ...additionalDomains.map((extra) => extra.name)]),
    },
    clients: {
      domainJoinedFraction: file.clients?.domainJoinedFraction ?? DEFAULT_CLIENTS.domainJoinedFraction,
      meanReconfigureDelay: duration(file.clients?.meanReconfigureDelay, DEFAULT_CLIENTS.meanReconfigureDelay),
      webShare: file.clients?.webShare ?? DEFAULT_CLIENTS.webShare!,
      mobileShare: file.clients?.mobileShare ?? DEFAULT_CLIENTS.mobileShare!,
      meanFirstWebUseDelay: duration(file.clients?.meanFirstWebUseDelay, DEFAULT_CLIENTS.meanFirstWebUseDelay!),
      businessHours: file.clients?.businessHours ?? DEFAULT_CLIENTS.businessHours!,
      x500ReplyShare: file.clients?.x500ReplyShare ?? DEFAULT_CLIENTS.x500ReplyShare!,
      pstRecoveryDuration: duration(file.clients?.pstRecoveryDuration, DEFAULT_CLIENTS.pstRecoveryDuration!),
    },
    ledger: {
      lateThreshold: duration(file.ledger?.lateThreshold, DEFAULT_LEDGER.lateThreshold),
      sampledPaths: file.ledger?.sampledPaths ?? DEFAULT_LEDGER.sampledPaths,
    },
    plan: resolvePlan(file.plan ?? [], calendar, fail, [domain, ...additionalDomains.map((extra) => extra.name)]),
    faults: resolveFaults(file.faults ?? []),
  };
  if (file.startDate !== undefined) config.startDate = file.startDate;
  if (file.timeZone !== undefined) config.timeZone = file.timeZone;
  if (calendar !== undefined && config.mailFlow.generated !== undefined) config.mailFlow.generated = trafficOnCalendar(config.mailFlow.generated, generatedFlow || undefined, calendar);
  if (file.horizon === undefined) Object.assign(config, horizonFromPlan(config));
  return config;
}

/** organisation.additionalDomains with their defaults; a repeated domain, or the primary again, is an error at its entry. */
function resolveAdditionalDomains(file: ScenarioFile, primaryTtl: number, fail: ResolveFailure): AdditionalDomain[] {
  const seen = new Set([file.organisation.domain.toLowerCase()]);
  return (file.organisation.additionalDomains ?? []).map((entry, index) => {
    const given = typeof entry === 'string' ? { name: entry } : entry;
    const name = given.name.toLowerCase();
    if (seen.has(name)) fail(['organisation', 'additionalDomains', index], `${name} is listed twice (the primary domain is organisation.domain)`);
    seen.add(name);
    return {
      name,
      initialMxTtl: duration(given.initialMxTtl, primaryTtl),
      verificationTxtPublished: given.verificationTxtPublished ?? false,
      autodiscoverCnameExists: given.autodiscoverCnameExists ?? false,
    };
  });
}

function resolveOverrides(overrides: NonNullable<NonNullable<ScenarioFile['senders']>['profileOverrides']>): NonNullable<SenderConfig['profileOverrides']> {
  const resolved: NonNullable<SenderConfig['profileOverrides']> = {};
  for (const [profile, override] of Object.entries(overrides) as [SenderProfileName, NonNullable<(typeof overrides)[SenderProfileName]>][]) {
    const entry: SenderProfileOverride = {};
    if (override.queueLifetime !== undefined) entry.queueLifetime = parseDuration(override.queueLifetime);
    if (override.delayNoticeAfter !== undefined) entry.delayNoticeAfter = override.delayNoticeAfter === null ? null : parseDuration(override.delayNoticeAfter);
    resolved[profile] = entry;
  }
  return resolved;
}

/** Drops undefined values so spreading over a default keeps the default. */
function definedOnly<T extends object>(values: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}
