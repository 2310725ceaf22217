import type { SimulationResult } from '../model/result.js';
import { keyTimesOf } from '../model/recommendations/key-times.js';

export interface KeyTimeTable {
  observedTitle: string;
  observed: [label: string, value: string][];
  recommendedTitle: string;
  recommended: [label: string, value: string][];
}

/**
 * The key times every surface shows (summary, report; --json carries the same fields): what
 * this run observed, and apart from it what is recommended for this plan, over how many
 * seeds. A recommendation is left out when the plan does not take the step; when no run
 * synced the batch, a row says so instead of a time.
 */
export function keyTimeTable(result: SimulationResult, at: (value: number) => string): KeyTimeTable {
  const observed = keyTimesOf(result);
  const rec = result.recommendations;
  const rows: KeyTimeTable['observed'] = [];
  const noBatch = result.batch.statusHistory.length === 0;
  rows.push(['initial sync done', observed.initialSyncDoneAt === null ? (noBatch ? 'no batch' : 'not done (no mailbox synced)') : at(observed.initialSyncDoneAt)]);
  rows.push(['MX switched', observed.mxSwitchedAt === null ? 'not switched' : at(observed.mxSwitchedAt)]);
  rows.push(['batch removed', observed.batchRemovedAt === null ? 'not removed' : at(observed.batchRemovedAt)]);
  if (observed.licensesAssignedAt !== null) rows.push(['licenses assigned', at(observed.licensesAssignedAt)]);
  if (observed.decommissionedAt !== null) rows.push(['decommissioned', at(observed.decommissionedAt)]);
  const seeds = rec.seeds ?? 1;
  const recommended: KeyTimeTable['recommended'] = [];
  if (rec.initialSyncDoneAt === null) recommended.push(['initial sync done', 'no run synced the batch: no times to recommend']);
  else recommended.push(['initial sync done', seeds === 1 ? at(rec.initialSyncDoneAt.p50) : `${at(rec.initialSyncDoneAt.p50)} (P50), ${at(rec.initialSyncDoneAt.p90)} (P90)`]);
  if (rec.earliestSafeMxSwitchAt !== null) recommended.push(['earliest safe MX switch', at(rec.earliestSafeMxSwitchAt)]);
  if (rec.earliestSafeBatchRemovalAt !== null) recommended.push(['earliest safe batch removal', at(rec.earliestSafeBatchRemovalAt)]);
  if (rec.latestLicenseAt !== null) recommended.push(['latest license assignment', at(rec.latestLicenseAt)]);
  const basis = seeds === 1 ? 'this run\'s seed only; --seeds n for P50/P90 over n' : `over ${seeds} seeds, ${rec.syncedSeeds ?? seeds} synced`;
  return { observedTitle: 'Observed in this run', observed: rows, recommendedTitle: `Recommended for this plan (${basis})`, recommended };
}
