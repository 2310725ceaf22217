import { formatDurationForPeople, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { Finding } from '../result.js';
import { MINIMUM_WAIT_AFTER_SWITCH } from '../plan/index.js';
import { migratedMailboxes } from './estimates.js';
import { gap, plus, range, type Moment } from './moment.js';
import { decommissionUserReasons, movedAfter, profilesMovedLatest } from './rules-users.js';
import { earliest, finding, STEP } from './steps.js';
import { all, ARTICLE_MAX_TTL, first, type Timeline } from './timeline.js';

/** Schedule rules from the switch on: TTL lead time, batch removal, licenses, Autodiscover, decommission. */

export function ttlRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const switched = first(timeline, 'switchMx');
  if (!switched?.moment || config.dns.initialMxTtl <= ARTICLE_MAX_TTL) return [];
  const { bounds } = timeline;
  // dns §7.1: a lowered TTL helps only once every copy fetched under the old one has expired.
  const inTime = timeline.ttlChanges.some((change) => change.ttl <= ARTICLE_MAX_TTL && gap(switched.moment!, change.moment, bounds).low >= config.dns.initialMxTtl);
  if (inTime) return [];
  return [finding('schedule.ttl-not-lowered-in-time', 'warning', STEP.ttl,
    `the MX TTL (${formatDurationForPeople(config.dns.initialMxTtl)}) is not lowered to 1h or less at least ${formatDurationForPeople(config.dns.initialMxTtl)} before the switch: senders keep using the old host for up to ${formatDurationForPeople(timeline.oldMxWindow)} after it, and that mail arrives only with an incremental sync`,
    `add \`- { action: set-mx-ttl, ttl: 1h, at: 0s }\` at least ${formatDurationForPeople(config.dns.initialMxTtl)} before switch-mx`, { at: earliest(switched.moment, bounds) })];
}

const afterRecommended = (timeline: Timeline, index: number) => {
  const timing = timeline.steps[index]?.action.timing;
  return timing !== undefined && 'after' in timing && timing.after === 'recommendedBatchRemoval';
};

export function removalRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const removal = first(timeline, 'removeBatch');
  if (!removal?.moment || !timeline.anchors.batchStarted) return [];
  const { bounds } = timeline;
  const at = earliest(removal.moment, bounds);
  const switched = first(timeline, 'switchMx');
  if (!switched?.moment || gap(removal.moment, switched.moment, bounds).low < 0) {
    return [finding('schedule.batch-removed-without-switch', 'error', STEP.remove,
      'the batch is deleted while mail may still be routed to the on-prem server: nothing copies that mail to the cloud afterwards',
      'switch the MX first, then delete the batch `after: recommended-batch-removal`', { at })];
  }
  const findings: Finding[] = [];
  const stopped = all(timeline, 'stopBatch').find((step) => gap(removal.moment!, step.moment!, bounds).high > 0 && gap(step.moment!, switched.moment!, bounds).high > -timeline.oldMxWindow);
  if (stopped) {
    findings.push(finding('schedule.batch-stopped-after-switch', 'error', STEP.remove,
      'the batch is stopped while mail may still reach the old host: a stopped batch runs no incremental syncs, so that mail is not copied',
      'do not stop the batch between the switch and its deletion', { at: earliest(stopped.moment, bounds) }));
  }
  if (afterRecommended(timeline, removal.index)) return findings;
  const wait = gap(removal.moment, switched.moment, bounds);
  if (wait.low < MINIMUM_WAIT_AFTER_SWITCH) {
    findings.push(finding('schedule.batch-removed-before-72h', 'error', STEP.remove,
      `the batch may be deleted ${formatDurationForPeople(Math.max(0, wait.low))} after the MX switch; the article asks for at least 72 hours, while senders still deliver to the old host`,
      'delete the batch `after: recommended-batch-removal` (or at least "72h after mx-switched")', { at }));
  }
  const needed = bounds.removalWait.high;
  if (wait.low < needed) {
    findings.push(finding('schedule.batch-removed-before-final-pass', 'error', STEP.remove,
      `the batch may be deleted ${formatDurationForPeople(Math.max(0, wait.low))} after the switch, before every mailbox has had an incremental sync that started after the last moment a sender could reach the old host (up to ${formatDurationForPeople(timeline.oldMxWindow)} after the switch); mail delivered on-prem in between is lost. A safe wait is ${formatDurationForPeople(needed)}`,
      `delete the batch \`after: recommended-batch-removal\`, or at "${formatDurationForPeople(needed)} after mx-switched"`, { at }));
  }
  return findings;
}

