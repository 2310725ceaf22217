import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, openDashboard } from './harness.js';
import { useBrowser } from '../../setup/browser.js';

/** The run's Chromium; each test's pages are given back after it (test/setup/browser.ts). */
const chromium = useBrowser();

describe('the event timeline in chromium', () => {
  test('lists the run\'s events, clicking one moves the clock there, and the inbound chart marks the MX switch', async () => {
    const { page, problems } = await openDashboard(chromium);
    await page.click('button[data-preset="early-batch-delete"]');
    await expect.poll(() => page.locator('#scenario-title').innerText()).toContain('early-batch-delete');
    await page.fill('#jump-to', '8d');
    await page.click('#jump');
    await expect.poll(() => page.locator('#clock').innerText()).toContain('T+8d');
    const entries = page.locator('#timeline-list button.timeline-entry');
    await expect.poll(() => entries.count()).toBeGreaterThan(3);
    const texts = await entries.allInnerTexts();
    expect(texts.some((text) => /createBatch done/.test(text)), texts.join('\n')).toBe(true);
    expect(texts.some((text) => /Batch Synced|Batch SyncedWithErrors/.test(text)), texts.join('\n')).toBe(true);
    expect(texts.some((text) => /switchMx done/.test(text) && /dns/i.test(text)), texts.join('\n')).toBe(true);
    // The MX switch is marked on the inbound chart (the same marker source as the report).
    const switchAt = Number(await entries.filter({ hasText: /switchMx done/ }).first().getAttribute('data-at'));
    await expect.poll(() => page.locator('#inbound-chart').getAttribute('data-markers')).toContain(`MX switch@${(switchAt / 86_400_000).toFixed(3)}`);
    // Click the batch's Synced entry: the clock moves back to exactly its time.
    const synced = entries.filter({ hasText: /Batch Synced/ }).first();
    const at = Number(await synced.getAttribute('data-at'));
    const shown = (await synced.locator('code').innerText()).split(' ')[0]!;
    await synced.click();
    await expect.poll(() => page.locator('#clock').innerText()).toMatch(new RegExp(`^${shown.replace('+', '\\+')}`));
    expect(at).toBeGreaterThan(0);
    // After the rewind the timeline ends at the clicked entry: nothing later is listed.
    await expect.poll(async () => Math.max(...(await entries.evaluateAll((buttons) => buttons.map((button) => Number(button.getAttribute('data-at'))))))).toBe(at);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-timeline.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);

  test('the tracer tells a stranded message\'s path in plain words, with the sender\'s MX look-up', async () => {
    const { page, problems } = await openDashboard(chromium);
    await page.click('button[data-preset="early-batch-delete"]');
    await expect.poll(() => page.locator('#scenario-title').innerText()).toContain('early-batch-delete');
    await page.fill('#jump-to', '8d');
    await page.click('#jump');
    await expect.poll(() => page.locator('#clock').innerText()).toContain('T+8d');
    await page.selectOption('#tracer-fate', 'stranded');
    await page.click('#tracer-find');
    await page.click('#tracer-show');
    const path = page.locator('#tracer-output ol.path');
    await expect.poll(() => path.innerText()).toContain('accepted by the old on-premises Exchange server');
    const text = await path.innerText();
    expect(text).toMatch(/looked up the MX record: resolver \d+ → \S+ \((cached answer, TTL left|asked the domain's name servers)/);
    expect(text).not.toMatch(/accepted:old-host|delivered:on-prem|mx-lookup/);
    expect(problems).toEqual([]);
  }, 120_000);
});
