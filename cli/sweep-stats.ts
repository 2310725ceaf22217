import type { Millis } from '../sim/index.js';
import type { SimulationResult } from '../model/result.js';
import type { SweepRow } from '../report/index.js';
import type { VarySpec } from './sweep-range.js';

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
}

export function sweepRun(result: SimulationResult, value: number): SweepRun {
  const { sent, delivered, deliveredLate, bounced, lost } = result.messages;
  const delays = result.traces
    .filter((trace) => (trace.fate === 'delivered' || trace.fate === 'deliveredLate') && trace.latency !== undefined)
    .map((trace) => trace.latency!);
  return { value, seed: result.seed, traceHash: result.traceHash, sent, delivered, deliveredLate, bounced, lost, delays };
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
    return {
      value,
      label: spec.labels[index] ?? String(value),
      runs: mine.length,
      lossProbability: mine.filter((run) => run.lost > 0).length / count,
      lossOrBounceProbability: mine.filter((run) => run.lost + run.bounced > 0).length / count,
      meanLost: sum((run) => run.lost) / count,
      meanBounced: sum((run) => run.bounced) / count,
      p95Delay: percentile(mine.flatMap((run) => run.delays), 0.95),
    };
  });
}
