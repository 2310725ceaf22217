import { formatDurationForPeople, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import { DEFAULT_CLIENTS } from '../defaults.js';
import type { Finding } from '../result.js';
import { migratedMailboxes, rolloutBound } from './estimates.js';
import { gap, range, type Moment } from './moment.js';
import { earliest, finding, STEP } from './steps.js';
import { first, firstOnDomain, type PlannedStep, type Timeline } from './timeline.js';
import { acceptedDomain, domainNames } from '../accepted-domains.js';
import { domainMailboxes } from './domains.js';

/**
 * The users' side of the plan (issue 13): after the switch every migrated user needs the new
 * password (the welcome letter), a new Outlook profile made once Autodiscover points to the
 * cloud, and X500 addresses for replies to old mail. Each missing step strands, hides or
 * bounces mail in the simulator.
 */

/** Whether a step surely comes after the initial sync, when every cloud account exists. */
const afterAccounts = (timeline: Timeline, step: PlannedStep): boolean => {
  const done = timeline.anchors.initialSyncDone;
  return done !== undefined && gap(step.moment!, done, timeline.bounds).low >= 0;
};

/** Internal mail is sent in this scenario (generated or explicit). */
function hasInternalMail(config: SimulationConfig): boolean {
  const flow = config.mailFlow.generated;
  if (flow && flow.messagesPerUserPerDay > 0 && flow.externalShareOfReceived < 1) return true;
  const users = new Set(migratedMailboxes(config).map((mailbox) => mailbox.address.toLowerCase()));
  return config.mailFlow.explicit.some((message) => users.has(message.from.toLowerCase()) && users.has(message.to.toLowerCase()));
}

/**
 * The moments Autodiscover needs before a new profile points to the cloud: the CNAME of each
 * accepted domain with mailboxes and, for domain-joined Outlook, the cleared SCP pointer;
 * 'never' when one is missing. All are kept: when their order is uncertain a rebuild must
 * surely follow each (fuzzing found a CNAME at an absolute time that could come after a
 * switch-anchored SCP clean-up, and a second domain's CNAME at the moment of the rebuild).
 */
function pointingMoments(config: SimulationConfig, timeline: Timeline): Moment[] | 'never' {
  const moments: Moment[] = [];
  // Each user's Outlook follows the CNAME of its own domain: the primary's, and that of every additional domain with mailboxes.
  for (let domain = 0; domain < domainNames(config.organisation).length; domain++) {
    if (domain > 0 && domainMailboxes(config, domain).length === 0) continue;
    const cname = acceptedDomain(config, domain).autodiscoverCnameExists ? at0 : firstOnDomain(config, timeline, 'createAutodiscoverCname', domain)?.moment;
    if (!cname) return 'never';
    moments.push(cname);
  }
  const needsScp = config.organisation.server.scpPointerSet && config.clients.domainJoinedFraction > 0;
  const scp = needsScp ? first(timeline, 'clearScpPointer')?.moment : at0;
  return scp ? [...moments, scp] : 'never';
}
const at0: Moment = { fixed: 0, terms: {} };
const surelyAfterAll = (moment: Moment, others: Moment[], timeline: Timeline): boolean => others.every((other) => gap(moment, other, timeline.bounds).low >= 0);

/** The latest moment (from T+0) every user's Outlook works against the cloud; Infinity when that may never happen. */
export function profilesMovedLatest(config: SimulationConfig, timeline: Timeline): Millis {
  const rebuild = first(timeline, 'rebuildOutlookProfiles');
  const passwords = timeline.steps.find((step) => step.action.action === 'distributePasswords' && step.moment !== undefined && afterAccounts(timeline, step));
  const pointed = pointingMoments(config, timeline);
  if (!rebuild?.moment || !passwords?.moment || pointed === 'never') return Infinity;
  if (!surelyAfterAll(rebuild.moment, pointed, timeline)) return Infinity;
  const { bounds } = timeline;
  return Math.max(range(rebuild.moment, bounds).high + rolloutBound(config, rebuild.action), range(passwords.moment, bounds).high);
}

/** Whether some user's Outlook may still open on-prem at `moment` (a rebuild, its rollout, the passwords or Autodiscover may come later). */
export function movedAfter(config: SimulationConfig, timeline: Timeline, moment: Moment): boolean {
  const rebuild = first(timeline, 'rebuildOutlookProfiles');
  const passwords = timeline.steps.find((step) => step.action.action === 'distributePasswords' && step.moment !== undefined && afterAccounts(timeline, step));
  const pointed = pointingMoments(config, timeline);
  if (!rebuild?.moment || !passwords?.moment || pointed === 'never' || !surelyAfterAll(rebuild.moment, pointed, timeline)) return true;
  const { bounds } = timeline;
  return gap(moment, rebuild.moment, bounds).low < rolloutBound(config, rebuild.action) || gap(moment, passwords.moment, bounds).low < 0;
}

export function userRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const switched = first(timeline, 'switchMx');
  const rebuild = first(timeline, 'rebuildOutlookProfiles');
  // Users meet the cloud once mail goes there (the switch) or their new profile does.
  const meets = switched?.moment ?? rebuild?.moment;
  if (!meets || !timeline.anchors.initialSyncDone || migratedMailboxes(config).length === 0) return [];
  const { bounds } = timeline;
  const at = earliest(meets, bounds);
  const findings: Finding[] = [];
  const horizon = config.horizon;
  const withinRun = (step: PlannedStep) => range(step.moment!, bounds).high < horizon;
  const passwords = timeline.steps.filter((step) => step.action.action === 'distributePasswords' && step.moment !== undefined && withinRun(step));
  if (!passwords.some((step) => afterAccounts(timeline, step))) {
    findings.push(finding('schedule.passwords-not-distributed', 'error', STEP.welcome,
      passwords.length === 0
        ? 'the new cloud accounts\' one-time passwords (MigrationStatistics.csv) are never sent: once the MX is switched users cannot sign in to read their mail'
        : 'the passwords may be sent before every cloud account exists (accounts are created during the initial sync): users created later cannot sign in',
      'add `- { action: distribute-passwords, after: initial-sync-done }` (the welcome letter), before the switch', { at }));
  }
  const rolledOutBy = rebuild?.moment ? range(rebuild.moment, bounds).high + rolloutBound(config, rebuild.action) : Infinity;
  if (!rebuild?.moment || rolledOutBy >= horizon) {
    findings.push(finding('schedule.profiles-not-rebuilt', 'error', STEP.welcome,
      rebuild?.moment
        ? `the new Outlook profiles may not all be rolled out before the end of the run (T+${formatDurationForPeople(horizon)}): users still on the old profile do not see mail delivered to the cloud`
        : 'no new Outlook profiles are rolled out: a cutover creates new mailboxes, existing profiles keep opening the on-prem mailbox, so mail delivered to the cloud after the switch is not seen',
      'add `- { action: rebuild-outlook-profiles, after: mx-switched }` after the autodiscover CNAME and clear-scp-pointer lines (or at a rate of desks per hour)', { at }));
  } else {
    const pointed = pointingMoments(config, timeline);
    if (pointed !== 'never' && !surelyAfterAll(rebuild.moment, pointed, timeline)) {
      findings.push(finding('schedule.profiles-rebuilt-before-autodiscover', 'error', STEP.welcome,
        'new Outlook profiles may be created before Autodiscover points to the cloud (the autodiscover CNAME of each accepted domain, and the cleared SCP pointer for domain-joined PCs): those profiles open the on-prem mailbox again',
        'rebuild profiles after create-autodiscover-cname and clear-scp-pointer, for example `at: "1h after mx-switched"`', { at: earliest(rebuild.moment, bounds) }));
    }
    const x500 = timeline.steps.filter((step) => step.action.action === 'addX500Addresses' && step.moment !== undefined);
    const share = config.clients.x500ReplyShare ?? DEFAULT_CLIENTS.x500ReplyShare!;
    const inTime = x500.some((step) => afterAccounts(timeline, step) && gap(rebuild.moment!, step.moment!, bounds).low >= 0);
    if (share > 0 && hasInternalMail(config) && !inTime) {
      findings.push(finding('schedule.no-x500-addresses', 'error', STEP.post,
        `${x500.length === 0 ? 'no' : 'no timely'} X500 proxy addresses with the old legacyExchangeDNs: replies to migrated mail, autocomplete entries and meeting updates from new profiles bounce with an IMCEAEX NDR (about ${Math.round(share * 100)}% of internal mail)`,
        'add `- { action: add-x500-addresses, after: initial-sync-done }` (KB2807779), before the profiles are rebuilt', { at: earliest(rebuild.moment, bounds) }));
    }
  }
  return findings;
}

/** Why decommissioning may strand users' mail on the users' side (added to the decommission rule's reasons). */
export function decommissionUserReasons(config: SimulationConfig, timeline: Timeline, decommission: Moment): string[] {
  if (!timeline.anchors.batchStarted || migratedMailboxes(config).length === 0) return [];
  if (profilesMovedLatest(config, timeline) === Infinity) return ['some Outlook profiles are never rebuilt against the cloud (or users never get their password): those users lose the mailbox they still work in, and what they send waits in the Outbox'];
  if (movedAfter(config, timeline, decommission)) return ['Outlook profiles may still open the on-prem mailbox then (the rollout, the passwords or Autodiscover may come later)'];
  return [];
}
