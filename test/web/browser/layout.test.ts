import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, openDashboard, startHarness, type Harness } from './harness.js';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('the dashboard on a projector (1366×768)', () => {
  test('the first screen shows the clock, the batch, the guide and the console; values never break mid-word', async () => {
    const { page, problems } = await openDashboard(harness);
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      for (const selector of ['#clock', '#batch', '#guide', '#console']) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.y, selector).toBeLessThan(768 - 40);
      }
      const breaking = await page.evaluate(() => Array.from(document.querySelectorAll('dd, td, th, button'))
        .filter((element) => ['anywhere', 'break-word', 'break-all'].includes(getComputedStyle(element).overflowWrap) || getComputedStyle(element).wordBreak === 'break-all')
        .map((element) => element.textContent));
      expect(breaking).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-1366x768.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
