import { formatDurationForPeople, formatInstantForPeople } from '../../sim/index.js';
import type { Finding, MessageFate } from '../result.js';
import { REASONS } from '../mailflow/index.js';
import { EXO_REASONS } from '../tenant/index.js';
import { ACTION_STEPS } from './admin-actions.js';
import type { World } from './world.js';

const list = (items: string[]): string[] => [...new Set(items)].sort();

/** Pending causes that are the horizon's doing (a sender's queue, the next sync pass, a PST import), not the plan's. */
const HORIZON_PENDING = [REASONS.pendingAtHorizon, REASONS.pendingSyncPass, REASONS.pstImportRunning];

/**
 * What went wrong in this run, as findings with the article step and a fix. `causes` are
 * the counts by fate and reason (final so far, or resolved at the horizon).
 */
export function runtimeFindings(world: World, causes: Partial<Record<MessageFate, Record<string, number>>>): Finding[] {
  const reasons: Record<string, number> = Object.assign({}, causes.bounced, causes.lost, causes.stranded, causes.pending);
  const { log, config, plan } = world;
  const findings: Finding[] = [];
  for (const { index, outcome } of log.refusedPlanned) {
    findings.push({
      rule: 'runtime.command-refused', severity: 'warning', at: outcome.at, step: ACTION_STEPS[outcome.action],
      message: `Planned action ${index + 1} (${outcome.action}) was refused at ${formatInstantForPeople(outcome.at)}: ${outcome.detail}`,
      fix: 'Move the action after the moment its precondition holds, or add the missing step before it.',
    });
  }
  const running = world.scheduler.now() < config.horizon;
  for (const { action, index, anchor } of plan.unscheduled()) {
    if (running) {
      // The run is not over: the anchor may still come. Saying "never ran" now would be false.
      findings.push({
        rule: 'runtime.action-pending', severity: 'info', step: ACTION_STEPS[action.action],
        message: `Planned action ${index + 1} (${action.action}) is pending: it waits for "${anchor}", which has not happened by ${formatInstantForPeople(world.scheduler.now())}.`,
        fix: 'Nothing to do yet; it runs when its anchor happens.',
      });
      continue;
    }
    // A removal that waits for safety never comes once the source is gone: no later pass can copy what landed on-prem.
    const sourceGone = anchor === 'recommendedBatchRemoval' ? world.onPrem.decommissionedSince() : undefined;
    findings.push({
      rule: 'runtime.action-never-ran', severity: 'warning', step: ACTION_STEPS[action.action],
      message: `Planned action ${index + 1} (${action.action}) never ran: its anchor "${anchor}" did not happen before ${formatInstantForPeople(world.scheduler.now())}${sourceGone === undefined ? '' : `: the on-prem server was decommissioned at ${formatInstantForPeople(sourceGone)}, so no sync pass after the last old-MX delivery could run`}.`,
      fix: sourceGone !== undefined ? 'Decommission the on-prem server only after the batch is deleted at its recommended time (`after: batch-removed`), not at a fixed time after the switch.' : anchor === 'recommendedBatchRemoval' ? 'Switch the MX and keep the batch syncing long enough (at least 72 hours and one pass after the last old-MX delivery), or lengthen the horizon.' : 'Make sure the anchor happens (check the refused actions), or time the action absolutely.',
    });
  }
  const failed = [...log.failures];
  if (failed.length > 0) {
    findings.push({
      rule: 'runtime.mailbox-failed', severity: 'error', at: Math.min(...failed.map(([, failure]) => failure.at)), step: 'Step 4: Start the cutover migration batch',
      message: `${failed.length} mailbox${failed.length === 1 ? '' : 'es'} failed to migrate: ${failed.slice(0, 3).map(([address, failure]) => `${address}: ${failure.error}`).join('; ')}${failed.length > 3 ? '; ...' : ''}`,
      fix: 'Fix the cause shown in the error and start the batch again to retry the failed users.', subjects: list(failed.map(([address]) => address)),
    });
  }
  const incremental = [...(log.incrementalFailures ?? [])];
  if (incremental.length > 0) {
    const [firstAddress, first] = incremental.reduce((earliest, entry) => (entry[1].at < earliest[1].at ? entry : earliest));
    findings.push({
      rule: 'runtime.incremental-sync-failed', severity: 'error', at: first.at, step: 'Step 4: Start the cutover migration batch',
      message: `Incremental syncs of ${incremental.length} mailbox${incremental.length === 1 ? '' : 'es'} failed (IncrementalFailed), first ${firstAddress} at ${formatInstantForPeople(first.at)}: ${first.error} Mail that reached ${incremental.length === 1 ? 'its' : 'their'} on-prem mailbox${incremental.length === 1 ? '' : 'es'} since the last successful sync is not copied.`,
      fix: 'Keep the on-prem server running and reachable until the batch is deleted (decommission only after that), then start the batch to retry.',
      subjects: list(incremental.map(([address]) => address)),
    });
  }
  const strandedInternal = reasons[REASONS.strandedFromOutlook] ?? 0;
  const strandedExternal = reasons[REASONS.strandedFromOldMx] ?? 0;
  const stranded = strandedInternal + strandedExternal;
  if (stranded > 0) {
    const decommissioned = world.onPrem.decommissionedSince();
    findings.push({
      rule: 'runtime.mail-stranded', severity: 'error', at: log.batchRemovalStartedAt, step: ACTION_STEPS.removeBatch,
      message: `${stranded} message${stranded === 1 ? ' is' : 's are'} stranded on-prem: ${strandedInternal} sent by colleagues still on the old Outlook profile and ${strandedExternal} from outside senders through the old MX reached the on-prem mailboxes of users who now read the cloud one, after the last sync pass (the batch was deleted${log.batchRemovalStartedAt === undefined ? '' : ` at ${formatInstantForPeople(log.batchRemovalStartedAt)}`}). They are still on the server and recoverable${decommissioned === undefined ? ' until it is decommissioned' : ''}.`,
      fix: `Recover them: export the on-prem mailboxes to PST and import them (\`export-stranded-mail\`), or forward the on-prem mailboxes to the tenant address (\`forward-to-tenant\`) before decommissioning. Next time ${strandedPrevention(strandedInternal, strandedExternal)}.`,
    });
  }
  const lostAtDecommission = reasons[REASONS.serverDecommissioned] ?? 0;
  if (lostAtDecommission > 0) {
    findings.push({
      rule: 'runtime.mail-lost-at-decommission', severity: 'error', at: world.onPrem.decommissionedSince(), step: ACTION_STEPS.decommission,
      message: `${lostAtDecommission} message${lostAtDecommission === 1 ? ' was' : 's were'} only on the on-prem server when it was decommissioned: they are gone.`,
      fix: 'Before decommissioning, recover stranded mail (`export-stranded-mail`), let the batch copy what it still holds, and rebuild every Outlook profile.',
    });
  }
  const unreadNoProfile = reasons[REASONS.unreadNoProfile] ?? 0;
  if (unreadNoProfile > 0) {
    const onPrem = world.clients.countOnPrem(world.scheduler.now());
    findings.push({
      rule: 'runtime.profiles-not-rebuilt', severity: 'error', step: ACTION_STEPS.rebuildOutlookProfiles,
      message: `${unreadNoProfile} message${unreadNoProfile === 1 ? ' waits' : 's wait'} unread in cloud mailboxes: ${onPrem} user${onPrem === 1 ? "'s" : "s'"} Outlook still opens the on-prem mailbox (a cutover creates new mailboxes; old profiles do not move by themselves).`,
      fix: 'Roll out new Outlook profiles after the switch, once the autodiscover CNAME exists and the SCP pointer is cleared (`- { action: rebuild-outlook-profiles, at: "1h after mx-switched" }`), and tell users about Outlook on the web in the welcome letter.',
    });
  }
  const unreadNoPassword = reasons[REASONS.unreadNoPassword] ?? 0;
  const withoutPassword = usersWithoutPassword(world);
  if (unreadNoPassword > 0 || (log.switchedAt !== undefined && withoutPassword.length > 0)) {
    findings.push({
      rule: 'runtime.users-cannot-sign-in', severity: 'error', at: log.switchedAt, step: ACTION_STEPS.distributePasswords,
      message: `${withoutPassword.length} migrated user${withoutPassword.length === 1 ? ' has' : 's have'} a live cloud mailbox but never got the new password, so cannot sign in; ${unreadNoPassword} message${unreadNoPassword === 1 ? ' waits' : 's wait'} unread.`,
      fix: 'Send the one-time passwords from MigrationStatistics.csv with the welcome letter before the switch (`- { action: distribute-passwords, after: initial-sync-done }`).',
      subjects: list(withoutPassword),
    });
  }
  const outbox = reasons[REASONS.outbox] ?? 0;
  if (outbox > 0) {
    findings.push({
      rule: 'runtime.mail-in-outbox', severity: 'warning', step: ACTION_STEPS.rebuildOutlookProfiles,
      message: `${outbox} message${outbox === 1 ? ' is' : 's are'} still in Outlook Outboxes: their senders' Outlook cannot reach a working server (the old one is gone, or the new profile has no password).`,
      fix: 'Rebuild every Outlook profile and send the passwords before decommissioning the on-prem server; the Outbox leaves once the profile works.',
    });
  }
  const imceaex = reasons[REASONS.imceaex] ?? 0;
  if (imceaex > 0) {
    findings.push({
      rule: 'runtime.imceaex-bounces', severity: 'error', step: ACTION_STEPS.addX500Addresses,
      message: `${imceaex} internal message${imceaex === 1 ? '' : 's'} from cloud Outlook bounced with an IMCEAEX NDR: replies to migrated mail, autocomplete entries and meeting updates still use the old legacyExchangeDN.`,
      fix: "Add each user's old legacyExchangeDN as an X500 proxy address in the cloud (`- { action: add-x500-addresses, after: initial-sync-done }`; KB2807779).",
    });
  }
  const disabled = log.licenseEvents.filter((event) => event.state === 'disabled');
  if (disabled.length > 0) {
    findings.push({
      rule: 'runtime.mailbox-disabled', severity: 'error', at: disabled[0]!.at, step: ACTION_STEPS.assignLicenses,
      message: `${disabled.length} mailbox${disabled.length === 1 ? ' was' : 'es were'} disabled when the ${formatDurationForPeople(config.tenant.licenseGrace)} license grace ended; inbound mail to ${disabled.length === 1 ? 'it' : 'them'} bounces with 550 5.1.10 (${reasons[EXO_REASONS.mailboxDisabled] ?? 0} bounced).`,
      fix: `Assign licenses before the grace ends (within ${formatDurationForPeople(config.tenant.licenseGrace)} of provisioning), with enough licenses in the pool; licensing within ${formatDurationForPeople(config.tenant.disabledDataRetention)} of disabling reconnects the mailbox.`,
      subjects: list(disabled.map((event) => event.address)),
    });
  }
  const deleted = log.licenseEvents.filter((event) => event.state === 'deleted');
  if (deleted.length > 0) {
    findings.push({
      rule: 'runtime.mailbox-data-deleted', severity: 'error', at: deleted[0]!.at, step: ACTION_STEPS.assignLicenses,
      message: `${deleted.length} disabled mailbox${deleted.length === 1 ? '' : 'es'} passed the ${formatDurationForPeople(config.tenant.disabledDataRetention)} retention: ${deleted.length === 1 ? 'its' : 'their'} data is gone.`,
      fix: 'License every migrated user before the grace ends; a disabled mailbox must be licensed again within the retention period.',
      subjects: list(deleted.map((event) => event.address)),
    });
  }
  const bounced = Object.entries(causes.bounced ?? {});
  const bouncedTotal = bounced.reduce((sum, [, count]) => sum + count, 0);
  if (bouncedTotal > 0) {
    findings.push({
      rule: 'runtime.mail-bounced', severity: 'warning', step: ACTION_STEPS.switchMx,
      message: `${bouncedTotal} message${bouncedTotal === 1 ? '' : 's'} bounced: ${bounced.map(([reason, count]) => `${reason} ×${count}`).join(', ')}.`,
      fix: 'Verify the domain before any mail can reach the tenant, switch the MX only after the initial sync, license mailboxes in time, lower the MX TTL well before the switch, and keep the old server until no sender uses it.',
    });
  }
  const waiting = HORIZON_PENDING.map((key) => [key, reasons[key] ?? 0] as const).filter(([, count]) => count > 0);
  const pending = waiting.reduce((sum, [, count]) => sum + count, 0);
  if (pending > 0) {
    findings.push({
      rule: 'runtime.mail-pending-at-horizon', severity: 'info', step: ACTION_STEPS.removeBatch,
      message: `${pending} message${pending === 1 ? ' was' : 's were'} still waiting when the run ended (${waiting.map(([key, count]) => `${key} ×${count}`).join(', ')}); they are counted as pending, not lost.`,
      fix: 'Lengthen the horizon or the quiet period before it to see where they end.',
    });
  }
  return findings;
}

/**
 * What prevents the stranding next time, for the causes this run had: colleagues still on the
 * old Outlook profile need their profiles rebuilt before the batch goes; outside senders with
 * a stale MX need the 72-hour wait and a pass after it (CUT step 6, dns §4.9).
 */
export function strandedPrevention(internal: number, external: number): string {
  const profiles = 'rebuild every Outlook profile (`rebuild-outlook-profiles`) before deleting the batch, so no colleague still sends from the old server';
  const mx = 'lower the MX TTL early and wait 72 hours and a sync pass after the MX switch before deleting the batch';
  if (internal > 0 && external > 0) return `${profiles}, and ${mx}`;
  return internal > 0 ? profiles : mx;
}

/** Migrated users (with a cloud mailbox) who have no password yet. */
function usersWithoutPassword(world: World): string[] {
  const { users, tenant, clients, scheduler } = world;
  const now = scheduler.now();
  return users.addresses.filter((address, user) => tenant.hasCloudMailbox(address) && !clients.hasPassword(user, now));
}
