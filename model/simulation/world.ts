import { RandomStreams, Scheduler, Trace, formatInstantForPeople, type Millis } from '../../sim/index.js';
import { OutlookProfiles } from '../clients/index.js';
import type { SimulationConfig } from '../config.js';
import { createDns, worstCaseOldMxWindow, type Dns } from '../dns/index.js';
import { Ledger } from '../ledger/index.js';
import { ExplicitTraffic, GeneratedTraffic, MailRouter, UserDirectory, bounceReason, generatedTrafficStopsAt, senderOrganisationFor } from '../mailflow/index.js';
import { createMigrationService, type MigrationService } from '../migration/index.js';
import { OnPremExchange, ONPREM_REASONS } from '../onprem/index.js';
import { PlanRunner, RemovalReadiness } from '../plan/index.js';
import type { ActionOutcome, BatchStatus } from '../result.js';
import { createSendingMtas, EXPIRED_CODE, mxLookupWords, type SendingMtas } from '../senders/index.js';
import { EXO_REASONS, Tenant, type LicenseStateName } from '../tenant/index.js';
import type { ExplicitMessage, PlannedAction } from '../config.js';
import { DEFAULT_CLIENTS } from '../defaults.js';
import { addressDomainIndex, domainNames } from '../accepted-domains.js';

/** Statuses in which Remove-MigrationBatch is refused because the batch runs. */
const RUNNING: ReadonlySet<string> = new Set(['Starting', 'Syncing', 'IncrementalSyncing', 'Stopping']);

const KNOWN_BOUNCE_KEYS: ReadonlySet<string> = new Set([...Object.values(EXO_REASONS), ONPREM_REASONS.recipientUnknown]);

/** What happened to the control plane during the run, for findings and recommendations. */
export interface RunLog {
  actions: ActionOutcome[];
  /** Planned actions refused, by their index in the plan. */
  refusedPlanned: { index: number; outcome: ActionOutcome }[];
  provisionedAt: Map<string, Millis>;
  failures: Map<string, { error: string; at: Millis }>;
  /** The first failed incremental pass of each user whose passes failed (the source was down, or the quota full). */
  incrementalFailures?: Map<string, { error: string; at: Millis }>;
  licenseEvents: { address: string; state: LicenseStateName; at: Millis }[];
  batchRemovalStartedAt: Millis | undefined;
  switchedAt: Millis | undefined;
  strandedAtRemoval: number;
  /** Safe to remove, but the batch was running then: `recommendedBatchRemoval` fires once it is not. */
  removalReadyWaiting?: boolean;
  /** The old host's accepted count when the MX was switched. */
  oldHostAtSwitch: number | undefined;
}

/** Every part of one simulated world, wired together. */
export interface World {
  config: SimulationConfig;
  scheduler: Scheduler;
  random: RandomStreams;
  trace: Trace;
  ledger: Ledger;
  users: UserDirectory;
  tenant: Tenant;
  onPrem: OnPremExchange;
  clients: OutlookProfiles;
  dns: Dns;
  router: MailRouter;
  mtas: SendingMtas;
  migration: MigrationService;
  plan: PlanRunner;
  readiness: RemovalReadiness;
  log: RunLog;
  /** Runs one admin action now and records it; `planIndex` when it comes from the plan. */
  execute: (action: Omit<PlannedAction, 'timing'>, at: Millis, planIndex?: number) => ActionOutcome;
}

/**
 * Builds the world of one run: engine, ledger, tenant, on-prem server, clients, DNS,
 * senders, migration service, traffic and plan, with each part's listener wired to the
 * others. Nothing runs until the caller advances the scheduler.
 */
