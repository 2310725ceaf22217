import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openDashboard } from './harness.js';
import { useBrowser } from '../../setup/browser.js';

/** The run's Chromium; each test's pages are given back after it (test/setup/browser.ts). */
const chromium = useBrowser();

/** Runs a line at the console prompt and gives back what it printed. */
async function consoleOutput(page: Page, line: string): Promise<string> {
  const blocks = page.locator('#console-output > span');
  const before = await blocks.count();
  await page.fill('#console-input', line);
  await page.press('#console-input', 'Enter');
  await expect.poll(() => blocks.count()).toBe(before + 1);
  return blocks.last().innerText();
}

/** A Format-List block's "Name : Value" pairs; wrapped values joined again. */
function listFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let last: string | undefined;
  for (const line of text.split('\n')) {
    const match = /^(\w+)\s+: ?(.*)$/.exec(line);
    if (match !== null) fields[(last = match[1]!)] = match[2]!.trim();
    else if (last !== undefined && /^\s+\S/.test(line)) fields[last] += ` ${line.trim()}`;
  }
  return fields;
}

const digits = (text: string): string => text.replace(/[^\d]/g, '');
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The pane's text for a Get-MigrationUserStatistics field. */
const pane = (page: Page, field: string) => page.locator(`#user-details dd[data-field="${field}"]`).innerText();

/** The details pane shows the figures the console's Get-MigrationUserStatistics prints for the same user, now. */
async function expectPaneMatchesConsole(page: Page, address: string): Promise<Record<string, string>> {
  await expect.poll(() => page.locator('#user-details-address').innerText()).toBe(address);
  const cmdlet = listFields(await consoleOutput(page, `Get-MigrationUserStatistics ${address} | Format-List`));
  expect(cmdlet.Identity).toBe(address);
  expect(await pane(page, 'Status')).toBe(cmdlet.Status);
  expect(digits(await pane(page, 'SyncedItemCount'))).toBe(cmdlet.SyncedItemCount);
  expect(digits((await pane(page, 'SkippedItemCount')).split(' ')[0]!)).toBe(cmdlet.SkippedItemCount);
  expect(/\(([\d,]+) bytes\)/.exec(await pane(page, 'BytesTransferred'))?.[1]?.replace(/,/g, '')).toBe(cmdlet.BytesTransferred);
  expect(await pane(page, 'PercentageComplete')).toBe(`${cmdlet.PercentageComplete}%`);
  expect(await pane(page, 'DataConsistencyScore')).toBe(cmdlet.DataConsistencyScore);
  const error = await pane(page, 'ErrorSummary');
  expect(words(error)).toBe(cmdlet.ErrorSummary === '' ? 'None' : words(cmdlet.ErrorSummary!));
  // The pane shows times to the minute, the console to the second.
  const last = await pane(page, 'LastSuccessfulSyncTime');
  expect(last === 'Never' ? '' : /^(T\+\S+)/.exec(last)?.[1]).toBe(/(T\+[^)\s]+)/.exec(cmdlet.LastSuccessfulSyncTime ?? '')?.[1]?.replace(/(\D)\d+s$/, '$1') ?? '');
  return cmdlet;
}

