import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openDashboard } from './harness.js';
import { useBrowser } from '../../setup/browser.js';

/** The run's Chromium; each test's pages are given back after it (test/setup/browser.ts). */
const chromium = useBrowser();

/** Types a line at the console prompt, presses Enter and waits for its echo in the output. */
async function type(page: Page, line: string): Promise<void> {
  const echoes = () => page.locator('#console-output > span').filter({ hasText: `PS> ${line}` }).count();
  const before = await echoes();
  await page.fill('#console-input', line);
  await page.press('#console-input', 'Enter');
  await expect.poll(echoes).toBe(before + 1);
}

const lastBlock = (page: Page) => page.locator('#console-output > span').last();

describe('the migration console in the dashboard', () => {
  test('runs the cutover cmdlets, refuses as the buttons do, completes with Tab, recalls with Up and shares its commands', async () => {
    const { page, problems } = await openDashboard(chromium);
    // A refusal: the same reason the button shows, as a PowerShell error record.
    await type(page, 'Confirm-MgDomain -DomainId contoso.com');
    await expect.poll(() => lastBlock(page).getAttribute('class')).toBe('console-error');
    const error = await lastBlock(page).innerText();
    expect(error).toContain('FullyQualifiedErrorId : Microsoft.Exchange.Migration.MigrationPermanentException,Confirm-MgDomain');
    const reason = (await page.locator('#reason-verifyDomain').innerText()).trim();
    expect(reason.length).toBeGreaterThan(10);
    expect(error.replace(/\s+/g, ' ')).toContain(reason.replace(/\s+/g, ' ').replace(/\.$/, ''));

    await type(page, "Add-DnsServerResourceRecord -ZoneName contoso.com -Txt -Name '@' -DescriptiveText MS=ms1");
    await type(page, 'Wait-Time 20m');
    await expect.poll(() => page.locator('#clock').innerText()).toMatch(/^T\+20m\b/);
    await type(page, 'Confirm-MgDomain contoso.com');
    await type(page, 'Get-AcceptedDomain');
    await expect.poll(() => lastBlock(page).innerText()).toContain('contoso.com');
    await type(page, 'New-MigrationEndpoint -ExchangeOutlookAnywhere -Name CutoverEndpoint -Autodiscover -EmailAddress administrator@contoso.com -Credentials (Get-Credential)');
    await type(page, 'Test-MigrationServerAvailability -Endpoint CutoverEndpoint');
    await expect.poll(() => lastBlock(page).innerText()).toMatch(/Result\s+: Success/);
    // The button and the console are one action layer: the endpoint the console made disables the button.
    await expect.poll(() => page.locator('#action-createEndpoint').isDisabled()).toBe(true);

    // Tab completes the cmdlet, then the parameter; Up recalls the last line.
    await page.fill('#console-input', 'New-MigrationBa');
    await page.press('#console-input', 'Tab');
    await expect.poll(() => page.locator('#console-input').inputValue()).toBe('New-MigrationBatch');
    await page.fill('#console-input', 'New-MigrationBatch -Name CutoverBatch -Auto');
    await page.press('#console-input', 'Tab');
    await expect.poll(() => page.locator('#console-input').inputValue()).toMatch(/-AutoComplete$|-AutoStart$/);
    await page.press('#console-input', 'Tab');
    await expect.poll(() => page.locator('#console-input').inputValue()).toMatch(/-AutoComplete$|-AutoStart$/);
    await page.fill('#console-input', 'New-MigrationBatch -Name CutoverBatch -AutoStart');
    await page.press('#console-input', 'Enter');
    await expect.poll(() => page.locator('#batch [data-fact="status"]').innerText()).toMatch(/Created|Syncing/);
    await page.press('#console-input', 'ArrowUp');
    await expect.poll(() => page.locator('#console-input').inputValue()).toBe('New-MigrationBatch -Name CutoverBatch -AutoStart');
    await page.fill('#console-input', '');

    await type(page, 'Wait-Time -Until Synced');
    await type(page, 'Get-MigrationBatch');
    await expect.poll(() => lastBlock(page).innerText()).toMatch(/Identity\s+Status\s+Type\s+TotalCount/);
    await type(page, 'Get-MigrationUser | Select-Object -First 3');
    await expect.poll(() => lastBlock(page).innerText()).toMatch(/Identity\s+Batch\s+Status\s+LastSyncTime/);
    await type(page, 'Get-MigrationUserStatistics user0001@contoso.com | fl');
    await expect.poll(() => lastBlock(page).innerText()).toMatch(/SyncedItemCount\s+: \d+/);
    await type(page, 'Get-Mailbox | Select-Object -First 2 | ft Name,LicenseState');
    await expect.poll(() => lastBlock(page).innerText()).toMatch(/Name\s+LicenseState/);
    await type(page, 'Resolve-DnsName contoso.com -Type MX -Server 4');
    await expect.poll(() => lastBlock(page).innerText()).toMatch(/NameExchange/);
    await type(page, 'Get-MigrationEndpoint');
    await expect.poll(() => lastBlock(page).innerText()).toContain('CutoverEndpoint');
    await type(page, 'Stop-MigrationBatch CutoverBatch');
    await type(page, 'Start-MigrationBatch CutoverBatch');
    await type(page, 'Complete-MigrationBatch CutoverBatch');
    await type(page, 'Get-Nothing');
    await expect.poll(() => lastBlock(page).innerText()).toContain('CommandNotFoundException');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-console.png') });

    // The share link carries the console's commands: opened afresh, the batch exists.
    await page.click('#share');
    await expect.poll(() => page.locator('#share-link').inputValue()).toMatch(/#state=v1\./);
    const link = await page.locator('#share-link').inputValue();
    const shared = await openDashboard(chromium, link.slice(link.indexOf('#')));
    await expect.poll(() => shared.page.locator('#clock').innerText()).toBe(await page.locator('#clock').innerText());
    await expect.poll(() => shared.page.locator('#action-createBatch').isDisabled()).toBe(true);
    expect(shared.problems).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