export function buildWorld(config: SimulationConfig, trace: Trace, keepAllPaths: boolean, execute: (world: World, action: Omit<PlannedAction, 'timing'>, at: Millis) => ActionOutcome): World {
  const scheduler = new Scheduler({ trace });
  const random = new RandomStreams(config.seed);
  const log: RunLog = { actions: [], refusedPlanned: [], provisionedAt: new Map(), failures: new Map(), licenseEvents: [], batchRemovalStartedAt: undefined, switchedAt: undefined, strandedAtRemoval: 0, oldHostAtSwitch: undefined };
  const ledger = new Ledger({ lateThreshold: config.ledger.lateThreshold, sampledPaths: config.ledger.sampledPaths, keepAllPaths, sampling: random.stream('ledger.sampling') });
  const users = new UserDirectory(config.organisation);
  const domains = domainNames(config.organisation);
  const tenant = new Tenant({
    scheduler, config: config.tenant, organisation: config.organisation, trace,
    listener: { onLicenseState: (address, state, at) => log.licenseEvents.push({ address, state, at }) },
  });
  const onPrem = new OnPremExchange(config);
  const generated = config.mailFlow.generated;
  let resubmitFromOutbox: (id: number, at: Millis) => void = () => {};
  const clients = new OutlookProfiles({
    userCount: users.count, config: config.clients, random: random.stream('clients'), webRandom: random.stream('clients.web'), scheduler,
    week: { startWeekday: generated?.startWeekday ?? 0, startHour: generated?.startHour ?? 0 },
    scpPointerSet: config.organisation.server.scpPointerSet,
    autodiscoverCnameExists: [config.dns.autodiscoverCnameExists, ...(config.organisation.additionalDomains ?? []).map((domain) => domain.autodiscoverCnameExists)],
    ...(domains.length > 1 ? { userDomain: Uint8Array.from(users.addresses, (address) => addressDomainIndex(domains, address)) } : {}),
    listener: {
      // Client events come from the scheduler, so only once the world below exists.
      onReadsCloud: (user, at) => world.router.userReadsCloud(user, at),
      onOutlookCloud: (user, at) => world.router.flushOutbox(user, (id) => resubmitFromOutbox(id, at)),
    },
  });
  const dns = createDns({ scheduler, random, config: config.dns, faults: config.faults, additionalDomains: config.organisation.additionalDomains ?? [] });
  let migration: MigrationService | undefined;
  const router = new MailRouter({
    scheduler, ledger, tenant, onPrem, clients, users, sizes: random.stream('mailflow.size'),
    x500: random.stream('clients.x500'), x500ReplyShare: config.clients.x500ReplyShare ?? DEFAULT_CLIENTS.x500ReplyShare!,
    hosts: { oldMx: config.dns.oldMxHost, newMx: config.dns.newMxHost },
    recordOnPremArrival: (address, bytes, user) => migration?.recordOnPremArrival(address, bytes, user),
  });
  const mtas = createSendingMtas({
    scheduler, random, dns, config: config.senders, destinations: router,
    ...(domains.length > 1 ? { domainOf: (recipient: string) => addressDomainIndex(domains, recipient) } : {}),
    listener: {
      onAccepted: () => {}, // the destination already recorded the hop
      // The detail is built only for kept paths: deferrals are frequent after the MX switch (issue 9).
      onDeferred: (id, host, reason, at, next) => {
        if (ledger.isKept(id)) ledger.hop(id, at, 'deferred', `${host ?? 'no MX answer'}: ${reason}; next ${formatInstantForPeople(next)}`);
      },
      onDelayNotice: (id, at) => ledger.hop(id, at, 'delay-notice'),
      keepsPath: (id) => ledger.isKept(id),
      onMxLookup: (id, lookup) => ledger.hop(id, lookup.at, 'mx-lookup', mxLookupWords(lookup)),
      onBounced: (id, code, reason, at) => {
        const key = bounceReason(code, reason, KNOWN_BOUNCE_KEYS, EXPIRED_CODE);
        if (key !== reason) ledger.hop(id, at, 'smtp-reply', `${code} ${reason}`);
        ledger.bounce(id, at, key);
      },
    },
  });
  const initialTtls = [config.dns.initialMxTtl, ...(config.organisation.additionalDomains ?? []).map((domain) => domain.initialMxTtl)];
  // With several domains `switchAt` is the last domain's switch; mail may reach the old host until the latest of each domain's own bound.
  const oldMxWindow = (switchAt: Millis): Millis => Math.max(...dns.zones.map((zone, index) => {
    const timeline = zone.mxTimeline();
    const switched = timeline.find((entry) => entry.host === config.dns.newMxHost)?.at ?? switchAt;
    const ttlChanges = timeline.filter((entry) => entry.at > 0).map((entry) => ({ at: entry.at, ttl: entry.ttl }));
    return switched - switchAt + worstCaseOldMxWindow({ switchAt: switched, initialTtl: initialTtls[index]!, ttlChanges, mix: config.dns.resolverMix });
  }));
  const migrated = (): string[] => [...log.provisionedAt.keys()].filter((address) => users.indexOf(address) !== undefined && !log.failures.has(address));
  // World is filled in below; the plan and readiness call back into it only once the run starts.
  const world = { config, scheduler, random, trace, ledger, users, tenant, onPrem, clients, dns, router, mtas, log } as World;
  const plan = new PlanRunner({
    scheduler, plan: config.plan,
    execute: (action, index, at) => world.execute(action, at, index),
  });
  const readiness = new RemovalReadiness({
    scheduler, oldMxWindow, clientsAllMovedAt: () => clients.allMovedAt(), migratedMailboxes: migrated,
    // Remove is refused while the batch runs (PS-Remove-MigrationBatch): the anchor waits for the round to end.
    onReady: (at) => {
      if (migration !== undefined && RUNNING.has(migration.batchStatus())) log.removalReadyWaiting = true;
      else plan.fire('recommendedBatchRemoval', at);
    },
  });
  migration = createMigrationService({
    scheduler, random, config, tenant, trace,
    // A pass reads the on-prem server: a decommissioned host refuses, one in an outage does not answer.
    source: {
      unavailable: (now) => (onPrem.isDecommissioned(now) ? 'refused' : onPrem.inOutage(now) ? 'timeout' : undefined),
      outageStarts: () => config.faults.flatMap((fault) => (fault.kind === 'onPremOutage' ? [fault.from] : [])),
    },
    listener: {
      onBatchStatus: (status, at) => onBatchStatus(world, status, at),
      onProvisioned: (address, kind, at) => {
        tenant.provision(address, kind, at);
        if (kind === 'mailbox' && !log.provisionedAt.has(address.toLowerCase())) {
          log.provisionedAt.set(address.toLowerCase(), at);
          readiness.changed();
        }
      },
      onSyncPass: (address, snapshotAt, completedAt) => {
        router.syncPass(address, snapshotAt, completedAt);
        readiness.syncPass(address, snapshotAt);
      },
      onMailboxFailed: (address, error, at) => {
        log.failures.set(address.toLowerCase(), { error, at });
        readiness.changed();
      },
      onIncrementalFailed: (address, error, at) => {
        log.incrementalFailures ??= new Map();
        if (!log.incrementalFailures.has(address.toLowerCase())) log.incrementalFailures.set(address.toLowerCase(), { error, at });
      },
    },
  });
  Object.assign(world, { migration, plan, readiness });
  world.execute = (action, at, planIndex) => {
    const outcome = execute(world, action, at);
    log.actions.push(outcome);
    trace.record(at, 'action', action.action, `${outcome.outcome}`);
    if (planIndex !== undefined && outcome.outcome === 'refused') log.refusedPlanned.push({ index: planIndex, outcome });
    return outcome;
  };
  resubmitFromOutbox = startTraffic(world);
  plan.start();
  return world;
}

