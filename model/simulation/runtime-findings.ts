import { formatDuration, formatInstant } from '../../sim/index.js';
import type { Finding } from '../result.js';
import { REASONS } from '../mailflow/index.js';
import { EXO_REASONS } from '../tenant/index.js';
import { ACTION_STEPS } from './admin-actions.js';
import type { World } from './world.js';

const list = (items: string[]): string[] => [...new Set(items)].sort();

/**
 * What went wrong in this run, as findings with the article step and a fix. `reasons` are
 * the bounced and lost counts by reason (final so far, or resolved at the horizon).
 */
export function runtimeFindings(world: World, reasons: Record<string, number>): Finding[] {
  const { log, config, plan } = world;
  const findings: Finding[] = [];
  for (const { index, outcome } of log.refusedPlanned) {
    findings.push({
      rule: 'runtime.command-refused', severity: 'warning', at: outcome.at, step: ACTION_STEPS[outcome.action],
      message: `Planned action ${index + 1} (${outcome.action}) was refused at ${formatInstant(outcome.at)}: ${outcome.detail}`,
      fix: 'Move the action after the moment its precondition holds, or add the missing step before it.',
    });
  }
  const running = world.scheduler.now() < config.horizon;
  for (const { action, index, anchor } of plan.unscheduled()) {
    if (running) {
      // The run is not over: the anchor may still come. Saying "never ran" now would be false.
      findings.push({
        rule: 'runtime.action-pending', severity: 'info', step: ACTION_STEPS[action.action],
        message: `Planned action ${index + 1} (${action.action}) is pending: it waits for "${anchor}", which has not happened by ${formatInstant(world.scheduler.now())}.`,
        fix: 'Nothing to do yet; it runs when its anchor happens.',
      });
      continue;
    }
    findings.push({
      rule: 'runtime.action-never-ran', severity: 'warning', step: ACTION_STEPS[action.action],
      message: `Planned action ${index + 1} (${action.action}) never ran: its anchor "${anchor}" did not happen before ${formatInstant(world.scheduler.now())}.`,
      fix: anchor === 'recommendedBatchRemoval' ? 'Switch the MX and keep the batch syncing long enough (at least 72 hours and one pass after the last old-MX delivery), or lengthen the horizon.' : 'Make sure the anchor happens (check the refused actions), or time the action absolutely.',
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
  const stranded = reasons[REASONS.stranded] ?? 0;
  if (stranded > 0) {
    findings.push({
      rule: 'runtime.mail-stranded', severity: 'error', at: log.batchRemovalStartedAt, step: 'Step 6: Delete the cutover migration batch',
      message: `${stranded} message${stranded === 1 ? '' : 's'} reached on-prem mailboxes of migrated users after their last sync and never reached the cloud mailboxes (the batch was deleted${log.batchRemovalStartedAt === undefined ? '' : ` at ${formatInstant(log.batchRemovalStartedAt)}`}).`,
      fix: 'Delete the batch only after the MX change has reached every sender (at least 72 hours) and a sync pass has run after the last delivery to the old server; keep the old server refusing mail rather than accepting it.',
    });
  }
  const disabled = log.licenseEvents.filter((event) => event.state === 'disabled');
  if (disabled.length > 0) {
    findings.push({
      rule: 'runtime.mailbox-disabled', severity: 'error', at: disabled[0]!.at, step: ACTION_STEPS.assignLicenses,
      message: `${disabled.length} mailbox${disabled.length === 1 ? ' was' : 'es were'} disabled when the ${formatDuration(config.tenant.licenseGrace)} license grace ended; inbound mail to ${disabled.length === 1 ? 'it' : 'them'} bounces with 550 5.1.10 (${reasons[EXO_REASONS.mailboxDisabled] ?? 0} bounced).`,
      fix: `Assign licenses before the grace ends (within ${formatDuration(config.tenant.licenseGrace)} of provisioning), with enough licenses in the pool; licensing within ${formatDuration(config.tenant.disabledDataRetention)} of disabling reconnects the mailbox.`,
      subjects: list(disabled.map((event) => event.address)),
    });
  }
  const deleted = log.licenseEvents.filter((event) => event.state === 'deleted');
  if (deleted.length > 0) {
    findings.push({
      rule: 'runtime.mailbox-data-deleted', severity: 'error', at: deleted[0]!.at, step: ACTION_STEPS.assignLicenses,
      message: `${deleted.length} disabled mailbox${deleted.length === 1 ? '' : 'es'} passed the ${formatDuration(config.tenant.disabledDataRetention)} retention: ${deleted.length === 1 ? 'its' : 'their'} data is gone.`,
      fix: 'License every migrated user before the grace ends; a disabled mailbox must be licensed again within the retention period.',
      subjects: list(deleted.map((event) => event.address)),
    });
  }
  const bounced = Object.entries(reasons).filter(([reason]) => !isLossReason(reason));
  const bouncedTotal = bounced.reduce((sum, [, count]) => sum + count, 0);
  if (bouncedTotal > 0) {
    findings.push({
      rule: 'runtime.mail-bounced', severity: 'warning', step: ACTION_STEPS.switchMx,
      message: `${bouncedTotal} message${bouncedTotal === 1 ? '' : 's'} bounced: ${bounced.map(([reason, count]) => `${reason} ×${count}`).join(', ')}.`,
      fix: 'Verify the domain before any mail can reach the tenant, switch the MX only after the initial sync, license mailboxes in time, lower the MX TTL well before the switch, and keep the old server until no sender uses it.',
    });
  }
  const pending = reasons[REASONS.pendingAtHorizon] ?? 0;
  if (pending > 0) {
    findings.push({
      rule: 'runtime.mail-pending-at-horizon', severity: 'info', step: ACTION_STEPS.removeBatch,
      message: `${pending} message${pending === 1 ? ' was' : 's were'} still on the way at the end of the run (in a sender's queue or waiting on-prem for a sync pass); they are counted as lost.`,
      fix: 'Lengthen the horizon or the quiet period before it to see where they end.',
    });
  }
  return findings;
}

const LOSS_REASONS: ReadonlySet<string> = new Set([REASONS.stranded, REASONS.pendingAtHorizon, REASONS.cloudMailboxGoneBeforeSync]);
const isLossReason = (reason: string): boolean => LOSS_REASONS.has(reason);
