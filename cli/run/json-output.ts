import { toIsoTime, type Millis } from '../../sim/index.js';
import type { BatchStatus, Finding, KeyTimes, MigrationStatistics, Recommendations, Severity, SimulationResult } from '../../model/result.js';
import { keyTimesOf } from '../../model/recommendations/key-times.js';
import { causeRows, type CauseRow } from '../../report/index.js';

/**
 * The one JSON object `cutover run --json` prints (documented in docs/cli.md). Times are
 * milliseconds from the start; when the scenario has a start date each time also has an
 * ISO string beside it, in a field of the same name ending in `Iso`.
 */
export interface RunJson {
  scenario: string;
  seed: number;
  traceHash: string;
  horizon: Millis;
  startDate?: string;
  timeZone?: string;
  horizonFromPlan?: { planEndsBy: Millis; margin: Millis };
  batch: { statusHistory: { status: BatchStatus; at: Millis; atIso?: string }[] };
  mailboxes: { total: number; synced: number; failed: number };
  messages: { sent: number; delivered: number; deliveredLate: number; bounced: number; lost: number; stranded: number; recovered: number; pending: number };
  /** Every message counted by fate, then by cause (issue 13; causes in model/ledger/causes.ts). */
  causes: SimulationResult['causes'];
  /** Each root cause of a message not delivered on time, largest first, with its plain words and fix (issue 15; the same rows the summary, report and dashboard show). */
  causeTable: CauseRow[];
  findings: { rule: string; severity: Severity; at: Millis | null; atIso?: string; message: string }[];
  recommendations: {
    initialSyncDoneAt: { p50: Millis; p90: Millis; p50Iso?: string; p90Iso?: string } | null;
    earliestSafeMxSwitchAt: Millis | null;
    earliestSafeMxSwitchAtIso?: string;
    earliestSafeBatchRemovalAt: Millis | null;
    earliestSafeBatchRemovalAtIso?: string;
    latestLicenseAt: Millis | null;
    latestLicenseAtIso?: string;
    /** Runs of this plan the recommendations come from, and how many of them synced. */
    seeds: number;
    syncedSeeds: number;
  };
  /** Observed in this run (null: it did not happen), apart from the recommendations. */
  keyTimes: Record<KeyTimeName, Millis | null> & Partial<Record<`${KeyTimeName}Iso`, string>>;
  /** Get-MigrationBatch and Get-MigrationUserStatistics with the cmdlets' field names (times in ms from the start). */
  migrationStatistics: MigrationStatistics;
}

/** The key times `--json` prints (the run's own; firstProvisionedAt and removalSafeAt feed the recommendations only). */
export const KEY_TIME_NAMES = ['initialSyncDoneAt', 'mxSwitchedAt', 'batchRemovedAt', 'decommissionedAt', 'licensesAssignedAt'] as const;
type KeyTimeName = (typeof KEY_TIME_NAMES)[number];

/** Adds `<name>Iso` beside a time when there is a start date and a time. */
function withIso<K extends string>(name: K, at: Millis | null | undefined, startDate: string | undefined): Partial<Record<`${K}Iso`, string>> {
  const iso = at === null || at === undefined ? undefined : toIsoTime(at, startDate);
  return iso === undefined ? {} : ({ [`${name}Iso`]: iso } as Partial<Record<`${K}Iso`, string>>);
}

export function findingsJson(findings: readonly Finding[], startDate: string | undefined): RunJson['findings'] {
  return findings.map((finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    at: finding.at ?? null,
    ...withIso('at', finding.at, startDate),
    message: finding.message,
  }));
}

export function runJson(result: SimulationResult): RunJson {
  const start = result.startDate;
  const recommendations = result.recommendations;
  const { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending } = result.messages;
  return {
    scenario: result.scenario,
    seed: result.seed,
    traceHash: result.traceHash,
    horizon: result.horizon,
    ...(start === undefined ? {} : { startDate: start }),
    ...(result.timeZone === undefined ? {} : { timeZone: result.timeZone }),
    ...(result.horizonFromPlan === undefined ? {} : { horizonFromPlan: { ...result.horizonFromPlan } }),
    batch: { statusHistory: result.batch.statusHistory.map(({ status, at }) => ({ status, at, ...withIso('at', at, start) })) },
    mailboxes: { total: result.mailboxes.total, synced: result.mailboxes.synced, failed: result.mailboxes.failed },
    messages: { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending },
    causes: result.causes,
    causeTable: causeRows(result),
    findings: findingsJson(result.findings, start),
    recommendations: recommendationsJson(recommendations, start),
    keyTimes: keyTimesJson(keyTimesOf(result), start),
    migrationStatistics: result.migrationStatistics,
  };
}

/** The recommendations as `run --json` and `check --json` (its `schedule`) print them. */
export function recommendationsJson(recommendations: Recommendations, start: string | undefined): RunJson['recommendations'] {
  const sync = recommendations.initialSyncDoneAt;
  return {
    initialSyncDoneAt: sync === null ? null : { p50: sync.p50, p90: sync.p90, ...withIso('p50', sync.p50, start), ...withIso('p90', sync.p90, start) },
    earliestSafeMxSwitchAt: recommendations.earliestSafeMxSwitchAt,
    ...withIso('earliestSafeMxSwitchAt', recommendations.earliestSafeMxSwitchAt, start),
    earliestSafeBatchRemovalAt: recommendations.earliestSafeBatchRemovalAt,
    ...withIso('earliestSafeBatchRemovalAt', recommendations.earliestSafeBatchRemovalAt, start),
    latestLicenseAt: recommendations.latestLicenseAt,
    ...withIso('latestLicenseAt', recommendations.latestLicenseAt, start),
    seeds: recommendations.seeds,
    syncedSeeds: recommendations.syncedSeeds,
  };
}

function keyTimesJson(observed: KeyTimes, start: string | undefined): RunJson['keyTimes'] {
  const json = {} as RunJson['keyTimes'];
  for (const name of KEY_TIME_NAMES) Object.assign(json, { [name]: observed[name] }, withIso(name, observed[name], start));
  return json;
}