/** Plan anchors and stranding follow the batch's statuses. */
function onBatchStatus(world: World, status: BatchStatus, at: Millis): void {
  const { plan, router, log } = world;
  if (log.removalReadyWaiting === true && !RUNNING.has(status) && status !== 'Removing' && status !== 'Deleted') {
    log.removalReadyWaiting = false;
    plan.fire('recommendedBatchRemoval', at);
  }
  if (status === 'Created') {
    router.batchCreated();
    plan.fire('batchCreated', at);
  } else if (status === 'Syncing') plan.fire('batchStarted', at);
  else if (status === 'Synced' || status === 'SyncedWithErrors') plan.fire('initialSyncDone', at);
  else if (status === 'Removing') {
    // CUT step 6: from deletion on, mail that reaches on-prem is not copied any more.
    log.batchRemovalStartedAt ??= at;
    log.strandedAtRemoval += router.batchRemoved(at);
  } else if (status === 'Deleted') plan.fire('batchRemoved', at);
}

/** Generated traffic (lazy) and explicit messages; returns how a message leaving an Outbox is submitted again. */
function startTraffic(world: World): (id: number, at: Millis) => void {
  const { config, scheduler, random, router, users, mtas, ledger, onPrem } = world;
  const resubmit = (id: number, now: Millis): void => submitInternal(id, now);
  const submitFrom = (id: number, sender: number, recipient: string, now: Millis, recipientUser?: number): void => {
    if (router.submitFromOutlook(id, sender, recipient, now, recipientUser)) return;
    // The on-prem server is down for a declared outage: Outlook keeps it in the Outbox.
    ledger.hop(id, now, 'outbox', ONPREM_REASONS.outage);
    scheduler.at(onPrem.outageEndsAt(now) ?? now + 1, 'mail.resubmit', id, resubmit, id);
  };
  const submitInternal = (id: number, now: Millis): void => submitFrom(id, users.indexOf(ledger.sender(id))!, ledger.recipient(id), now);
  const submitExternal = (id: number, organisation: number, recipient: string, now: Millis): void => mtas.submit(id, organisation, recipient, now);
  const generated = config.mailFlow.generated;
  if (generated !== undefined) {
    new GeneratedTraffic({
      scheduler, random, flow: generated, userCount: users.count, senderOrganisations: mtas.senderCount,
      stopAt: generatedTrafficStopsAt(config.horizon, generated),
      sink: {
        // By index: no address look-up or string building per generated message (issue 9).
        internal: (sender, recipient, now) => submitFrom(router.registerInternal(sender, recipient, now), sender, users.address(recipient), now, recipient),
        external: (organisation, recipient, now) => submitExternal(router.registerExternal(organisation, recipient, now), organisation, users.address(recipient), now),
      },
    }).start();
  }
  new ExplicitTraffic(scheduler, config.mailFlow.explicit, (message: ExplicitMessage, now) => {
    const extra = message.label === undefined ? { keepPath: true } : { keepPath: true, label: message.label };
    const id = router.register(message.from.toLowerCase(), message.to.toLowerCase(), now, extra);
    if (users.indexOf(message.from) !== undefined) submitInternal(id, now);
    else submitExternal(id, senderOrganisationFor(message.from, mtas.senderCount), message.to.toLowerCase(), now);
  }).start();
  return submitInternal;
}
