import { describe, expect, test } from 'vitest';
import { HOUR } from '../../sim/index.js';
import { chartMarkers } from '../../report/chart-markers.js';
import { hourMarkers, runCharts } from '../../report/charts.js';
import { fixtureResult } from '../fixtures/simulation-result.js';

describe('chartMarkers', () => {
  test('marks the observed switch and removal, leaves out steps not taken and a deadline past the horizon', () => {
    // Fixture: MX switched at 24h, batch removed at 30h, no decommission, license deadline 30 days (horizon 48h).
    expect(chartMarkers(fixtureResult())).toEqual([{ at: 24 * HOUR, label: 'MX switch' }, { at: 30 * HOUR, label: 'batch removed' }]);
  });

  test('adds the decommission and the license deadline inside the horizon, in time order', () => {
    const base = fixtureResult();
    const result = fixtureResult({
      keyTimes: { ...base.keyTimes, decommissionedAt: 40 * HOUR },
      recommendations: { ...base.recommendations, latestLicenseAt: 36 * HOUR },
    });
    expect(chartMarkers(result).map((marker) => marker.label)).toEqual(['MX switch', 'batch removed', 'license deadline', 'decommission']);
  });

  test('a run with no batch and no switch has no markers', () => {
    const base = fixtureResult();
    const result = fixtureResult({
      actions: [],
      keyTimes: { ...base.keyTimes, mxSwitchedAt: null, batchRemovedAt: null },
      recommendations: { ...base.recommendations, latestLicenseAt: null },
    });
    expect(chartMarkers(result)).toEqual([]);
  });

  test('every time chart of the report carries the same markers at their hour', () => {
    const result = fixtureResult();
    const expected = hourMarkers(result);
    expect(expected).toEqual([{ index: 24, label: 'MX switch' }, { index: 30, label: 'batch removed' }]);
    const timeCharts = runCharts(result).filter((chart) => chart.labels.length === result.series.hours.length);
    expect(timeCharts.map((chart) => chart.id)).toEqual(['chart-sync', 'chart-inbound', 'chart-resolvers', 'chart-license']);
    for (const chart of timeCharts) expect(chart.markers, chart.id).toEqual(expected);
  });

  test('hour labels are calendar times when the scenario has a start date', () => {
    const [sync] = runCharts(fixtureResult());
    expect(sync!.labels[0]).toBe('Sat 1 Mar 08:00 UTC');
    const [plain] = runCharts(fixtureResult({ startDate: undefined }));
    expect(plain!.labels[1]).toBe('T+1h');
  });
});

describe('fatesLogChart', () => {
  test('shows every non-empty fate on a log axis, so a few bounced stand next to many delivered', () => {
    const result = fixtureResult({ messages: { sent: 32_140, delivered: 32_000, deliveredLate: 0, bounced: 135, lost: 5, stranded: 0, recovered: 0, pending: 0 } });
    const chart = runCharts(result).find((spec) => spec.id === 'chart-fates-log')!;
    expect(chart.logScale).toBe(true);
    expect(chart.datasets[0]!.data).toEqual([32_000, null, 135, 5, null, null, null]);
    expect(chart.caption).toContain('140 of 32,140 messages were not delivered on time');
  });
});