export function licenseRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const started = timeline.anchors.batchStarted;
  if (!started) return [];
  const { bounds } = timeline;
  const mailboxes = migratedMailboxes(config).map((mailbox) => mailbox.address);
  const findings: Finding[] = [];
  if (config.tenant.licensePool < mailboxes.length) {
    findings.push(finding('schedule.license-pool-too-small', 'error', STEP.licenses,
      `${mailboxes.length} mailboxes are migrated but only ${config.tenant.licensePool} licenses are available: the rest are disabled when the grace period ends`,
      'buy enough licenses before the grace period ends'));
  }
  // The grace is counted from the mailbox's creation, no earlier than the queue delay after the start (facts §6).
  const graceEnds = plus(started, config.migration.queueDelayMin + config.tenant.licenseGrace);
  const assignments = all(timeline, 'assignLicenses');
  // Only a mailbox that exists can be licensed (refused otherwise: model/tenant); every mailbox
  // is created before its initial copy, so an assignment surely after initial-sync-done finds them all.
  const syncDone = timeline.anchors.initialSyncDone;
  const afterCreation = (step: (typeof assignments)[number]) => syncDone !== undefined && gap(step.moment!, syncDone, bounds).low >= 0;
  // The assignment time is only bounded (e.g. "after initial-sync-done"): it must beat the grace at its latest.
  const beforeGraceEnds = (step: (typeof assignments)[number]) => gap(graceEnds, step.moment!, bounds).low > 0;
  const inTime = assignments.filter((step) => afterCreation(step) && beforeGraceEnds(step));
  const late = assignments.filter((step) => !beforeGraceEnds(step));
  const early = assignments.filter((step) => !afterCreation(step) && beforeGraceEnds(step));
  const covered = new Set(inTime.flatMap((step) => step.action.users ?? mailboxes));
  const missing = mailboxes.filter((address) => !covered.has(address));
  if (missing.length === 0) return findings;
  if (early.length > 0 && late.length === 0) {
    findings.push(finding('schedule.licenses-before-mailboxes-exist', 'error', STEP.licenses,
      `licenses may be assigned before every cloud mailbox exists (mailboxes are created while the initial sync runs, estimated ${formatDurationForPeople(bounds.initialSync.low)}-${formatDurationForPeople(bounds.initialSync.high)} after the batch starts): the assignment is refused for the missing ones, which are disabled when the ${formatDurationForPeople(config.tenant.licenseGrace)} grace period ends`,
      'assign licenses `after: initial-sync-done` (or add an assignment then)', { at: earliest(early[0]!.moment, bounds), subjects: missing }));
  } else if (late.length > 0) {
    findings.push(finding('schedule.licenses-after-grace', 'error', STEP.licenses,
      `licenses may be assigned after the ${formatDurationForPeople(config.tenant.licenseGrace)} grace period ends: unlicensed mailboxes are disabled and mail to them bounces`,
      `assign licenses earlier, for example \`after: initial-sync-done\` (latest: ${formatDurationForPeople(config.tenant.licenseGrace)} after the batch starts)`,
      { at: earliest(late[0]!.moment, bounds), subjects: missing }));
  } else {
    findings.push(finding('schedule.licenses-not-assigned', 'error', STEP.licenses,
      `${missing.length} migrated mailbox${missing.length === 1 ? ' is' : 'es are'} never licensed: disabled when the ${formatDurationForPeople(config.tenant.licenseGrace)} grace period ends, after which mail to them bounces`,
      'add `- { action: assign-licenses, after: initial-sync-done }`', { at: earliest(graceEnds, bounds), subjects: missing }));
  }
  return findings;
}

export function clientRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const findings: Finding[] = [];
  const switched = first(timeline, 'switchMx');
  if (!switched?.moment) return findings;
  const removal = first(timeline, 'removeBatch');
  const at = earliest(removal?.moment ?? switched.moment, timeline.bounds);
  if (!config.dns.autodiscoverCnameExists && !first(timeline, 'createAutodiscoverCname')) {
    findings.push(finding('schedule.no-autodiscover-cname', 'error', STEP.post,
      'no autodiscover CNAME to autodiscover.outlook.com: Outlook keeps connecting to the on-prem server, and what users do there is not copied once the batch is deleted',
      'add `- { action: create-autodiscover-cname, after: mx-switched }`', { at }));
  }
  if (config.organisation.server.scpPointerSet && config.clients.domainJoinedFraction > 0 && !first(timeline, 'clearScpPointer')) {
    findings.push(finding('schedule.scp-pointer-not-cleared', 'error', STEP.post,
      'the on-prem Autodiscover pointer (AutoDiscoverServiceInternalUri) stays set: domain-joined Outlook keeps finding the old server',
      'add `- { action: clear-scp-pointer, after: mx-switched }` (Set-ClientAccessServer -AutoDiscoverServiceInternalUri $null on every CAS)', { at }));
  }
  const moved = profilesMovedLatest(config, timeline);
  const rebuild = first(timeline, 'rebuildOutlookProfiles');
  if (removal?.moment && rebuild?.moment && moved !== Infinity) {
    // With the recommended removal the twin waits for the profiles itself, once every move is known before it can fire.
    const recommended = afterRecommended(timeline, removal.index);
    const late = recommended
      ? gap(plus(switched.moment, MINIMUM_WAIT_AFTER_SWITCH), rebuild.moment, timeline.bounds).low < 0
      : movedAfter(config, timeline, removal.moment);
    if (late) {
      findings.push(finding('schedule.clients-not-moved-before-removal', 'error', STEP.remove,
        `Outlook may still open the on-prem mailboxes when the batch is deleted (the last new profile may come at T+${formatDurationForPeople(moved)}): what colleagues on old profiles send meanwhile is stranded on-prem`,
        'rebuild profiles at the switch (right after the autodiscover CNAME and the SCP clean-up) and delete the batch `after: recommended-batch-removal`', { at }));
    }
  }
  return findings;
}

