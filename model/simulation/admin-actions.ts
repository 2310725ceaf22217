import { InputError, formatDurationForPeople, type Millis } from '../../sim/index.js';
import type { ActionType, PlannedAction } from '../config.js';
import type { ActionOutcome } from '../result.js';
import type { World } from './world.js';
import { DEFAULT_CLIENTS } from '../defaults.js';
import { DOMAIN_ACTIONS, domainIndex } from '../accepted-domains.js';

export const ACTION_TYPES: readonly ActionType[] = [
  'publishVerificationTxt', 'verifyDomain', 'disableDirectorySync', 'createSecurityGroups', 'createEndpoint', 'testEndpoint',
  'createBatch', 'startBatch', 'stopBatch', 'completeBatch', 'removeBatch', 'setMxTtl', 'switchMx', 'assignLicenses',
  'createAutodiscoverCname', 'clearScpPointer', 'decommission',
  'distributePasswords', 'rebuildOutlookProfiles', 'addX500Addresses', 'exportStrandedMail', 'forwardToTenant',
];

/** The article's step each action belongs to (for findings). */
export const ACTION_STEPS: Record<ActionType, string> = {
  publishVerificationTxt: 'Step 1: Verify you own the domain',
  verifyDomain: 'Step 1: Verify you own the domain',
  disableDirectorySync: 'Prepare for a cutover migration',
  createSecurityGroups: 'Prepare for a cutover migration',
  createEndpoint: 'Step 2: Connect Microsoft 365 or Office 365 to your email system',
  testEndpoint: 'Step 2: Connect Microsoft 365 or Office 365 to your email system',
  createBatch: 'Step 3: Create the cutover migration batch',
  startBatch: 'Step 4: Start the cutover migration batch',
  stopBatch: 'Step 4: Start the cutover migration batch',
  completeBatch: 'Step 4: Start the cutover migration batch',
  setMxTtl: 'Optional: Reduce email delays',
  switchMx: 'Step 5: Route your email directly to Microsoft 365 or Office 365',
  removeBatch: 'Step 6: Delete the cutover migration batch',
  assignLicenses: 'Step 7: Assign licenses to Microsoft 365 and Office 365 users',
  createAutodiscoverCname: 'Complete post migration tasks',
  clearScpPointer: 'Complete post migration tasks',
  decommission: 'Complete post migration tasks',
  // CUT "How does cutover migration work?" step 9: the welcome letter tells users how to sign in and create new profiles.
  distributePasswords: 'How does cutover migration work? step 9: the welcome letter',
  rebuildOutlookProfiles: 'How does cutover migration work? step 9: the welcome letter',
  addX500Addresses: 'Complete post migration tasks',
  exportStrandedMail: 'Complete post migration tasks',
  forwardToTenant: 'Complete post migration tasks',
};

type Result = { ok: true; detail: string } | { ok: false; reason: string };
const fromZone = (result: { outcome: 'done' | 'refused'; detail: string }): Result => (result.outcome === 'done' ? { ok: true, detail: result.detail } : { ok: false, reason: result.detail });

/** Bad action input (an unknown type, setMxTtl without a TTL) is an InputError, as for a scenario file. */
export function checkAction(action: Omit<PlannedAction, 'timing'>, path = 'action'): void {
  if (!ACTION_TYPES.includes(action.action)) throw new InputError('ACTION_UNKNOWN', `${path}: unknown action ${JSON.stringify(action.action)}`, { path: `${path}.action` }, ACTION_TYPES.join(', '));
  if (action.action === 'setMxTtl' && (!Number.isSafeInteger(action.ttl) || (action.ttl ?? -1) < 0)) {
    throw new InputError('ACTION_TTL_MISSING', `${path}: setMxTtl needs a ttl in whole milliseconds ≥ 0, got ${action.ttl}`, { path: `${path}.ttl` });
  }
  if (action.domain !== undefined && !DOMAIN_ACTIONS.has(action.action)) {
    throw new InputError('ACTION_DOMAIN_UNEXPECTED', `${path}: ${action.action} takes no domain (only ${[...DOMAIN_ACTIONS].join(', ')} do)`, { path: `${path}.domain` });
  }
  if (action.rate !== undefined && !(Number.isFinite(action.rate) && action.rate > 0 && action.rate <= 10_000)) {
    throw new InputError('ACTION_RATE_RANGE', `${path}: rate is desks per hour, a number above 0 and at most 10000, got ${action.rate}`, { path: `${path}.rate` });
  }
  if (action.selfService !== undefined && !(action.selfService >= 0 && action.selfService <= 1)) {
    throw new InputError('ACTION_SHARE_RANGE', `${path}: selfService is a share from 0 to 1, got ${action.selfService}`, { path: `${path}.selfService` });
  }
}

