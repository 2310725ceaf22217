import {
  BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip,
} from 'chart.js';
import type { ChartMarker } from '../../../report/chart-markers.js';
import type { Plugin } from 'chart.js';
import { markerPlugin } from './marker-plugin.js';
import { DAY, HOUR } from '../../../sim/index.js';
import type { TimeSeries } from '../../../model/result.js';
import { el, panel, setText } from '../dom.js';
import { formatCount, formatPercent } from '../format.js';
import type { DashboardView } from '../session/view.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, LogarithmicScale, PointElement, Tooltip);

/** Colours with at least 4.5:1 contrast on white (WCAG AA), the same meaning everywhere. */
export const COLOURS = { old: '#8a5300', new: '#0f6cbd', delivered: '#0e700e', late: '#8a5300', bounced: '#6b2fa0', lost: '#b10e1c', stranded: '#a4262c', recovered: '#0b6a0b', pending: '#5c5c5c' };

const FATES = ['delivered', 'deliveredLate', 'bounced', 'lost', 'stranded', 'recovered'] as const;
const FATE_LABELS = ['Delivered', 'Delivered late', 'Bounced (sender told)', 'Lost (nobody told)', 'Stranded on-prem (recoverable)', 'Recovered'];

type Point = { x: number; y: number };

/** Mail flow charts: where external inbound mail lands hour by hour, and the fate of every message so far. */
export class ChartsPanel {
  readonly element: HTMLElement;
  private readonly inbound: Chart<'line', Point[]>;
  private readonly fates: Chart<'bar', (number | null)[]>;
  /** The markers drawn now, also read by tests: `days` is the x value on the inbound chart. */
  markers: { days: number; label: string }[] = [];
  private readonly inboundSummary = el('p', { className: 'chart-summary', id: 'inbound-summary' });
  private readonly fatesSummary = el('p', { className: 'chart-summary', id: 'fates-summary' });

  constructor() {
    const inboundCanvas = el('canvas', { id: 'inbound-chart', role: 'img', 'aria-label': 'Where inbound mail lands', 'aria-describedby': 'inbound-summary' });
    const fatesCanvas = el('canvas', { id: 'fates-chart', role: 'img', 'aria-label': 'Message fates', 'aria-describedby': 'fates-summary' });
    this.element = panel('mailflow', 'Mail flow',
      el('div', { className: 'charts' },
        el('figure', {}, el('figcaption', { text: 'Where inbound mail lands (external messages accepted per hour)' }), el('div', { className: 'chart-box' }, inboundCanvas), this.inboundSummary),
        el('figure', {}, el('figcaption', { text: 'Message fates so far (log scale: each step is ten times the one before, so tens show next to tens of thousands)' }), el('div', { className: 'chart-box' }, fatesCanvas), this.fatesSummary)));
    Chart.defaults.animation = false;
    Chart.defaults.color = '#242424';
    this.inbound = new Chart<'line', Point[]>(inboundCanvas, {
      type: 'line',
      data: { datasets: [
        { label: 'On-prem (old MX)', data: [], borderColor: COLOURS.old, backgroundColor: COLOURS.old, pointRadius: 0, borderWidth: 2 },
        { label: 'Microsoft 365 (new MX)', data: [], borderColor: COLOURS.new, backgroundColor: COLOURS.new, pointRadius: 0, borderWidth: 2, borderDash: [6, 3] },
      ] },
      options: {
        responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
        scales: { x: { type: 'linear', min: 0, title: { display: true, text: 'days from start' } }, y: { beginAtZero: true, title: { display: true, text: 'messages per hour' } } },
        plugins: { legend: { position: 'bottom' }, cutoverMarkers: { markers: [] } } as never,
      },
      plugins: [markerPlugin as Plugin<'line', Point[]>],
    });
    this.fates = new Chart(fatesCanvas, {
      type: 'bar',
      data: { labels: FATE_LABELS, datasets: [{ label: 'Messages', data: [0, 0, 0, 0, 0, 0], backgroundColor: [COLOURS.delivered, COLOURS.late, COLOURS.bounced, COLOURS.lost, COLOURS.stranded, COLOURS.recovered] }] },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false,
        // Logarithmic: 135 bounced next to 32,000 delivered would be a sliver on a linear axis. A zero has no bar (null).
        scales: { x: { type: 'logarithmic', min: 0.8, title: { display: true, text: 'messages (log scale)' } } },
        plugins: { legend: { display: false } },
      },
    });
  }

  /** `series` is the run's hourly series so far (Simulation.result().series); hours after now are left out. */
  update(view: DashboardView, series: TimeSeries | undefined, markers?: readonly ChartMarker[]): void {
    const [old, cloud] = this.inbound.data.datasets;
    let oldTotal = 0;
    let newTotal = 0;
    if (old !== undefined && cloud !== undefined && series !== undefined) {
      const oldPoints: Point[] = [];
      const newPoints: Point[] = [];
      series.hours.forEach((hour, index) => {
        if (hour + HOUR > view.now) return;
        const onOld = series.inboundOldHost[index] ?? 0;
        const onNew = series.inboundNewHost[index] ?? 0;
        oldTotal += onOld;
        newTotal += onNew;
        oldPoints.push({ x: hour / DAY, y: onOld });
        newPoints.push({ x: hour / DAY, y: onNew });
      });
      old.data = oldPoints;
      cloud.data = newPoints;
    }
    const xScale = this.inbound.options.scales?.['x'];
    if (xScale !== undefined) xScale.max = Math.max(1, Math.ceil(view.now / DAY));
    if (markers !== undefined) {
      this.markers = markers.filter((marker) => marker.at <= view.now).map((marker) => ({ days: marker.at / DAY, label: marker.label }));
      const options = this.inbound.options.plugins as { cutoverMarkers?: { markers: { x: number; label: string }[] } };
      options.cutoverMarkers = { markers: this.markers.map((marker) => ({ x: marker.days, label: marker.label })) };
      // Also on the canvas, as text: what is marked, for tests and anyone inspecting the page.
      this.inbound.canvas.setAttribute('data-markers', this.markers.map((marker) => `${marker.label}@${marker.days.toFixed(3)}`).join('; '));
    }
    this.inbound.update('none');
    const dataset = this.fates.data.datasets[0];
    if (dataset !== undefined) dataset.data = FATES.map((fate) => (view.messages[fate] > 0 ? view.messages[fate] : null));
    this.fates.update('none');
    setText(this.inboundSummary, `So far ${formatCount(oldTotal)} external messages landed on-prem and ${formatCount(newTotal)} in Microsoft 365; ${formatPercent(view.dns.shareOnNewMx)} of resolvers now answer with the new MX.`);
    setText(this.fatesSummary, `${formatCount(view.messages.sent)} sent, ${formatCount(view.messages.inFlight)} still on their way: ${FATES.map((fate, index) => `${FATE_LABELS[index]} ${formatCount(view.messages[fate])}`).join(', ')}.`);
  }
}
