import type { CaseFigures } from './measure.js';

/** The runs of one case folded into min / median / max, and how figures are printed. */
export interface RunFigures extends CaseFigures {
  name: string;
  peakRssMB: number;
  /** The machine's 1-minute load average when this run started (os.loadavg). */
  load: number;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export interface CaseSummary {
  name: string;
  title: string;
  unit: string;
  /** Work per CPU-second, when the case counts work. */
  rate?: Spread;
  /** Work per wall-second, when the case counts work. */
  wallRate?: Spread;
  value?: Spread;
  wallMs: Spread;
  cpuMs: Spread;
  peakRssMB: Spread;
  load: Spread;
  messages?: number;
  extra: Record<string, Spread>;
  detail: string;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}

export function summarize(name: string, title: string, runs: RunFigures[]): CaseSummary {
  const first = runs[0]!;
  const counted = first.work !== undefined;
  const extra: Record<string, Spread> = {};
  for (const key of Object.keys(first.extra ?? {})) extra[key] = spread(runs.map((run) => run.extra![key]!));
  return {
    name,
    title,
    unit: first.unit,
    rate: counted ? spread(runs.map((run) => run.work! / (run.cpuMs / 1_000))) : undefined,
    wallRate: counted ? spread(runs.map((run) => run.work! / (run.wallMs / 1_000))) : undefined,
    value: first.value === undefined ? undefined : spread(runs.map((run) => run.value!)),
    wallMs: spread(runs.map((run) => run.wallMs)),
    cpuMs: spread(runs.map((run) => run.cpuMs)),
    peakRssMB: spread(runs.map((run) => run.peakRssMB)),
    load: spread(runs.map((run) => run.load)),
    messages: first.messages,
    extra,
    detail: first.detail ?? '',
  };
}

export const format = (value: number): string => (!Number.isFinite(value) ? 'n/a' : Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));
export const formatSpread = (figures: Spread): string => `${format(figures.min)} / ${format(figures.median)} / ${format(figures.max)}`;

/** The headline: work per CPU-second (median, with the spread), or the case's own value. */
export function headline(summary: CaseSummary): string {
  if (summary.rate !== undefined) return `${formatSpread(summary.rate)} ${summary.unit}/CPU-s`;
  if (summary.value !== undefined) return `${formatSpread(summary.value)} ${summary.unit}`;
  return '';
}
