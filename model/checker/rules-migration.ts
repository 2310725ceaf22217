import { formatDurationForPeople } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { Finding } from '../result.js';
import { gap, type Moment } from './moment.js';
import { earliest, finding, span, STEP } from './steps.js';
import { all, first, firstOnDomain, type Timeline } from './timeline.js';
import { acceptedDomain, domainNames } from '../accepted-domains.js';
import { domainMailboxes } from './domains.js';

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
  findings.push(...verifiedAfterTxt(config, timeline, 0));
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
 * Whether accepted domain `domain` (0 the primary) may still be unverified at `moment`: its
 * first verification is placed on the timeline, so one timed from an event (say "11m after
 * batch-started"), which the pre-flight rules cannot place, is judged too. No verification at
 * all is the pre-flight rules' error.
 */
function mayBeUnverifiedAt(config: SimulationConfig, timeline: Timeline, moment: Moment, domain = 0): boolean {
  const name = domainNames(config.organisation)[domain]!;
  if (config.tenant.verifiedDomains.some((verified) => verified.toLowerCase() === name)) return false;
  const verify = firstOnDomain(config, timeline, 'verifyDomain', domain);
  return verify?.moment !== undefined && gap(moment, verify.moment, timeline.bounds).low < 0;
}

/** A verification attempted before the domain's TXT record can be seen is refused, and the domain stays unverified. */
function verifiedAfterTxt(config: SimulationConfig, timeline: Timeline, domain: number): Finding[] {
  const verify = firstOnDomain(config, timeline, 'verifyDomain', domain);
  if (!verify?.moment || acceptedDomain(config, domain).verificationTxtPublished) return [];
  const { bounds } = timeline;
  const name = domainNames(config.organisation)[domain]!;
  const publish = firstOnDomain(config, timeline, 'publishVerificationTxt', domain);
  const lead = publish?.moment ? gap(verify.moment, publish.moment, bounds).low : -Infinity;
  if (lead >= config.tenant.verificationPropagation) return [];
  const wait = formatDurationForPeople(config.tenant.verificationPropagation);
  const what = domain === 0 ? 'verification' : `verification of ${name}`;
  return [finding('schedule.verify-before-txt-propagated', 'error', STEP.verify,
    publish ? `${what} is attempted ${formatDurationForPeople(Math.max(0, lead))} after the TXT record is published; it needs about ${wait} to be seen, so verification fails`
      : `${what} is attempted but the TXT record is never published, so it fails`,
    `publish the TXT record${domain === 0 ? '' : ` of ${name}`}, wait about ${wait}, then verify`, { at: earliest(verify.moment, bounds), subjects: domainMailboxes(config, domain) })];
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
 * Each additional accepted domain needs its own verification in time (domainVerificationRules),
 * its own MX switch (until then its mail keeps landing on-prem) and its own autodiscover CNAME
 * (its users' Outlook finds the cloud through it).
 */
export function domainSwitchRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const primarySwitched = first(timeline, 'switchMx')?.moment !== undefined;
  return (config.organisation.additionalDomains ?? []).flatMap((extra, offset) => {
    const findings = domainVerificationRules(config, timeline, offset + 1);
    if (!timeline.anchors.batchStarted) return findings;
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

/**
 * An additional domain's verification, judged on the timeline as the primary's is: attempted
 * after its TXT record can be seen, before the batch reaches its mailboxes (or they fail to
 * provision, CUTPS) and before its own MX points at Microsoft 365 (or its mail bounces 5.4.1).
 */
function domainVerificationRules(config: SimulationConfig, timeline: Timeline, domain: number): Finding[] {
  const name = domainNames(config.organisation)[domain]!;
  const subjects = domainMailboxes(config, domain);
  const findings = verifiedAfterTxt(config, timeline, domain);
  const created = first(timeline, 'createBatch')?.moment;
  if (created && subjects.length > 0 && mayBeUnverifiedAt(config, timeline, created, domain)) {
    findings.push(finding('schedule.batch-created-before-verified', 'error', STEP.verify,
      `the batch may be created before ${name} is verified in the tenant: its ${subjects.length} mailbox(es) then fail to provision (CUTPS), and their mail has no cloud mailbox to go to`,
      `verify ${name} before creating the batch: \`- { action: publish-verification-txt, domain: ${name}, at: 0s }\`, \`- { action: verify-domain, domain: ${name}, at: 20m }\`, and create the batch after it`, { at: earliest(created, timeline.bounds), subjects }));
  }
  const switched = firstOnDomain(config, timeline, 'switchMx', domain)?.moment;
  if (switched && mayBeUnverifiedAt(config, timeline, switched, domain)) {
    findings.push(finding('schedule.mx-switched-before-verified', 'error', STEP.route,
      `the MX of ${name} may point at Microsoft 365 before the domain is verified in the tenant: until then Exchange Online rejects its mail (550 5.4.1) and senders get a bounce`,
      `verify ${name} before switching its MX`, { at: earliest(switched, timeline.bounds), subjects }));
  }
  return findings;
}
