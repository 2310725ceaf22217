import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDirectory, connectBrowser, dashboardUrl } from '../../setup/browser.js';

/**
 * The dashboard's browser tests: a connection to the run's one Chromium and the address of
 * the run's one dashboard build (both set up once per run by test/setup/browser-global.ts),
 * and pages that record errors. See docs/testing.md, "Browser tests".
 *
 * Pages are reused within a file: a new page costs Chromium a renderer process (1.5-3 s of
 * CPU on the project's 2-core machine, about:blank included), a navigation of a page it
 * already has about 0.5 s. Each `openDashboard` still loads a new document, so no script state
 * carries over; the dashboard keeps nothing in storage, cookies or caches between documents.
 */

/** This run's artifacts folder (test-artifacts/<run>/): screenshots go here. */
export const ARTIFACTS = artifactsDirectory();

export interface Harness {
  url: string;
  browser: Browser;
  /** Gives back every page `openDashboard` handed out so far, unloaded (call it after each test). */
  closePages(): Promise<void>;
  /** Closes the pages, their context and the connection (the shared Chromium keeps running for other files). */
  close(): Promise<void>;
}

interface Pool {
  context: BrowserContext;
  idle: Page[];
  /** Pages handed out, with what detaches their listeners. */
  busy: Map<Page, () => void>;
  /** Makes every loaded document a new one, even when only the fragment differs. */
  loads: number;
}

const pools = new WeakMap<Harness, Pool>();

export async function startHarness(): Promise<Harness> {
  const browser = await connectBrowser();
  const pool: Pool = { context: await browser.newContext({ acceptDownloads: true }), idle: [], busy: new Map(), loads: 0 };
  const harness: Harness = {
    url: dashboardUrl(),
    browser,
    async closePages() {
      const pages = [...pool.busy];
      pool.busy.clear();
      await Promise.all(pages.map(async ([page, detach]) => {
        detach();
        // Unloading stops whatever the page still runs (a playing clock) before the next test.
        await page.goto('about:blank');
        pool.idle.push(page);
      }));
    },
    async close() {
      await harness.closePages();
      await pool.context.close();
      await browser.close();
    },
  };
  pools.set(harness, pool);
  return harness;
}

/** A page with a new dashboard document that records console errors, page errors and failed requests, once the clock shows. */
export async function openDashboard(harness: Harness, fragment = '', viewport = { width: 1400, height: 1000 }): Promise<{ page: Page; problems: string[] }> {
  const pool = pools.get(harness);
  if (pool === undefined) throw new Error('openDashboard needs a harness from startHarness');
  const page = pool.idle.pop() ?? await pool.context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); };
  const onError = (error: Error) => problems.push(`page: ${error.message}`);
  const onFailed = (request: { url(): string }) => problems.push(`request: ${request.url()}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('requestfailed', onFailed);
  pool.busy.set(page, () => {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    page.off('requestfailed', onFailed);
  });
  pool.loads += 1;
  // The first page of a run waits for the one dashboard build (test/setup/dashboard-server.ts).
  await page.goto(`${harness.url}?load=${pool.loads}${fragment}`, { waitUntil: 'load', timeout: 120_000 });
  await expect.poll(() => page.locator('#clock').innerText()).toContain('T+');
  return { page, problems };
}

export const countIn = (text: string, label: string): number => {
  const match = new RegExp(`${label.replace(/[()]/g, '\\$&')} ([\\d,]+)`).exec(text);
  if (match?.[1] === undefined) throw new Error(`"${label}" not found in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
};

/** The count after `label` in a locator's text, read again until it is there (for expect.poll). */
export const countOf = async (page: Page, selector: string, label: string): Promise<number | undefined> => {
  try {
    return countIn(await page.locator(selector).innerText(), label);
  } catch {
    return undefined;
  }
};