describe('the admin center views in chromium', () => {
  test('the batch list shows Get-MigrationBatch\'s counts; a clicked row (or Enter on it) opens the user\'s details with Get-MigrationUserStatistics\'s figures', async () => {
    const { page, problems } = await openDashboard(chromium);
    await page.selectOption('#scenario-select', 'hidden-mailboxes');
    await page.check('#run-plan');
    await page.click('#load-scenario');
    await expect.poll(() => page.locator('#scenario-title').innerText()).toContain('hidden-mailboxes');
    await expect.poll(() => page.locator('#batch-list tbody tr').count()).toBe(0);
    await page.fill('#jump-to', '2d');
    await page.click('#jump');
    await expect.poll(() => page.locator('#clock').innerText()).toMatch(/^T\+2d\b/);

    // The batch list: one batch, the same status and counts as Get-MigrationBatch.
    const row = page.locator('#batch-list tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const batch = listFields(await consoleOutput(page, 'Get-MigrationBatch | Format-List'));
    const cell = (column: string) => row.locator(`td[data-column="${column}"]`).innerText();
    expect(await row.locator('td').first().innerText()).toBe(batch.Identity);
    expect(await cell('status')).toBe(batch.Status);
    expect(digits(await cell('total'))).toBe(batch.TotalCount);
    expect(digits(await cell('synced'))).toBe(batch.SyncedCount);
    expect(digits(await cell('finalized'))).toBe(batch.FinalizedCount);
    expect(digits(await cell('failed'))).toBe(batch.FailedCount);
    expect(batch.FailedCount).toBe('5');
    expect(batch.TotalCount).toBe('40');

    // The Skipped column is there.
    expect(await page.locator('#mailbox-table thead').innerText()).toContain('Skipped');

    // A failed user by click: the error in full, the same text as the cmdlet's ErrorSummary.
    await page.selectOption('#mailbox-status', 'Failed');
    await expect.poll(() => page.locator('#mailbox-table tbody tr[data-address]').count()).toBe(5);
    const failedRow = page.locator('#mailbox-table tbody tr[data-address]').first();
    const failedAddress = (await failedRow.getAttribute('data-address'))!;
    await failedRow.locator('td').nth(1).click();
    await expect.poll(() => page.locator('#user-details').isVisible()).toBe(true);
    const failed = await expectPaneMatchesConsole(page, failedAddress);
    expect(failed.Status).toBe('Failed');
    expect(failed.ErrorSummary).toContain("couldn't be found in the on-premises domain");
    expect(await pane(page, 'ErrorSummary')).toContain('(it is hidden from address lists).');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-views-failed-user.png') });

    // Escape closes the pane and gives the keyboard back to the row.
    await page.focus('#user-details-close');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#user-details').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-address'))).toBe(failedAddress);

    // A synced user by keyboard: focus its row, press Enter.
    await page.selectOption('#mailbox-status', 'Synced');
    const syncedRow = page.locator('#mailbox-table tbody tr[data-address]').first();
    const syncedAddress = (await syncedRow.getAttribute('data-address'))!;
    await syncedRow.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#user-details').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('user-details-title');
    const synced = await expectPaneMatchesConsole(page, syncedAddress);
    expect(Number(synced.SyncedItemCount)).toBeGreaterThan(0);
    expect(synced.PercentageComplete).toBe('100');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-views-synced-user.png') });

    // The pane follows the clock: a day later its figures are still the cmdlet's.
    await page.fill('#jump-to', '3d');
    await page.click('#jump');
    await expect.poll(() => page.locator('#clock').innerText()).toMatch(/^T\+3d\b/);
    await expectPaneMatchesConsole(page, syncedAddress);
    expect(problems).toEqual([]);
  }, 120_000);

  test('user strings stay text: a display name with markup shows as written, and skipped items grade the user and the batch', async () => {
    const { page, problems } = await openDashboard(chromium);
    await page.setInputFiles('#scenario-file', { name: 'escaping.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ESCAPING_SCENARIO) });
    await page.check('#run-plan');
    await page.click('#load-scenario');
    await expect.poll(() => page.locator('#load-status').innerText()).toContain('escaping.yaml');
    await page.fill('#jump-to', '1d');
    await page.click('#jump');
    await expect.poll(() => page.locator('#batch-list td[data-column="failed"]').innerText()).toBe('1');
    const ann = page.locator('#mailbox-table tbody tr[data-address="ann@contoso.com"]');
    await expect.poll(() => ann.locator('td').nth(4).innerText()).toBe('4'); // the Skipped column
    await ann.click();
    await expect.poll(() => page.locator('#user-details-title').innerText()).toBe('<img src=x id=pwned>Ann & co');
    expect(await page.locator('#pwned').count()).toBe(0);
    const cmdlet = await expectPaneMatchesConsole(page, 'ann@contoso.com');
    expect(cmdlet.SkippedItemCount).toBe('4');
    expect(await pane(page, 'SkippedItemCount')).toBe('4 (3 too large, 1 corrupt)');
    expect(await pane(page, 'DataConsistencyScore')).toBe('Investigate');
    expect(listFields(await consoleOutput(page, 'Get-MigrationBatch | fl')).DataConsistencyScore).toBe('Investigate');
    expect(await page.locator('b').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});

/** Three mailboxes: one with markup in its name and skipped items, one hidden (it fails), one plain. */
const ESCAPING_SCENARIO = `name: admin-views-escaping
seed: 3
horizon: 2d
organisation:
  domain: contoso.com
  mailboxes:
    - { address: ann@contoso.com, displayName: "<img src=x id=pwned>Ann & co", size: 50 MB, largeItems: 3, badItems: 1 }
    - { address: bob@contoso.com, displayName: "Bob <b>bold</b>", size: 20 MB, hidden: true }
    - { address: carl@contoso.com, size: 10 MB }
plan:
  - { action: publish-verification-txt, at: 0s }
  - { action: verify-domain, at: 20m }
  - { action: create-endpoint, at: 30m }
  - { action: create-batch, at: 40m, name: CutoverBatch, autoStart: true }
`;
