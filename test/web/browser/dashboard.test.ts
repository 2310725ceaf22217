import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { GUIDE_STEPS } from '../../../web/src/guide/steps.js';
import { ARTIFACTS, countOf, openDashboard } from './harness.js';
import { useBrowser } from '../../setup/browser.js';

/** The run's Chromium; each test's pages are given back after it (test/setup/browser.ts). */
const chromium = useBrowser();

const jumpTo = async (page: Page, time: string) => {
  await page.fill('#jump-to', time);
  await page.click('#jump');
};

const classOf = async (locator: Locator): Promise<string> => (await locator.getAttribute('class')) ?? '';

const stepItem = (page: Page, id: string) => page.locator(`li[data-step="${id}"]`);

describe('the trainer dashboard in chromium', () => {
  test('a full guided cutover by clicks ends with nothing lost and the batch removed', async () => {
    const { page, problems } = await openDashboard(chromium);
    for (const step of GUIDE_STEPS) {
      const item = stepItem(page, step.id);
      await item.locator('button.step-do').click();
      if (step.id === 'verify-domain') {
        // Verifying at once would be refused: the guide waits the quarter-hour the TXT record needs (CUT) and says so.
        await expect.poll(() => page.locator('#guide-status').innerText()).toMatch(/Waited \d+m for the TXT record/);
      }
      await expect.poll(() => item.getAttribute('class'), { message: step.id }).toContain('done');
    }
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-guided-done.png'), fullPage: true });
    await jumpTo(page, '60d'); // past the horizon: the clock stops at it
    await expect.poll(async () => /^T\+(\S+) .* of (\S+)$/.exec(await page.locator('#clock').innerText())?.slice(1, 3).join('=')).toMatch(/^(\S+)=\1$/);
    await expect.poll(() => countOf(page, '#fates-summary', 'Delivered')).toBeGreaterThan(1000);
    await expect.poll(() => countOf(page, '#fates-summary', 'Lost (nobody told)')).toBe(0);
    await expect.poll(() => countOf(page, '#fates-summary', 'Bounced (sender told)')).toBe(0);
    await expect.poll(() => page.locator('#batch [data-fact="status"]').innerText()).toBe('Deleted');
    await expect.poll(() => page.locator('#action-removeBatch').isDisabled()).toBe(true);
    // The tracer follows a message and gives its fate and reason.
    await page.click('#tracer-find');
    await page.click('#tracer-show');
    await expect.poll(() => page.locator('#tracer-output').innerText()).toContain('delivered');
    await expect.poll(() => page.locator('#tracer-output ol.path li').first().innerText()).toContain('sent');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-guided-end.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  test('the "batch removed too early" preset shows stranded messages, traceable to their reason', async () => {
    const { page, problems } = await openDashboard(chromium);
    await page.click('button[data-preset="early-batch-delete"]');
    await expect.poll(() => page.locator('#scenario-title').innerText()).toContain('early-batch-delete');
    await expect.poll(() => page.locator('#preset-note').innerText()).toContain('Batch removed too early');
    await jumpTo(page, '8d');
    await expect.poll(() => countOf(page, '#fates-summary', 'Stranded on-prem (recoverable)')).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#findings li').first().isVisible()).toBe(true);
    await page.selectOption('#tracer-fate', 'stranded');
    await page.click('#tracer-find');
    await page.click('#tracer-show');
    await expect.poll(() => page.locator('#tracer-output strong').innerText()).toBe('stranded');
    await expect.poll(() => page.locator('#tracer-output').innerText()).toContain('old-mx');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-early-batch-delete.png'), fullPage: true });
    // Export the report: the same renderer as the CLI, with chart.js inlined.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
    // The browser is shared over a connection: the file is saved into this run's artifacts.
    const saved = join(ARTIFACTS, 'dashboard-exported-report.html');
    await download.saveAs(saved);
    const report = readFileSync(saved, 'utf8');
    expect(report).toContain('Cutover rehearsal: early-batch-delete');
    expect(report).toContain('Content-Security-Policy');
    expect(problems).toEqual([]);
  }, 60_000);

  test('commands are enabled only when allowed, refusals say why, and a shared link rebuilds the state exactly', async () => {
    const { page, problems } = await openDashboard(chromium);
    await expect.poll(() => page.locator('#action-startBatch').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('#reason-startBatch').innerText()).toContain('create one first');
    await expect.poll(() => page.locator('#action-completeBatch').isDisabled()).toBe(true);
    // Keyboard only: focus a button and press Enter.
    await page.focus('#action-publishVerificationTxt');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#action-result').innerText()).toContain('Done');
    await page.focus('#step');
    await page.keyboard.press('Enter');
    await jumpTo(page, '1d3h');
    await page.click('#action-createEndpoint');
    await expect.poll(() => page.locator('#action-result').innerText()).toContain('Create endpoint: Done');
    // Play runs the clock from animation frames; Pause stops it.
    await page.click('#play');
    await expect.poll(() => page.locator('#clock').innerText()).not.toContain('T+1d3h ');
    await page.click('#play');
    await expect.poll(() => page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    const clock = await page.locator('#clock').innerText();
    await page.click('#share');
    // Packing the link is asynchronous (CompressionStream): wait for it to appear.
    await expect.poll(() => page.locator('#share-link').inputValue()).toMatch(/#state=v1\./);
    const link = await page.locator('#share-link').inputValue();
    const shared = await openDashboard(chromium, link.slice(link.indexOf('#')));
    await expect.poll(() => shared.page.locator('#clock').innerText()).toBe(clock);
    await expect.poll(() => classOf(stepItem(shared.page, 'create-endpoint'))).toMatch(/done/);
    await expect.poll(() => shared.page.locator('#action-createEndpoint').isDisabled()).toBe(true);
    // Rewind to the start: the commands are forgotten, the clock is back at T+0.
    await shared.page.click('#restart');
    await expect.poll(() => shared.page.locator('#clock').innerText()).toContain('T+0 ');
    await expect.poll(() => classOf(stepItem(shared.page, 'publish-txt'))).not.toMatch(/done/);
    expect([...problems, ...shared.problems]).toEqual([]);
  }, 60_000);

  test('every control is labelled, and 2,000 mailboxes keep only the visible rows in the page', async () => {
    const { page, problems } = await openDashboard(chromium);
    const unlabelled = await page.evaluate(() => Array.from(document.querySelectorAll('input, select, button')).filter((control) => {
      const element = control as HTMLInputElement;
      const labelled = element.labels !== null && element.labels.length > 0;
      return !labelled && !element.getAttribute('aria-label') && (element.tagName !== 'BUTTON' || element.textContent?.trim() === '');
    }).map((control) => control.outerHTML.slice(0, 80)));
    expect(unlabelled).toEqual([]);
    // A broken scenario file is reported in the header, with its line, and the page keeps working.
    await page.setInputFiles('#scenario-file', { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('organisation:\n  domian: contoso.com\n') });
    await page.click('#load-scenario');
    await expect.poll(() => page.locator('#load-status').innerText()).toContain('broken.yaml:2');
    await page.setInputFiles('#scenario-file', []);
    await page.selectOption('#scenario-select', 'max');
    await page.click('#load-scenario');
    await expect.poll(() => page.locator('#mailboxes .count').innerText()).toBe('2,000 of 2,000 mailboxes');
    await expect.poll(() => page.locator('#mailbox-table tbody tr:not(.spacer)').count()).toBeLessThan(60);
    await page.locator('.table-scroll').evaluate((element) => { element.scrollTop = 30_000; });
    await expect.poll(() => page.locator('#mailbox-table tbody tr:not(.spacer)').first().innerText()).not.toContain('user0001');
    await page.fill('#mailbox-filter', 'user1999');
    await expect.poll(() => page.locator('#mailboxes .count').innerText()).toBe('1 of 2,000 mailboxes');
    await page.click('button.sort[data-column="address"]');
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-2000-mailboxes.png') });
    expect(problems).toEqual([]);
  }, 60_000);
});
