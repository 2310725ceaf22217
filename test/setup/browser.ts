import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

/**
 * What a browser test file uses (docs/testing.md, "Browser tests"): the run's one Chromium,
 * the run's one dashboard build, and the run's artifacts folder, all set up once by
 * test/setup/browser-global.ts. Only files of the `browser` project (vitest.config.ts) get them.
 */
const run = () => {
  const provided = inject('browserRun');
  if (provided === undefined) throw new Error('browser tests must live under test/**/browser/ or be named browser.test.ts (the browser project in vitest.config.ts)');
  return provided;
};

/** This run's artifacts folder (test-artifacts/<run>/), and a file in it. */
export const artifactsDirectory = (): string => run().artifacts;
export const artifactPath = (name: string): string => join(artifactsDirectory(), name);
/** The address of this run's dashboard build. */
export const dashboardUrl = (): string => run().dashboardUrl;

/** A connection to the run's shared Chromium; close it (not the browser) when done. */
export const connectBrowser = (): Promise<Browser> => chromium.connect(run().endpoint);

export interface BrowserFile {
  /** The connection, once the file's tests have started. */
  readonly browser: Browser;
  /**
   * A page with nothing loaded and no listeners, given back after the test that took it. Pages
   * are reused within the file (a new one costs Chromium a renderer process, 1.5-3 s of CPU on
   * a 2-core machine): one context per set of options other than the viewport, which is set on
   * the page. So a test must not close the page or its context itself.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/** Chromium's own default when a test names no viewport. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/**
 * Call once at the top of a browser test file: connects before its tests, gives back (unloaded,
 * listeners removed) every page a test took after that test, and closes its contexts and the
 * connection after the file.
 */
export function useBrowser(): BrowserFile {
  let browser: Browser | undefined;
  const contexts = new Map<string, { context: BrowserContext; idle: Page[] }>();
  const taken = new Map<Page, Page[]>();
  beforeAll(async () => { browser = await connectBrowser(); });
  afterEach(async () => {
    const pages = [...taken];
    taken.clear();
    await Promise.all(pages.map(async ([page, idle]) => {
      page.removeAllListeners();
      await page.goto('about:blank');
      idle.push(page);
    }));
  });
  afterAll(async () => {
    await Promise.all([...contexts.values()].map(({ context }) => context.close()));
    await browser?.close();
  });
  return {
    get browser() {
      if (browser === undefined) throw new Error('the browser connects in beforeAll: use it inside a test');
      return browser;
    },
    async newPage(options = {}) {
      const { viewport, ...rest } = options;
      const key = JSON.stringify(rest);
      let pool = contexts.get(key);
      if (pool === undefined) {
        pool = { context: await this.browser.newContext(rest), idle: [] };
        contexts.set(key, pool);
      }
      const page = pool.idle.pop() ?? await pool.context.newPage();
      await page.setViewportSize(viewport ?? DEFAULT_VIEWPORT);
      // A reused page left behind a newer one gets one animation frame a second, and every
      // action waits for stable frames: in front, it renders at full rate again.
      await page.bringToFront();
      taken.set(page, pool.idle);
      return page;
    },
  };
}
