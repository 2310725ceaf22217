import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDirectory, connectBrowser, dashboardUrl } from '../../setup/browser.js';

/**
 * The dashboard's browser tests: a connection to the run's one Chromium and the address of
 * the run's one dashboard build (both set up once per run by test/setup/browser-global.ts),
 * and pages that record errors. See docs/testing.md, "Browser tests".
 */

/** This run's artifacts folder (test-artifacts/<run>/): screenshots go here. */
export const ARTIFACTS = artifactsDirectory();

export interface Harness {
  url: string;
  browser: Browser;
  /** Closes every context `openDashboard` opened so far (call it after each test). */
  closePages(): Promise<void>;
  /** Closes the pages and the connection (the shared Chromium keeps running for other files). */
  close(): Promise<void>;
}

const opened = new WeakMap<Harness, Set<BrowserContext>>();

export async function startHarness(): Promise<Harness> {
  const browser = await connectBrowser();
  const contexts = new Set<BrowserContext>();
  const harness: Harness = {
    url: dashboardUrl(),
    browser,
    async closePages() {
      await Promise.all([...contexts].map((context) => context.close()));
      contexts.clear();
    },
    async close() {
      await harness.closePages();
      await browser.close();
    },
  };
  opened.set(harness, contexts);
  return harness;
}

/** A page that records console errors, page errors and failed requests, once the clock shows. */
export async function openDashboard(harness: Harness, fragment = '', viewport = { width: 1400, height: 1000 }): Promise<{ page: Page; problems: string[] }> {
  const context = await harness.browser.newContext({ viewport, acceptDownloads: true });
  opened.get(harness)?.add(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request: ${request.url()}`));
  // The first page of a run waits for the one dashboard build (test/setup/dashboard-server.ts).
  await page.goto(harness.url + fragment, { waitUntil: 'load', timeout: 120_000 });
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
