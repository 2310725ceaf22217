import { DAY, formatInstant, formatLocal } from '../sim/index.js';
import type { SimulationResult } from '../model/result.js';
import { chartMarkers, markerHourIndex } from './chart-markers.js';
import { calendarOf } from './time-labels.js';

/**
 * Chart descriptions as plain data. The page's small inline script turns each one into a
 * chart.js chart, so everything that depends on the result is computed (and tested) here.
 */
export interface ChartDataset {
  label: string;
  data: (number | null)[];
  color: string;
  /** Draw this dataset as bars inside a line chart (or the reverse). */
  kind?: 'line' | 'bar';
  /** `right` puts it on the second y axis. */
  axis?: 'left' | 'right';
  stack?: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** One sentence under the title saying how to read the chart. */
  caption: string;
  type: 'line' | 'bar' | 'doughnut';
  labels: string[];
  datasets: ChartDataset[];
  leftTitle?: string;
  rightTitle?: string;
  /** The left axis is a share from 0 to 100 %. */
  percent?: boolean;
  stacked?: boolean;
  /** Vertical event lines (MX switch, removal, …) at a position of the label axis (hour index). */
  markers?: { index: number; label: string }[];
  /** The value axis is logarithmic, so tens show next to tens of thousands. */
  logScale?: boolean;
  /** Bars run left to right (category axis vertical). */
  horizontal?: boolean;
}

/** A restrained palette with readable contrast on white (old host warm, new host blue). */
export const PALETTE = {
  blue: '#1f6fb2',
  teal: '#2a9d8f',
  amber: '#c7851a',
  red: '#b83232',
  grey: '#6b7280',
  green: '#2e7d32',
  purple: '#6a4c93',
} as const;

const GIB = 1024 ** 3;

/** Hour labels: the local calendar time (`Fri 14 Mar 20:00 CET`) when the scenario has a start date, else `T+…`. */
const hourLabels = (result: SimulationResult): string[] => {
  const calendar = calendarOf(result.startDate, result.timeZone);
  return result.series.hours.map((at) => (calendar === undefined ? formatInstant(at) : formatLocal(at, calendar)));
};

/** The run's event markers, placed on the hourly axis. */
export const hourMarkers = (result: SimulationResult): NonNullable<ChartSpec['markers']> =>
  chartMarkers(result).map((marker) => ({ index: markerHourIndex(marker.at), label: marker.label }));

export function syncProgressChart(result: SimulationResult): ChartSpec {
  return {
    id: 'chart-sync',
    title: 'Sync progress',
    caption: 'Mailboxes whose initial sync is done, and data copied to Exchange Online, hour by hour.',
    type: 'line',
    labels: hourLabels(result),
    markers: hourMarkers(result),
    datasets: [
      { label: 'Mailboxes synced', data: result.series.mailboxesSynced, color: PALETTE.blue, axis: 'left' },
      { label: 'GB copied', data: result.series.bytesSynced.map((bytes) => round(bytes / GIB, 2)), color: PALETTE.teal, axis: 'right' },
    ],
    leftTitle: 'mailboxes',
    rightTitle: 'GB',
  };
}

export function inboundChart(result: SimulationResult): ChartSpec {
  return {
    id: 'chart-inbound',
    title: 'Where inbound mail lands',
    caption: 'External messages accepted each hour by the old on-premises host and by Exchange Online.',
    type: 'bar',
    labels: hourLabels(result),
    markers: hourMarkers(result),
    datasets: [
      { label: 'Old host (on-premises)', data: result.series.inboundOldHost, color: PALETTE.amber, stack: 'inbound' },
      { label: 'New host (Exchange Online)', data: result.series.inboundNewHost, color: PALETTE.blue, stack: 'inbound' },
    ],
    leftTitle: 'messages per hour',
    stacked: true,
  };
}

export function resolverChart(result: SimulationResult): ChartSpec {
  return {
    id: 'chart-resolvers',
    title: 'Resolvers on the new MX',
    caption: 'Share of external resolvers that would send mail to Exchange Online. Caches keep the old MX until its TTL runs out.',
    type: 'line',
    labels: hourLabels(result),
    markers: hourMarkers(result),
    datasets: [{ label: 'Resolvers on the new MX (%)', data: result.series.resolversOnNewMx.map((share) => round(share * 100, 1)), color: PALETTE.blue }],
    leftTitle: '% of resolvers',
    percent: true,
  };
}

export function fatesChart(result: SimulationResult): ChartSpec {
  const { delivered, deliveredLate, bounced, lost } = result.messages;
  const { stranded = 0, recovered = 0, pending = 0 } = result.messages;
  return {
    id: 'chart-fates',
    title: 'Message fates',
    caption: 'Every message ends in exactly one fate, counted where its user reads mail. Stranded: on the on-prem server after the last sync pass, recoverable until it is decommissioned. Lost: gone. Pending: still on its way, or unread in a cloud mailbox its user does not open yet.',
    type: 'doughnut',
    labels: ['Delivered', 'Delivered late', 'Bounced', 'Lost', 'Stranded on-prem', 'Recovered', 'Pending'],
    datasets: [{ label: 'Messages', data: [delivered, deliveredLate, bounced, lost, stranded, recovered, pending], color: PALETTE.green }],
  };
}

export function licenseChart(result: SimulationResult): ChartSpec {
  return {
    id: 'chart-license',
    title: 'License grace countdown',
    caption: 'Mailboxes still without a license, and the shortest time left before one of them is disabled.',
    type: 'line',
    labels: hourLabels(result),
    markers: hourMarkers(result),
    datasets: [
      { label: 'Mailboxes in grace', data: result.series.mailboxesInGrace, color: PALETTE.amber, kind: 'bar', axis: 'left' },
      {
        label: 'Shortest grace left (days)',
        data: result.series.shortestGraceLeft.map((left) => (left === null ? null : round(left / DAY, 2))),
        color: PALETTE.red,
        axis: 'right',
      },
    ],
    leftTitle: 'mailboxes',
    rightTitle: 'days left',
  };
}

/**
 * Every fate on a logarithmic axis, so 135 bounced stay visible next to 32,000 delivered
 * (a fate with no message has no bar: log(0) is not drawn).
 */
export function fatesLogChart(result: SimulationResult): ChartSpec {
  const { delivered, deliveredLate, bounced, lost } = result.messages;
  const { stranded = 0, recovered = 0, pending = 0 } = result.messages;
  const notDelivered = deliveredLate + bounced + lost + stranded + recovered + pending;
  return {
    id: 'chart-fates-log',
    title: 'Message fates (log scale)',
    caption: `Each step of the axis is ten times the one before, so the few messages that went wrong show next to the many delivered: ${notDelivered.toLocaleString('en-US')} of ${result.messages.sent.toLocaleString('en-US')} messages were not delivered on time.`,
    type: 'bar',
    labels: ['Delivered', 'Delivered late', 'Bounced', 'Lost', 'Stranded on-prem', 'Recovered', 'Pending'],
    datasets: [{ label: 'Messages', data: [delivered, deliveredLate, bounced, lost, stranded, recovered, pending].map((count) => (count > 0 ? count : null)), color: PALETTE.red }],
    leftTitle: 'messages (log scale)',
    logScale: true,
    horizontal: true,
  };
}

/** All charts of a run report, in the order they appear. */
export function runCharts(result: SimulationResult): ChartSpec[] {
  return [syncProgressChart(result), inboundChart(result), resolverChart(result), fatesChart(result), fatesLogChart(result), licenseChart(result)];
}

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

