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
  /** 95th percentile of delivery delay over every delivered message of every run (exact histogram); null when none. */
  p95Delay: Millis | null;
  meanLate: number;
  p50Delay: Millis | null;
  p99Delay: Millis | null;
  maxDelay: Millis | null;
  /** Mean external messages the old host accepted after the switch, per run. */
  meanOldHostAfterSwitch: number;
  /** Mean lost and bounced messages per run, by cause. */
  meanByCause: Record<string, number>;
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

const hours = (value: Millis | null) => (value === null ? null : Math.round((value / HOUR) * 100) / 100);

export function delayChart(rows: SweepRow[], path: string): ChartSpec {
  return {
    id: 'chart-sweep-delay',
    title: `Delivery delay by ${path}`,
    caption: 'P50, P95, P99 and the maximum delivery delay (hours) over every delivered message of every run (exact histogram, not a sample).',
    type: 'line',
    labels: rows.map((row) => row.label),
    datasets: [
      { label: 'P50', data: rows.map((row) => hours(row.p50Delay)), color: PALETTE.green, axis: 'left' },
      { label: 'P95', data: rows.map((row) => hours(row.p95Delay)), color: PALETTE.blue, axis: 'left' },
      { label: 'P99', data: rows.map((row) => hours(row.p99Delay)), color: PALETTE.purple, axis: 'left' },
      { label: 'Max', data: rows.map((row) => hours(row.maxDelay)), color: PALETTE.red, axis: 'left' },
    ],
    leftTitle: 'hours',
  };
}

export function lateChart(rows: SweepRow[], path: string): ChartSpec {
  return {
    id: 'chart-sweep-late',
    title: `Late mail by ${path}`,
    caption: 'Mean messages delivered late per run, and mean external messages the old host accepted after the MX switch.',
    type: 'line',
    labels: rows.map((row) => row.label),
    datasets: [
      { label: 'Mean late', data: rows.map((row) => row.meanLate), color: PALETTE.amber, axis: 'left' },
      { label: 'Old host after switch', data: rows.map((row) => row.meanOldHostAfterSwitch), color: PALETTE.purple, axis: 'right' },
    ],
    leftTitle: 'messages per run',
    rightTitle: 'messages per run',
  };
}

export function renderSweepReport(rows: SweepRow[], options: SweepReportOptions): string {
  const table = rows.map((row) => `<tr><td>${escapeHtml(row.label)}</td><td class="num">${row.runs}</td>`
    + `<td class="num">${(row.lossProbability * 100).toFixed(1)}%</td><td class="num">${(row.lossOrBounceProbability * 100).toFixed(1)}%</td>`
    + `<td class="num">${row.meanLost.toFixed(2)}</td><td class="num">${row.meanBounced.toFixed(2)}</td><td class="num">${row.meanLate.toFixed(2)}</td>`
    + `<td class="num">${row.meanOldHostAfterSwitch.toFixed(2)}</td>`
    + [row.p50Delay, row.p95Delay, row.p99Delay, row.maxDelay].map((delay) => `<td class="num">${escapeHtml(describeDuration(delay))}</td>`).join('')
    + `<td>${escapeHtml(Object.entries(row.meanByCause).map(([cause, mean]) => `${cause} ${mean.toFixed(2)}`).join(', ') || '—')}</td></tr>`);
  return renderPage({
    title: `Sweep: ${options.scenario}`,
    subtitle: `${options.path} varied over ${rows.length} values, seeds 1..${options.seeds} each.`,
    before: `<h2 id="risk">Risk table</h2>
<table><thead><tr><th>${escapeHtml(options.path)}</th><th class="num">Runs</th><th class="num">P(any loss)</th><th class="num">P(loss or bounce)</th><th class="num">Mean lost</th><th class="num">Mean bounced</th><th class="num">Mean late</th><th class="num">Old host after switch</th><th class="num">P50 delay</th><th class="num">P95 delay</th><th class="num">P99 delay</th><th class="num">Max delay</th><th>Lost and bounced by cause</th></tr></thead>
<tbody>${table.join('\n')}</tbody></table>`,
    charts: [sweepChart(rows, options.path), lateChart(rows, options.path), delayChart(rows, options.path)],
    after: `<h2 id="replay">Reproduce</h2><pre>${escapeHtml(options.command)}</pre>`,
    footer: 'cutover-twin sweep',
  });
}
