import { HOUR } from '../sim/index.js';
import { keyTimesOf } from '../model/recommendations/key-times.js';
import type { SimulationResult } from '../model/result.js';

/** A vertical line on a time chart: an event every chart of the run marks at the same time. */
export interface ChartMarker {
  at: number;
  label: string;
}

/**
 * The events every time chart marks (dashboard and report, one source): the run's observed
 * MX switch, batch removal and decommission (result.keyTimes), and the license deadline (the
 * latest license assignment before a mailbox is disabled). Steps the run did not take are left out.
 */
export function chartMarkers(result: SimulationResult): ChartMarker[] {
  const times = keyTimesOf(result);
  const markers: ChartMarker[] = [];
  const add = (at: number | null | undefined, label: string) => { if (at !== null && at !== undefined && at <= result.horizon) markers.push({ at, label }); };
  add(times.mxSwitchedAt, 'MX switch');
  add(times.batchRemovedAt, 'batch removed');
  add(times.decommissionedAt, 'decommission');
  add(result.recommendations?.latestLicenseAt, 'license deadline');
  return markers.sort((a, b) => a.at - b.at);
}

/** A marker's position on an hourly category axis (the index of its hour, fractional inside it). */
export const markerHourIndex = (at: number): number => at / HOUR;
