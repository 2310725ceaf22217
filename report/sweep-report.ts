import type { Millis } from '../sim/index.js';
import { HOUR } from '../sim/index.js';
import { PALETTE, type ChartSpec } from './charts.js';
import { escapeHtml } from './escape.js';
import { renderPage } from './page.js';
import { describeDuration } from './time-labels.js';

/** One varied value of a sweep, aggregated over its seeds. */
export interface SweepRow {
  value: number;
  /** The value as the user wrote it (for example `12h`). */
  label: string;
  runs: number;
  /** Share of runs in which at least one message was lost. */
  lossProbability: number;
  /** Share of runs in which at least one message was lost or bounced. */
  lossOrBounceProbability: number;
  meanLost: number;
  meanBounced: number;
  /** 95th percentile of delivery delay over every run's traced deliveries; null when none. */
  p95Delay: Millis | null;
}

export interface SweepReportOptions {
  scenario: string;
  path: string;
  seeds: number;
  command: string;
}

export function sweepChart(rows: SweepRow[], path: string): ChartSpec {
  return {
    id: 'chart-sweep',
    title: `Risk by ${path}`,
    caption: 'Chance that any message is lost, and mean messages lost and bounced per run, for each value.',
    type: 'line',
    labels: rows.map((row) => row.label),
    datasets: [
      { label: 'P(any loss) %', data: rows.map((row) => Math.round(row.lossProbability * 1000) / 10), color: PALETTE.red, axis: 'left' },
      { label: 'Mean lost', data: rows.map((row) => row.meanLost), color: PALETTE.purple, axis: 'right' },
      { label: 'Mean bounced', data: rows.map((row) => row.meanBounced), color: PALETTE.amber, axis: 'right' },
    ],
    leftTitle: '% of runs',
    rightTitle: 'messages per run',
    percent: true,
  };
}

export function delayChart(rows: SweepRow[], path: string): ChartSpec {
  return {
    id: 'chart-sweep-delay',
    title: `P95 delivery delay by ${path}`,
    caption: 'The 95th percentile of delivery delay (hours) over the traced messages of every run.',
    type: 'bar',
    labels: rows.map((row) => row.label),
    datasets: [{ label: 'P95 delay (hours)', data: rows.map((row) => (row.p95Delay === null ? null : Math.round((row.p95Delay / HOUR) * 100) / 100)), color: PALETTE.blue }],
    leftTitle: 'hours',
  };
}

export function renderSweepReport(rows: SweepRow[], options: SweepReportOptions): string {
  const table = rows.map((row) => `<tr><td>${escapeHtml(row.label)}</td><td class="num">${row.runs}</td>`
    + `<td class="num">${(row.lossProbability * 100).toFixed(1)}%</td><td class="num">${(row.lossOrBounceProbability * 100).toFixed(1)}%</td>`
    + `<td class="num">${row.meanLost.toFixed(2)}</td><td class="num">${row.meanBounced.toFixed(2)}</td><td class="num">${escapeHtml(describeDuration(row.p95Delay))}</td></tr>`);
  return renderPage({
    title: `Sweep: ${options.scenario}`,
    subtitle: `${options.path} varied over ${rows.length} values, seeds 1..${options.seeds} each.`,
    before: `<h2 id="risk">Risk table</h2>
<table><thead><tr><th>${escapeHtml(options.path)}</th><th class="num">Runs</th><th class="num">P(any loss)</th><th class="num">P(loss or bounce)</th><th class="num">Mean lost</th><th class="num">Mean bounced</th><th class="num">P95 delay</th></tr></thead>
<tbody>${table.join('\n')}</tbody></table>`,
    charts: [sweepChart(rows, options.path), delayChart(rows, options.path)],
    after: `<h2 id="replay">Reproduce</h2><pre>${escapeHtml(options.command)}</pre>`,
    footer: 'cutover-twin sweep',
  });
}
