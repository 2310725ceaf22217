import type { Recommendations } from '../../model/result.js';
import { describeInstant } from '../../report/index.js';

/**
 * The schedule `check` prints even with no findings: the initial sync window (P50/P90 over
 * the seeds the plan was run with), the recommended MX switch and batch removal, and the
 * license deadline, in calendar time when the scenario has a start date. The same
 * recommendations `run` reports (model/recommendations), from runs of this plan.
 */
export function scheduleLines(rec: Recommendations, startDate: string | undefined, timeZone: string | undefined): string[] {
  const at = (value: number) => describeInstant(value, startDate, timeZone);
  const lines = [`Schedule    for this plan, over ${rec.seeds} seed${rec.seeds === 1 ? '' : 's'} (${rec.syncedSeeds} synced; --seeds n for more)`];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(28)} ${value}`);
  const sync = rec.initialSyncDoneAt;
  row('initial sync done', sync === null ? 'no run synced the batch' : `${at(sync.p50)} (P50) … ${at(sync.p90)} (P90)`);
  row('MX switch', rec.earliestSafeMxSwitchAt === null ? (sync === null ? '—' : 'the plan does not switch the MX') : `from ${at(rec.earliestSafeMxSwitchAt)}`);
  row('batch removal', rec.earliestSafeBatchRemovalAt === null ? (sync === null ? '—' : 'the plan does not remove the batch after a switch') : `from ${at(rec.earliestSafeBatchRemovalAt)}`);
  row('license deadline', rec.latestLicenseAt === null ? '— (no mailbox provisioned)' : `by ${at(rec.latestLicenseAt)}`);
  return lines;
}
