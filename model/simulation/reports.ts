import { delayHistogram, type LedgerSummary } from '../ledger/index.js';
import type { KeyTimes, MailboxOutcome, MailboxSnapshotRow, SimulationResult, SimulationSnapshot } from '../result.js';
import { recommendationFindings, recommendFromRuns } from '../recommendations/index.js';
import type { HourlySeries } from './hourly-series.js';
import { runtimeFindings } from './runtime-findings.js';
import type { World } from './world.js';

/** Each mailbox's migration statistics with its license state. */
function mailboxOutcomes(world: World): MailboxOutcome[] {
  const { migration, tenant } = world;
  return migration.mailboxStatistics().map((statistics) => {
    const view = tenant.licenses.view(statistics.address);
    const license: MailboxOutcome['license'] = { state: view?.state ?? 'none' };
    if (view?.assignedAt !== undefined) license.assignedAt = view.assignedAt;
    if (view?.disabledAt !== undefined) license.disabledAt = view.disabledAt;
    return { ...statistics, license };
  });
}

/** What this run did and when, observed (the recommendations and every surface read these). */
function keyTimes(world: World): KeyTimes {
  const { migration, readiness, log, onPrem } = world;
  const anySynced = migration.mailboxStatistics().some((statistics) => statistics.initialSyncDoneAt !== undefined && statistics.status !== 'Failed');
  const done = (action: string) => log.actions.find((outcome) => outcome.action === action && outcome.outcome === 'done')?.at ?? null;
  return {
    initialSyncDoneAt: anySynced ? migration.initialSyncDoneAt() ?? null : null,
    mxSwitchedAt: log.switchedAt ?? null,
    batchRemovedAt: log.batchRemovalStartedAt ?? null,
    decommissionedAt: onPrem.decommissionedSince() ?? null,
    licensesAssignedAt: done('assignLicenses'),
    firstProvisionedAt: log.provisionedAt.size === 0 ? null : Math.min(...log.provisionedAt.values()),
    removalSafeAt: readiness.recommendedAt() ?? null,
  };
}

/** The full result as of now; messages without a fate are resolved by the horizon rule. */
export function buildResult(world: World, series: HourlySeries): SimulationResult {
  const { config, migration, scheduler, trace, ledger, router } = world;
  const summary: LedgerSummary = ledger.summarize((id) => router.resolvePending(id));
  const outcomes = mailboxOutcomes(world);
  const batch: SimulationResult['batch'] = { statusHistory: migration.statusHistory(), counts: migration.batchCounts() };
  const lastSyncedAt = migration.lastSyncedAt();
  const initialSyncDuration = migration.initialSyncDuration();
  if (lastSyncedAt !== undefined) batch.lastSyncedAt = lastSyncedAt;
  if (initialSyncDuration !== undefined) batch.initialSyncDuration = initialSyncDuration;
  const observed = keyTimes(world);
  // The run's own seed alone; `recommend` / `cutover run --seeds` combine more runs of the plan.
  const recommendations = recommendFromRuns(config, [observed]);
  const result: SimulationResult = {
    scenario: config.name,
    seed: config.seed,
    horizon: config.horizon,
    traceHash: trace.hash(),
    events: scheduler.processedCount,
    batch,
    mailboxes: {
      total: outcomes.length,
      synced: outcomes.filter((outcome) => outcome.initialSyncDoneAt !== undefined && outcome.status !== 'Failed').length,
      failed: outcomes.filter((outcome) => outcome.status === 'Failed').length,
      outcomes,
    },
    messages: summary.messages,
    reasons: summary.reasons,
    causes: summary.causes,
    traces: summary.traces,
    actions: world.log.actions.map((action) => ({ ...action })),
    findings: [...runtimeFindings(world, summary.causes), ...recommendationFindings(observed, recommendations)],
    series: cloneSeries(series),
    keyTimes: observed,
    delays: delayHistogram(ledger, (id) => router.resolvePending(id)),
    oldHostAfterSwitch: world.log.oldHostAtSwitch === undefined ? null : router.acceptedByOldHost - world.log.oldHostAtSwitch,
    recommendations,
    migrationStatistics: migration.migrationStatistics(),
  };
  if (config.startDate !== undefined) result.startDate = config.startDate;
  if (config.timeZone !== undefined) result.timeZone = config.timeZone;
  if (config.horizonFromPlan !== undefined) result.horizonFromPlan = { ...config.horizonFromPlan };
  return result;
}

