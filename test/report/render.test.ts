import { describe, expect, test } from 'vitest';
import { renderReport, renderSweepReport, runCharts } from '../../report/index.js';
import { fixtureResult, HOSTILE_NAME } from '../fixtures/simulation-result.js';

const dataBlock = (html: string): { charts: { id: string; datasets: { data: unknown[] }[] }[] } => {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no data block');
  return JSON.parse(match[1]!);
};

describe('renderReport', () => {
  const html = renderReport(fixtureResult(), { replayCommand: 'cutover replay fixture.yaml --seed 7' });

  test('escapes scenario strings everywhere', () => {
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Bob &amp; &quot;Co&quot;');
    expect(html).toContain('batch &lt;b&gt;Wave1&lt;/b&gt; created');
  });

  test('is self-contained: chart.js inline, nothing loaded from the network', () => {
    expect(html).toContain('Chart.js v4');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain('default-src &#39;none&#39;');
  });

  test('has every section and a chart canvas for each chart description', () => {
    for (const id of ['timeline', 'findings', 'recommendations', 'mailboxes', 'replay', 'charts']) expect(html).toContain(`id="${id}"`);
    const data = dataBlock(html);
    expect(data.charts.map((chart) => chart.id)).toEqual(['chart-sync', 'chart-inbound', 'chart-resolvers', 'chart-fates', 'chart-fates-log', 'chart-license']);
    for (const chart of data.charts) {
      expect(html).toContain(`<canvas id="${chart.id}"`);
      expect(chart.datasets.some((set) => set.data.length > 0)).toBe(true);
    }
    expect(html).toContain('cutover replay fixture.yaml --seed 7');
  });

  test('shows times relative to the start and as calendar times', () => {
    expect(html).toContain('Sun 2 Mar 03:00 UTC (T+19h)');
    expect(html).toContain('Observed in this run');
    expect(html).toContain('preflight.hidden-mailboxes');
    expect(html).toContain('refused');
  });

  test('the verdict reflects lost mail', () => {
    expect(html).toContain('✖ 5 lost, 3 bounced');
    const clean = renderReport(fixtureResult({ messages: { sent: 10, delivered: 10, deliveredLate: 0, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 0 } }));
    expect(clean).toContain('✔ nothing lost');
  });
});

describe('report markers and failures', () => {
  test('the data block carries the event markers on every time chart and the log-scale fates with data', () => {
    const data = dataBlock(renderReport(fixtureResult())) as unknown as { charts: { id: string; markers?: { index: number; label: string }[]; logScale?: boolean; datasets: { data: (number | null)[] }[] }[] };
    const byId = new Map(data.charts.map((chart) => [chart.id, chart]));
    for (const id of ['chart-sync', 'chart-inbound', 'chart-resolvers', 'chart-license']) {
      expect(byId.get(id)!.markers, id).toEqual([{ index: 24, label: 'MX switch' }, { index: 30, label: 'batch removed' }]);
    }
    const log = byId.get('chart-fates-log')!;
    expect(log.logScale).toBe(true);
    expect(log.datasets[0]!.data).toEqual([380, 12, 3, 5, null, null, null]);
  });

  test('the timeline lists refused commands, user groups and timed findings', () => {
    const html = renderReport(fixtureResult());
    expect(html).toContain('<span class="refused">completeBatch refused</span>');
    expect(html).toContain('1 mailbox Synced');
    expect(html).toContain('Finding: schedule.batch-removed-too-early');
  });
});

describe('runCharts', () => {
  test('converts units for people', () => {
    const [sync, , resolvers, fates, , license] = runCharts(fixtureResult());
    expect(sync!.datasets[1]!.data.at(-1)).toBeCloseTo(2e9 / 1024 ** 3, 2);
    expect(resolvers!.datasets[0]!.data.at(-1)).toBe(100);
    expect(fates!.datasets[0]!.data).toEqual([380, 12, 3, 5, 0, 0, 0]);
    expect(license!.datasets[1]!.data[0]).toBeNull();
    expect(license!.datasets[1]!.data[1]).toBeCloseTo(30 - 1 / 24, 2);
  });
});

describe('renderSweepReport', () => {
  test('renders the risk table with escaped labels', () => {
    const html = renderSweepReport(
      [
        { value: 1, label: '1h', runs: 4, lossProbability: 0.5, lossOrBounceProbability: 0.75, meanLost: 2, meanBounced: 1, p95Delay: 3_600_000, meanLate: 3, p50Delay: 60_000, p99Delay: 7_200_000, maxDelay: 9_000_000, meanOldHostAfterSwitch: 4, meanByCause: { '<cause>': 2 } },
        { value: 2, label: '<2h>', runs: 4, lossProbability: 0, lossOrBounceProbability: 0, meanLost: 0, meanBounced: 0, p95Delay: null, meanLate: 0, p50Delay: null, p99Delay: null, maxDelay: null, meanOldHostAfterSwitch: 0, meanByCause: {} },
      ],
      { scenario: 'textbook', path: 'dns.initialMxTtl', seeds: 4, command: 'cutover sweep textbook --vary x=1..2 --seeds 4' },
    );
    expect(html).toContain('50.0%');
    expect(html).toContain('&lt;2h&gt;');
    expect(html).toContain('&lt;cause&gt; 2.00');
    expect(dataBlock(html).charts.map((chart) => chart.id)).toEqual(['chart-sweep', 'chart-sweep-late', 'chart-sweep-delay']);
  });
});

describe('describeInstant', () => {
  test('rounds for people: minutes from an hour on, seconds below', async () => {
    const { describeInstant } = await import('../../report/index.js');
    expect(describeInstant(3_600_000 + 29_999)).toBe('T+1h');
    expect(describeInstant(3_600_000 + 30_000)).toBe('T+1h1m');
    expect(describeInstant(61_400)).toBe('T+1m1s');
    expect(describeInstant(250)).toBe('T+0');
    expect(describeInstant(90 * 60_000 + 812, '2025-03-03T08:00:00Z')).toBe('Mon 3 Mar 09:30 UTC (T+1h30m)');
    expect(describeInstant(90 * 60_000, '2025-03-14T19:00:00Z', 'Europe/Berlin')).toBe('Fri 14 Mar 21:30 CET (T+1h30m)');
    expect(describeInstant(null)).toBe('—');
  });
});
