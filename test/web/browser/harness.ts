import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDirectory, dashboardUrl, type BrowserFile } from '../../setup/browser.js';

/**
 * The dashboard's browser tests: the run's one dashboard build (test/setup/browser-global.ts),
 * opened in a page of the file's `useBrowser()` that records errors. See docs/testing.md,
 * "Browser tests".
 */

/** This run's artifacts folder (test-artifacts/<run>/): screenshots go here. */
export const ARTIFACTS = artifactsDirectory();

/** Makes every load a new document, even when only the fragment differs from the page's last one. */
let loads = 0;

/**
 * A new dashboard document (a fresh script state: the dashboard keeps nothing in storage) in a
 * page that records console errors, page errors and failed requests, once the clock shows.
 */
export async function openDashboard(chromium: BrowserFile, fragment = '', viewport = { width: 1400, height: 1000 }): Promise<{ page: Page; problems: string[] }> {
  const page = await chromium.newPage({ viewport, acceptDownloads: true });
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request: ${request.url()}`));
  loads += 1;
  // The first page of a run waits for the one dashboard build (test/setup/dashboard-server.ts).
  await page.goto(`${dashboardUrl()}?load=${loads}${fragment}`, { waitUntil: 'load', timeout: 120_000 });
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
