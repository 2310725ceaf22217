import { formatDurationForPeople } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { Finding } from '../result.js';
import { gap, type Moment } from './moment.js';
import { earliest, finding, span, STEP } from './steps.js';
import { all, first, firstOnDomain, type Timeline } from './timeline.js';

/** Schedule rules up to the MX switch: endpoint, verification, batch, initial sync, the switch itself. */

export function batchRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const { bounds, anchors } = timeline;
  const creation = first(timeline, 'createBatch');
  if (!creation?.moment) {
    const switched = first(timeline, 'switchMx');
    return [finding('schedule.no-batch', switched ? 'error' : 'warning', STEP.create,
      switched ? 'the plan switches the MX but never creates a batch: mail goes to a tenant with no mailboxes and bounces' : 'the plan never creates a migration batch: nothing is migrated',
      'add `- { action: create-batch, at: ... }` after the endpoint is created')];
  }
  const findings: Finding[] = [];
  const endpoint = first(timeline, 'createEndpoint');
  if (!endpoint?.moment || gap(creation.moment, endpoint.moment, bounds).low < 0) {
    findings.push(finding('schedule.endpoint-not-before-batch', 'error', STEP.endpoint,
      'the batch is created before (or without) the migration endpoint it needs, so its creation is refused',
      'create the endpoint first: `- { action: create-endpoint, at: ... }` before create-batch', { at: earliest(creation.moment, bounds) }));
  }
  findings.push(...verifiedBeforeBatch(config, timeline, creation.moment));
  const verify = first(timeline, 'verifyDomain');
  if (verify?.moment && !config.dns.verificationTxtPublished) {
    const publish = first(timeline, 'publishVerificationTxt');
    const lead = publish?.moment ? gap(verify.moment, publish.moment, bounds).low : -Infinity;
    if (lead < config.tenant.verificationPropagation) {
      findings.push(finding('schedule.verify-before-txt-propagated', 'error', STEP.verify,
        publish ? `verification is attempted ${formatDurationForPeople(Math.max(0, lead))} after the TXT record is published; it needs about ${formatDurationForPeople(config.tenant.verificationPropagation)} to be seen, so verification fails`
          : 'verification is attempted but the TXT record is never published, so it fails',
        `publish the TXT record, wait about ${formatDurationForPeople(config.tenant.verificationPropagation)}, then verify`, { at: earliest(verify.moment, bounds) }));
    }
  }
  if (!anchors.batchStarted) {
    findings.push(finding('schedule.batch-not-started', 'error', STEP.start,
      'the batch is created to be started manually but no start comes after its creation: nothing is migrated',
      'add `- { action: start-batch, after: batch-created }` or create the batch with `autoStart: true`', { at: earliest(anchors.batchCreated, bounds) }));
  }
  for (const step of all(timeline, 'completeBatch')) {
    findings.push(finding('schedule.complete-not-for-cutover', 'warning', STEP.remove,
      'Complete is not a cutover command (a cutover has no finalization step); the service refuses it',
      'remove the complete-batch action; a cutover ends by deleting the batch', { at: earliest(step.moment, bounds) }));
  }
  return findings;
}

export function switchRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const { bounds, anchors } = timeline;
  const switched = first(timeline, 'switchMx');
  if (!switched?.moment) {
    return anchors.batchStarted
      ? [finding('schedule.no-mx-switch', 'warning', STEP.route, 'the MX is never switched: mail keeps going to the on-prem server', 'add `- { action: switch-mx, at: "24h after initial-sync-done" }`')]
      : [];
  }
  const findings = verifiedBeforeSwitch(config, timeline, switched.moment);
  if (!anchors.initialSyncDone) return findings;
  const margin = gap(switched.moment, anchors.initialSyncDone, bounds);
  if (margin.low >= 0) return findings;
  const { low, high } = bounds.initialSync;
  return [...findings, finding('schedule.mx-switched-before-sync', 'error', STEP.route,
    `the MX may be switched before the initial sync is done (estimated ${span(low, high)} after the batch starts): mail to mailboxes not yet provisioned in the cloud bounces`,
    'switch the MX relative to the sync: `at: "24h after initial-sync-done"`, or later than the pessimistic estimate', { at: earliest(switched.moment, bounds) })];
}