export function decommissionRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const decommission = first(timeline, 'decommission');
  if (!decommission?.moment) return [];
  const { bounds } = timeline;
  const at = earliest(decommission.moment, bounds);
  const switched = first(timeline, 'switchMx');
  const removed = timeline.anchors.batchRemoved;
  const reasons: string[] = [];
  if (!switched?.moment) reasons.push('the MX is never switched, so all mail still goes to the server');
  else if (gap(decommission.moment, switched.moment, bounds).low < timeline.oldMxWindow) {
    reasons.push(`senders may still reach it up to ${formatDurationForPeople(timeline.oldMxWindow)} after the switch`);
  }
  if (timeline.anchors.batchStarted && (!removed || gap(decommission.moment, removed, bounds).low < 0)) {
    reasons.push('the batch still exists, so mail that reached the server since the last incremental sync is never copied');
  }
  const syncDone = timeline.anchors.initialSyncDone;
  if (syncDone && gap(decommission.moment, syncDone, bounds).low < 0) {
    reasons.push('the initial sync may still read from it: its passes fail, and what waits for initial-sync-done (licences, passwords, X500 addresses) may never run');
  }
  reasons.push(...decommissionUserReasons(config, timeline, decommission.moment));
  if (reasons.length === 0) return [];
  return [finding('schedule.decommission-too-early', 'error', STEP.post,
    `the on-prem server is decommissioned too early: ${reasons.join('; ')}`,
    'decommission after the batch is deleted, for example `at: "1d after batch-removed"`', { at })];
}

export function planHygieneRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const findings: Finding[] = [];
  for (const step of timeline.steps) {
    const timing = step.action.timing;
    if (!step.moment && 'after' in timing) {
      const removedFirst = timing.after === 'recommendedBatchRemoval' && timeline.anchors.mxSwitched !== undefined;
      findings.push(finding('schedule.action-never-runs', 'warning', STEP.create,
        removedFirst
          ? `plan[${step.index}] (${step.action.action}) waits for ${timing.after}, which may never happen: the batch may be deleted before it (the removal is recommended only after sync passes that follow the switch)`
          : `plan[${step.index}] (${step.action.action}) waits for ${timing.after}, which never happens in this plan`,
        'time it against an event the plan reaches, or at an absolute time'));
    } else if (step.moment && gap(step.moment, { fixed: config.horizon, terms: {} }, timeline.bounds).low >= 0) {
      findings.push(finding('schedule.action-after-horizon', 'info', STEP.create,
        `plan[${step.index}] (${step.action.action}) comes after the horizon (${formatDurationForPeople(config.horizon)}) and is not simulated`,
        'lengthen `horizon` to see it', { at: earliest(step.moment, timeline.bounds) }));
    }
  }
  if (config.faults.length > 0) {
    const failing = outagesWhileSyncing(config, timeline);
    findings.push(failing.length > 0
      ? finding('schedule.declared-faults', 'error', STEP.start,
        `the on-prem server may be down while the batch syncs (${failing.map((fault) => `T+${formatDurationForPeople(fault.from)}-${formatDurationForPeople(fault.until)}`).join(', ')}): the passes running then fail (MigrationTransientException), and a failed mailbox is not migrated until the batch is started again`,
        'move the outage (maintenance) outside the migration, or start the batch again after it and check that every mailbox synced', { at: failing[0]!.from })
      : finding('schedule.declared-faults', 'warning', STEP.route,
        `the scenario declares ${config.faults.length} fault(s) (outages); the checker cannot foresee what they lose`,
        'run the simulation to see their effect', { at: Math.min(...config.faults.map((fault) => fault.from)) as Millis }));
  }
  return findings;
}

/** On-prem outages that may fall between the batch's start and its removal: a pass cannot read the source then (model/migration/sync-engine.ts). */
function outagesWhileSyncing(config: SimulationConfig, timeline: Timeline): { from: Millis; until: Millis }[] {
  const started = timeline.anchors.batchStarted;
  if (!started || migratedMailboxes(config).length === 0) return [];
  const { bounds } = timeline;
  const from = range(started, bounds).low;
  const removed = timeline.anchors.batchRemoved;
  const until = removed ? range(removed, bounds).high : config.horizon;
  return config.faults.flatMap((fault) => (fault.kind === 'onPremOutage' && fault.until > from && fault.from < until ? [fault] : []));
}
