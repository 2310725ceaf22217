import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, openDashboard } from './harness.js';
import { useBrowser } from '../../setup/browser.js';
import { brokenWords } from './word-breaks.js';

/** A projector's screen (docs/dashboard.md, Projector layout). */
const SCREEN = { width: 1366, height: 768 };
/**
 * The whole page at T+0 stays under this: 2,224 px measured with this layout, against 3,752 px
 * before it (the guide's seventeen steps and the admin actions one under the other).
 */
const MAX_PAGE_HEIGHT = 2_400;

/** The run's Chromium; each test's pages are given back after it (test/setup/browser.ts). */
const chromium = useBrowser();

/** "inside", or where the element is: fully on the first screen, with the page not scrolled. */
async function placement(page: Page, locator: Locator): Promise<string> {
  const scrolled = await page.evaluate(() => window.scrollY);
  const box = await locator.boundingBox();
  if (scrolled !== 0) return `page scrolled by ${scrolled}px`;
  if (box === null) return 'not displayed';
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= SCREEN.width && box.y + box.height <= SCREEN.height;
  return inside ? 'inside' : `at x=${Math.round(box.x)} y=${Math.round(box.y)}, ${Math.round(box.width)}×${Math.round(box.height)}`;
}

async function expectOnFirstScreen(page: Page, selectors: readonly string[]): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const selector of selectors) {
    await expect.poll(() => placement(page, page.locator(selector)), { message: selector }).toBe('inside');
  }
}

const FIRST_SCREEN = ['#clock', '#batch', '#guide-steps li.current', '#console'];

describe('the dashboard on a projector (1366×768)', () => {
  test('the word-break check finds a word broken inside a narrow cell (it can fail)', async () => {
    const { page } = await openDashboard(chromium, '', SCREEN);
    await page.evaluate(() => {
      const control = document.createElement('dl');
      control.id = 'layout-control';
      control.innerHTML = '<dd style="width: 4ch; overflow-wrap: anywhere">unlimited</dd><p style="width: 5ch">on-prem and more</p>';
      document.body.append(control);
    });
    const found = await page.evaluate(brokenWords, '#layout-control');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^dd "unlimited" breaks before "/);
  });

  test('at T+0 the clock, the batch, the current guide step and the console are on the first screen; the page is short', async () => {
    const { page, problems } = await openDashboard(chromium, '', SCREEN);
    await expect.poll(() => page.locator('#guide-steps li.current').getAttribute('data-step')).toBe('publish-txt');
    await expectOnFirstScreen(page, FIRST_SCREEN);
    // The description is folded under the title, not spread over the first screen.
    await expect.poll(() => page.locator('#scenario-about').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(MAX_PAGE_HEIGHT);
    await expect.poll(() => page.evaluate(brokenWords, 'body')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-1366x768-first-screen.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'layout-1366x768-full-page.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);

  test('as the guide advances, its current step stays on the first screen without scrolling the page', async () => {
    const { page, problems } = await openDashboard(chromium, '', SCREEN);
    for (const id of ['publish-txt', 'verify-domain', 'create-endpoint', 'create-batch', 'start-batch', 'lower-ttl', 'wait-synced']) {
      await page.locator(`#guide-steps li[data-step="${id}"] button.step-do`).click();
      await expect.poll(() => page.locator(`#guide-steps li[data-step="${id}"]`).getAttribute('class'), { message: id }).toContain('done');
    }
    // The eighth step is far down the list: the list scrolled to it, the page did not move.
    await expect.poll(() => page.locator('#guide-steps li.current').getAttribute('data-step')).toBe('assign-licenses');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expectOnFirstScreen(page, FIRST_SCREEN);
    await expect.poll(() => page.locator('#batch [data-fact="status"]').innerText()).toBe('Synced');
    await expect.poll(() => page.evaluate(brokenWords, 'body')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-1366x768-guide-synced.png') });
    expect(problems).toEqual([]);
  }, 120_000);

  test('long values (the Microsoft 365 MX host, errors in the user pane) wrap between words only', async () => {
    const { page, problems } = await openDashboard(chromium, '', SCREEN);
    await page.click('button[data-preset="decommission-too-early"]');
    await expect.poll(() => page.locator('#scenario-title').innerText()).toContain('decommission-too-early');
    await page.fill('#jump-to', '6d');
    await page.click('#jump');
    await expect.poll(() => page.locator('#dns [data-fact="mx"]').innerText()).toContain('mail.protection.outlook.com');
    await expect.poll(() => page.locator('#dns [data-fact="onPrem"]').innerText()).toBe('decommissioned');
    // The scenario's plan gives the commands: the guide's steps and free mode are hidden, not just empty.
    await expect.poll(() => page.locator('#guide-free').isVisible()).toBe(false);
    await expect.poll(() => page.locator('#guide-steps').isVisible()).toBe(false);
    await page.locator('#mailbox-table tbody tr.opens').first().click();
    await expect.poll(() => page.locator('#user-details [data-field="ErrorSummary"]').innerText()).toContain('MigrationTransientException');
    await expectOnFirstScreen(page, ['#clock', '#batch', '#console']);
    await expect.poll(() => page.evaluate(brokenWords, 'body')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'layout-1366x768-long-values.png') });
    expect(problems).toEqual([]);
  }, 60_000);
});