/**
 * Whether the primary domain may still be unverified at `moment`: the first verification is
 * placed on the timeline, so one timed from an event (say "11m after batch-started"), which the
 * pre-flight rule cannot place, is judged too. No verification at all is the pre-flight rule's error.
 */
function mayBeUnverifiedAt(config: SimulationConfig, timeline: Timeline, moment: Moment): boolean {
  const domain = config.organisation.domain.toLowerCase();
  if (config.tenant.verifiedDomains.some((name) => name.toLowerCase() === domain)) return false;
  const verify = firstOnDomain(config, timeline, 'verifyDomain', 0);
  return verify?.moment !== undefined && gap(moment, verify.moment, timeline.bounds).low < 0;
}

/** A batch created before the domain is verified: every user fails to provision (CUTPS) while their mail keeps coming. */
function verifiedBeforeBatch(config: SimulationConfig, timeline: Timeline, createdAt: Moment): Finding[] {
  if (!mayBeUnverifiedAt(config, timeline, createdAt)) return [];
  return [finding('schedule.batch-created-before-verified', 'error', STEP.verify,
    `the batch may be created before ${config.organisation.domain.toLowerCase()} is verified in the tenant: every migration user then fails to provision (CUTPS), and their mail has no cloud mailbox to go to`,
    'verify the domain before creating the batch: publish the TXT record at the start, `- { action: verify-domain, at: 20m }`, and create the batch after it', { at: earliest(createdAt, timeline.bounds) })];
}

/** Exchange Online accepts mail only for a verified domain: a switch before the verification sends mail it rejects (550 5.4.1). */
function verifiedBeforeSwitch(config: SimulationConfig, timeline: Timeline, switchedAt: Moment): Finding[] {
  if (!mayBeUnverifiedAt(config, timeline, switchedAt)) return [];
  return [finding('schedule.mx-switched-before-verified', 'error', STEP.route,
    `the MX of ${config.organisation.domain.toLowerCase()} may point at Microsoft 365 before the domain is verified in the tenant: until then Exchange Online rejects its mail (550 5.4.1) and senders get a bounce`,
    'verify the domain before the switch: `- { action: verify-domain, at: 20m }` after the TXT record is published, and switch the MX after the initial sync', { at: earliest(switchedAt, timeline.bounds) })];
}

/**
 * Each additional accepted domain needs its own MX switch (until then its mail keeps landing
 * on-prem) and its own autodiscover CNAME (its users' Outlook finds the cloud through it).
 */
export function domainSwitchRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  if (!timeline.anchors.batchStarted) return [];
  const primarySwitched = first(timeline, 'switchMx')?.moment !== undefined;
  return (config.organisation.additionalDomains ?? []).flatMap((extra, offset) => {
    const findings: Finding[] = [];
    if (!firstOnDomain(config, timeline, 'switchMx', offset + 1)?.moment) {
      findings.push(finding('schedule.no-mx-switch', 'warning', STEP.route,
        `the MX of ${extra.name} is never switched: mail to its mailboxes keeps going to the on-prem server, and the plan's MX switch (the moment every domain points at Microsoft 365) never comes`,
        `add \`- { action: switch-mx, domain: ${extra.name}, at: "24h after initial-sync-done" }\``));
    }
    if (primarySwitched && !extra.autodiscoverCnameExists && !firstOnDomain(config, timeline, 'createAutodiscoverCname', offset + 1)?.moment) {
      findings.push(finding('schedule.no-autodiscover-cname', 'error', STEP.post,
        `no autodiscover CNAME for ${extra.name}: Outlook of its users keeps connecting to the on-prem server, and what they do there is not copied once the batch is deleted`,
        `add \`- { action: create-autodiscover-cname, domain: ${extra.name}, after: mx-switched }\``));
    }
    return findings;
  });
}
