import type { Millis } from '../../sim/index.js';
import type { DelayHistogram, SimulationResult } from '../../model/result.js';
import { histogramPercentile, mergeHistograms } from '../../model/ledger/delay-histogram.js';
import type { SweepRow } from '../../report/index.js';
import type { VarySpec } from './range.js';

/** What one sweep run reports back (small, so it crosses the worker boundary cheaply). */
export interface SweepRun {
  value: number;
  seed: number;
  traceHash: string;
  sent: number;
  delivered: number;
  deliveredLate: number;
  bounced: number;
  lost: number;
  /** Delivery delays of the run's traced messages (explicit ones and the sample of generated ones). */
  delays: Millis[];
  /** Every delivered message's delay, bucketed exactly (absent in journals written before it existed). */
  histogram?: DelayHistogram;
  /** External mail the old host accepted after the switch (null: not switched). */
  oldHostAfterSwitch?: number | null;
  /** Lost and bounced messages by reason. */
  reasons?: Record<string, number>;
}

export function sweepRun(result: SimulationResult, value: number): SweepRun {
  const { sent, delivered, deliveredLate, bounced, lost } = result.messages;
  const delays = result.traces
    .filter((trace) => (trace.fate === 'delivered' || trace.fate === 'deliveredLate') && trace.latency !== undefined)
    .map((trace) => trace.latency!);
  return {
    value, seed: result.seed, traceHash: result.traceHash, sent, delivered, deliveredLate, bounced, lost, delays,
    histogram: result.delays, oldHostAfterSwitch: result.oldHostAfterSwitch, reasons: result.reasons,
  };
}

/** Nearest-rank percentile (p in 0..1) of unsorted values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

/** One risk-table row per varied value, in the order of the values. */
export function sweepRows(spec: VarySpec, runs: readonly SweepRun[]): SweepRow[] {
  return spec.values.map((value, index) => {
    const mine = runs.filter((run) => run.value === value);
    const count = Math.max(1, mine.length);
    const sum = (pick: (run: SweepRun) => number) => mine.reduce((total, run) => total + pick(run), 0);
    const exact = mergeHistograms(mine.flatMap((run) => (run.histogram ? [run.histogram] : [])));
    return {
      value,
      label: spec.labels[index] ?? String(value),
      runs: mine.length,
      lossProbability: mine.filter((run) => run.lost > 0).length / count,
      lossOrBounceProbability: mine.filter((run) => run.lost + run.bounced > 0).length / count,
      meanLost: sum((run) => run.lost) / count,
      meanBounced: sum((run) => run.bounced) / count,
      p95Delay: exact.total > 0 ? histogramPercentile(exact, 0.95) : percentile(mine.flatMap((run) => run.delays), 0.95),
      meanLate: sum((run) => run.deliveredLate) / count,
      p50Delay: histogramPercentile(exact, 0.5),
      p99Delay: histogramPercentile(exact, 0.99),
      maxDelay: exact.total > 0 ? exact.max : null,
      meanOldHostAfterSwitch: sum((run) => run.oldHostAfterSwitch ?? 0) / count,
      meanByCause: Object.fromEntries([...new Set(mine.flatMap((run) => Object.keys(run.reasons ?? {})))].sort()
        .map((reason) => [reason, sum((run) => run.reasons?.[reason] ?? 0) / count])),
    };
  });
}