/** The dashboard's cheap live view (no pass over every message). */
/** The live view; `series` is the hourly samples so far, shared rather than copied (the dashboard only reads it). */
export function buildSnapshot(world: World, series: HourlySeries): SimulationSnapshot {
  const { config, scheduler, migration, tenant, dns, clients, onPrem, ledger, router, users } = world;
  const now = scheduler.now();
  const rows: MailboxSnapshotRow[] = mailboxOutcomes(world).map((outcome) => {
    const view = tenant.licenses.view(outcome.address);
    const user = users.indexOf(outcome.address);
    return {
      ...outcome,
      graceLeft: view?.state === 'grace' ? view.graceEndsAt - now : null,
      outlook: user === undefined ? 'on-prem' : clients.location(user, now),
      awaitingSync: user === undefined ? 0 : router.awaiting.count(user),
    };
  });
  const grace = tenant.licenses.grace(now);
  const mx = dns.zone.mx(now);
  const batch: SimulationSnapshot['batch'] = { status: migration.batchStatus(), counts: migration.batchCounts() };
  const lastSyncedAt = migration.lastSyncedAt();
  const initialSyncDoneAt = migration.initialSyncDoneAt();
  if (lastSyncedAt !== undefined) batch.lastSyncedAt = lastSyncedAt;
  if (initialSyncDoneAt !== undefined) batch.initialSyncDoneAt = initialSyncDoneAt;
  const decommissionedAt = onPrem.decommissionedSince();
  return {
    now,
    horizon: config.horizon,
    batch,
    mailboxes: rows,
    dns: {
      mxHost: mx.host,
      mxTtl: mx.ttl,
      shareOnNewMx: dns.shareAnswering(config.dns.newMxHost, now),
      verificationTxtPublished: dns.zone.verificationTxtPublishedAt() !== undefined,
      autodiscoverCname: dns.zone.autodiscoverCnameCreatedAt() !== undefined,
      ...(dns.zones.length > 1 ? {
        additionalDomains: (config.organisation.additionalDomains ?? []).map((domain, index) => {
          const zone = dns.zones[index + 1]!;
          const record = zone.mx(now);
          return {
            name: domain.name, mxHost: record.host, mxTtl: record.ttl,
            verificationTxtPublished: zone.verificationTxtPublishedAt() !== undefined, autodiscoverCname: zone.autodiscoverCnameCreatedAt() !== undefined,
          };
        }),
      } : {}),
    },
    licenses: {
      remaining: config.tenant.licensePool >= Number.MAX_SAFE_INTEGER ? null : tenant.licenses.remaining,
      inGrace: grace.count,
      shortestGraceLeft: grace.shortestLeft,
      disabled: rows.filter((row) => row.license.state === 'disabled' || row.license.state === 'deleted').length,
    },
    onPrem: decommissionedAt === undefined ? { running: onPrem.isUp(now) } : { running: false, decommissionedAt },
    // Stranded mail is known as it happens (the router holds it); the rest without a fate is in flight.
    messages: { ...ledger.counts(), stranded: router.stranded.total, inFlight: ledger.pendingCount - router.stranded.total },
    causes: ledger.causesSoFar(),
    findings: runtimeFindings(world, ledger.causesSoFar()),
    series: series.series,
    migrationStatistics: migration.migrationStatistics(),
  };
}

function cloneSeries(series: HourlySeries): SimulationResult['series'] {
  const source = series.series;
  return {
    hours: [...source.hours], mailboxesSynced: [...source.mailboxesSynced], bytesSynced: [...source.bytesSynced],
    inboundOldHost: [...source.inboundOldHost], inboundNewHost: [...source.inboundNewHost], resolversOnNewMx: [...source.resolversOnNewMx],
    mailboxesInGrace: [...source.mailboxesInGrace], shortestGraceLeft: [...source.shortestGraceLeft],
  };
}