/** Runs one admin action against the world now: done, or refused with the reason. Anchors fire from here. */
export function executeAction(world: World, action: Omit<PlannedAction, 'timing'>, at: Millis): ActionOutcome {
  checkAction(action);
  const result = perform(world, action, at);
  return result.ok ? { action: action.action, at, outcome: 'done', detail: result.detail } : { action: action.action, at, outcome: 'refused', detail: result.reason };
}

function perform(world: World, action: Omit<PlannedAction, 'timing'>, at: Millis): Result {
  const { dns, tenant, migration, clients, onPrem, config, readiness, plan, log } = world;
  const domain = domainIndex(config.organisation, action.domain);
  if (domain === undefined) return { ok: false, reason: `${action.domain} is not an accepted domain of this organisation` };
  const zone = dns.zones[domain]!;
  switch (action.action) {
    case 'publishVerificationTxt':
      return fromZone(zone.publishVerificationTxt(at));
    case 'verifyDomain':
      return tenant.verifyDomain(at, zone.verificationTxtPublishedAt(), domain);
    case 'disableDirectorySync':
      return tenant.disableDirectorySync(at);
    case 'createSecurityGroups':
      return tenant.createSecurityGroups(at);
    case 'createEndpoint':
      return migration.createEndpoint();
    case 'testEndpoint': {
      const test = migration.testEndpoint();
      return test.result === 'Success' ? { ok: true, detail: test.message } : { ok: false, reason: `${test.message} ${test.errorDetail ?? ''}`.trim() };
    }
    case 'createBatch':
      // docs/scenario-format.md: autoStart defaults to false (New-MigrationBatch starts only with -AutoStart).
      return migration.createBatch(action.batchName ?? 'CutoverBatch', action.autoStart ?? false);
    case 'startBatch':
      return migration.startBatch();
    case 'stopBatch':
      return migration.stopBatch();
    case 'completeBatch':
      return migration.completeBatch();
    case 'removeBatch':
      return migration.removeBatch();
    case 'setMxTtl':
      return fromZone(zone.setMxTtl(action.ttl!, at));
    case 'switchMx': {
      const result = fromZone(zone.switchMx(config.dns.newMxHost, at));
      // "The MX switch" (anchor, log, removal readiness) is the moment every accepted domain's MX points at the tenant.
      if (result.ok && dns.zones.every((each) => each.mx(at).host === config.dns.newMxHost)) {
        log.switchedAt ??= at;
        log.oldHostAtSwitch ??= world.router.acceptedByOldHost;
        readiness.mxSwitched(at);
        plan.fire('mxSwitched', at);
      }
      return result;
    }
    case 'assignLicenses':
      return tenant.assignLicenses(action.users, at);
    case 'createAutodiscoverCname': {
      const result = fromZone(zone.createAutodiscoverCname(at));
      if (result.ok) clients.autodiscoverCnameCreated(at, domain);
      return result;
    }
    case 'clearScpPointer':
      return clients.clearScpPointer(at);
    case 'decommission': {
      const result = onPrem.decommission(at);
      if (result.ok) {
        // The passes running now read from it: they fail, and nothing more is copied (facts §2).
        migration.sourceChanged();
        const lost = world.router.decommissioned(at);
        if (lost > 0) return { ok: true, detail: `${result.detail}; ${lost} message${lost === 1 ? '' : 's'} that existed only on it are gone` };
      }
      return result;
    }
    case 'distributePasswords':
      return clients.distributePasswords(at, (user) => tenant.hasCloudMailbox(world.users.address(user)));
    case 'rebuildOutlookProfiles':
      return clients.rebuildProfiles(at, action.rate, action.rate === undefined ? 0 : action.selfService ?? 0, (user) => tenant.hasCloudMailbox(world.users.address(user)));
    case 'addX500Addresses':
      return world.router.addX500(at);
    case 'exportStrandedMail': {
      const exported = world.router.exportStranded(at);
      if (!exported.ok) return exported;
      const duration = config.clients.pstRecoveryDuration ?? DEFAULT_CLIENTS.pstRecoveryDuration!;
      world.scheduler.at(at + duration, 'recovery.pst-import', 'pst', (ids: number[], now: Millis) => world.router.importPst(ids, now), exported.ids);
      return { ok: true, detail: `${exported.detail}; imported in ${formatDurationForPeople(duration)}` };
    }
    case 'forwardToTenant':
      return world.router.forwardToTenant(at, config.tenant.initialDomain);
  }
}

