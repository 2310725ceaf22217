import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { temporaryDirectory } from '../../fixtures/temporary.js';

/**
 * Builds the dashboard once (vite build, as `npm run build:web` does), serves the static files
 * on 127.0.0.1 with a tiny server, and drives Debian's chromium through playwright-core.
 * Chromium is installed by .ci/run; when it is missing this fails (never skips) and says how.
 */
const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve('test-artifacts');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install it with "apt-get update && apt-get install -y chromium" (as .ci/run does)`);
  const outDir = temporaryDirectory('web');
  await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A page that records console errors, page errors and failed requests. */
export async function openDashboard(harness: Harness, fragment = ''): Promise<{ page: Page; problems: string[] }> {
  const context = await harness.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request: ${request.url()}`));
  await page.goto(harness.url + fragment, { waitUntil: 'load' });
  await page.locator('#clock').filter({ hasText: 'T+' }).waitFor();
  return { page, problems };
}

export const countIn = (text: string, label: string): number => {
  const match = new RegExp(`${label.replace(/[()]/g, '\\$&')} ([\\d,]+)`).exec(text);
  if (match?.[1] === undefined) throw new Error(`"${label}" not found in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
};
