import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderReport, renderSweepReport } from '../../report/index.js';
import { loadScenario } from '../../scenarios/index.js';
import { simulate } from '../../model/simulation.js';
import { fixtureResult, HOSTILE_NAME } from '../fixtures/simulation-result.js';
import { artifactPath, useBrowser } from '../setup/browser.js';

/**
 * Opens the report in headless Chromium (the run's one browser, test/setup/browser-global.ts),
 * offline, the way a planner's manager would. The report and its screenshot are kept in this
 * run's artifacts folder.
 */
const chromium = useBrowser();

type Registry = { instances: Record<string, {
  canvas: HTMLCanvasElement;
  data: { datasets: { data: unknown[] }[] };
  options: { plugins?: { cutoverMarkers?: { markers?: unknown[] } } };
  scales: Record<string, { type: string }>;
}> };

async function openReport(html: string, name: string) {
  const file = artifactPath(`${name}.html`);
  writeFileSync(file, html);
  const page = await chromium.newPage({ offline: true, viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const canvases = await page.evaluate(() => Array.from(document.querySelectorAll('canvas')).map((canvas) => canvas.id));
  // Charts are drawn by the page's script: wait until every canvas has one.
  await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { Chart?: Registry }).Chart?.instances ?? {}).length)).toBe(canvases.length);
  const charts = await page.evaluate(() => {
    const registry = (window as unknown as { Chart?: Registry }).Chart;
    return Object.values(registry?.instances ?? {}).map((chart) => ({
      id: chart.canvas.id,
      datasets: chart.data.datasets.length,
      points: Math.max(0, ...chart.data.datasets.map((set) => set.data.length)),
      width: chart.canvas.width,
      markers: chart.options.plugins?.cutoverMarkers?.markers?.length ?? 0,
      scaleTypes: Object.values(chart.scales).map((scale) => scale.type),
    }));
  });
  await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
  const text = await page.evaluate(() => document.body.innerText);
  const images = await page.evaluate(() => document.querySelectorAll('img').length);
  return { problems, dialogs, requests, charts, canvases, text, images };
}

describe('the report in a real browser', () => {
  test('renders every chart with data, with no errors, and shows the hostile name as text', async () => {
    const opened = await openReport(renderReport(fixtureResult()), 'report-fixture');
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.canvases.length).toBe(6);
    expect(opened.charts.map((chart) => chart.id).sort()).toEqual([...opened.canvases].sort());
    for (const chart of opened.charts) {
      expect(chart.datasets, chart.id).toBeGreaterThan(0);
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.width, chart.id).toBeGreaterThan(0);
    }
    expect(opened.text).toContain(HOSTILE_NAME);
    expect(opened.images).toBe(0);
    expect(opened.dialogs).toEqual([]);
    // The fixture switched the MX and removed the batch: every time chart draws both markers; the fates also on a log axis.
    const byId = new Map(opened.charts.map((chart) => [chart.id, chart]));
    for (const id of ['chart-sync', 'chart-inbound', 'chart-resolvers', 'chart-license']) expect(byId.get(id)!.markers, id).toBe(2);
    expect(byId.get('chart-fates-log')!.scaleTypes).toContain('logarithmic');
  }, 30_000);

  test('a real run of the hostile fixture scenario renders too', async () => {
    const { config } = loadScenario('test/cli/fixtures/hostile.yaml');
    const opened = await openReport(renderReport(simulate(config, {})), 'report-hostile-run');
    expect(opened.problems).toEqual([]);
    expect(opened.charts.length).toBe(6);
    for (const chart of opened.charts) expect(chart.points, chart.id).toBeGreaterThan(0);
    expect(opened.text).toContain(HOSTILE_NAME);
    expect(opened.images).toBe(0);
    expect(opened.dialogs).toEqual([]);
  }, 30_000);

  test('the sweep report renders its charts', async () => {
    const rows = [1, 2, 3].map((value) => ({
      value, label: `${value}d`, runs: 4, lossProbability: 1 / value, lossOrBounceProbability: 1 / value, meanLost: 10 / value, meanBounced: 0, p95Delay: value * 3_600_000,
      meanLate: value, p50Delay: 60_000, p99Delay: value * 7_200_000, maxDelay: value * 9_000_000, meanOldHostAfterSwitch: value, meanByCause: { 'stranded:external-via-old-mx': 1 },
    }));
    const opened = await openReport(renderSweepReport(rows, { scenario: HOSTILE_NAME, path: 'dns.initialMxTtl', seeds: 4, command: 'cutover sweep x' }), 'sweep-report');
    expect(opened.problems).toEqual([]);
    // Risk, late mail and the delay percentiles: one point per swept value in each.
    expect(opened.charts.map((chart) => chart.id).sort()).toEqual(['chart-sweep', 'chart-sweep-delay', 'chart-sweep-late']);
    expect(opened.charts.map((chart) => chart.id).sort()).toEqual([...opened.canvases].sort());
    expect(opened.charts.map((chart) => chart.points)).toEqual([3, 3, 3]);
    expect(opened.text).toContain(`Sweep: ${HOSTILE_NAME}`);
    expect(opened.images).toBe(0);
    expect(opened.dialogs).toEqual([]);
  }, 30_000);
});
