import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { renderReport, renderSweepReport } from '../../report/index.js';
import { loadScenario } from '../../scenarios/index.js';
import { simulate } from '../../model/simulation.js';
import { fixtureResult, HOSTILE_NAME } from '../fixtures/simulation-result.js';

/**
 * Opens the report in Debian's headless chromium, offline, the way a planner's manager would.
 * Chromium is installed by .ci/run; when it is missing this fails (never skips) and says how to install it.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts');

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it with "apt-get update && apt-get install -y chromium" (as .ci/run does)`);
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

async function openReport(html: string, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, html);
  const context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const charts = await page.evaluate(() => {
    const registry = (window as unknown as { Chart?: { instances: Record<string, { canvas: HTMLCanvasElement; data: { datasets: { data: unknown[] }[] } }> } }).Chart;
    return Object.values(registry?.instances ?? {}).map((chart) => ({
      id: chart.canvas.id,
      datasets: chart.data.datasets.length,
      points: Math.max(0, ...chart.data.datasets.map((set) => set.data.length)),
      width: chart.canvas.width,
    }));
  });
  const canvases = await page.evaluate(() => Array.from(document.querySelectorAll('canvas')).map((canvas) => canvas.id));
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const text = await page.evaluate(() => document.body.innerText);
  const images = await page.evaluate(() => document.querySelectorAll('img').length);
  await context.close();
  return { problems, dialogs, requests, charts, canvases, text, images };
}

describe('the report in a real browser', () => {
  test('renders every chart with data, with no errors, and shows the hostile name as text', async () => {
    const opened = await openReport(renderReport(fixtureResult()), 'report-fixture');
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.canvases.length).toBe(5);
    expect(opened.charts.map((chart) => chart.id).sort()).toEqual([...opened.canvases].sort());
    for (const chart of opened.charts) {
      expect(chart.datasets, chart.id).toBeGreaterThan(0);
      expect(chart.points, chart.id).toBeGreaterThan(0);
      expect(chart.width, chart.id).toBeGreaterThan(0);
    }
    expect(opened.text).toContain(HOSTILE_NAME);
    expect(opened.images).toBe(0);
    expect(opened.dialogs).toEqual([]);
  }, 30_000);

  test('a real run of the hostile fixture scenario renders too', async () => {
    const { config } = loadScenario('test/cli/fixtures/hostile.yaml');
    const opened = await openReport(renderReport(simulate(config, {})), 'report-hostile-run');
    expect(opened.problems).toEqual([]);
    expect(opened.charts.length).toBe(5);
    for (const chart of opened.charts) expect(chart.points, chart.id).toBeGreaterThan(0);
    expect(opened.text).toContain(HOSTILE_NAME);
    expect(opened.images).toBe(0);
    expect(opened.dialogs).toEqual([]);
  }, 30_000);

  test('the sweep report renders its charts', async () => {
    const rows = [1, 2, 3].map((value) => ({
      value, label: `${value}d`, runs: 4, lossProbability: 1 / value, lossOrBounceProbability: 1 / value, meanLost: 10 / value, meanBounced: 0, p95Delay: value * 3_600_000,
      meanLate: value, p50Delay: 60_000, p99Delay: value * 7_200_000, maxDelay: value * 9_000_000, meanOldHostAfterSwitch: value, meanByCause: { 'stranded-on-prem-after-batch-removal': 1 },
    }));
    const opened = await openReport(renderSweepReport(rows, { scenario: HOSTILE_NAME, path: 'dns.initialMxTtl', seeds: 4, command: 'cutover sweep x' }), 'sweep-report');
    expect(opened.problems).toEqual([]);
    expect(opened.charts.map((chart) => chart.points)).toEqual([3, 3]);
    expect(opened.text).toContain(`Sweep: ${HOSTILE_NAME}`);
    expect(opened.images).toBe(0);
    expect(opened.dialogs).toEqual([]);
  }, 30_000);
});