/** Whether each action is allowed now, and why not (no side effects). */
export function availableActions(world: World): { action: ActionType; allowed: boolean; reason?: string }[] {
  const { dns, tenant, migration, clients, onPrem, config, scheduler, log } = world;
  const now = scheduler.now();
  const batch = new Map(migration.allowedCommands().map((entry) => [entry.command, entry]));
  const check = (action: ActionType): string | undefined => {
    switch (action) {
      case 'publishVerificationTxt':
        return dns.zone.verificationTxtPublishedAt() === undefined ? undefined : 'the TXT verification record is already published';
      case 'verifyDomain':
        return tenant.verificationRefusal(now, dns.zone.verificationTxtPublishedAt());
      case 'disableDirectorySync':
        return tenant.isDirectorySyncEnabled() ? undefined : 'directory synchronization is already off';
      case 'createSecurityGroups':
        return tenant.securityGroupsRefusal();
      case 'createEndpoint':
        return log.actions.some((entry) => entry.action === 'createEndpoint' && entry.outcome === 'done') ? `the migration endpoint ${config.endpoint.name} already exists` : undefined;
      case 'testEndpoint':
        return undefined;
      case 'createBatch':
      case 'startBatch':
      case 'stopBatch':
      case 'completeBatch':
      case 'removeBatch': {
        const entry = batch.get(action.replace('Batch', '') as 'create');
        return entry === undefined || entry.allowed ? undefined : entry.reason ?? 'not allowed now';
      }
      case 'setMxTtl':
        return undefined;
      case 'switchMx':
        return dns.zone.mx(now).host === config.dns.newMxHost ? `the MX already points at ${config.dns.newMxHost}` : undefined;
      case 'assignLicenses':
        if (tenant.licenses.remaining <= 0) return 'no license left in the pool';
        return tenant.licenses.addresses().some((address) => ['grace', 'disabled'].includes(tenant.licenses.state(address))) ? undefined : 'no unlicensed cloud mailbox exists';
      case 'createAutodiscoverCname':
        return dns.zone.autodiscoverCnameCreatedAt() === undefined ? undefined : 'the autodiscover CNAME already exists';
      case 'clearScpPointer':
        return clients.scpCleared() ? 'the SCP pointer (AutoDiscoverServiceInternalUri) is already cleared' : undefined;
      case 'decommission': {
        const since = onPrem.decommissionedSince();
        return since === undefined ? undefined : `the on-prem server was decommissioned ${formatDurationForPeople(now - since)} ago`;
      }
      case 'distributePasswords':
        return log.provisionedAt.size > 0 ? undefined : 'no cloud account exists yet (the batch provisions them)';
      case 'rebuildOutlookProfiles':
      case 'addX500Addresses':
        return undefined;
      case 'exportStrandedMail':
      case 'forwardToTenant':
        return onPrem.isDecommissioned(now) ? 'the on-prem server is decommissioned' : undefined;
    }
  };
  return ACTION_TYPES.map((action) => {
    const reason = check(action);
    return reason === undefined ? { action, allowed: true } : { action, allowed: false, reason };
  });
}
