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
  /** A page in a fresh context, closed after the test that opened it. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Call once at the top of a browser test file: connects before its tests, closes every
 * context a test opened after that test, and disconnects after the file.
 */
export function useBrowser(): BrowserFile {
  let browser: Browser | undefined;
  const open = new Set<BrowserContext>();
  beforeAll(async () => { browser = await connectBrowser(); });
  afterEach(async () => {
    await Promise.all([...open].map((context) => context.close()));
    open.clear();
  });
  afterAll(async () => { await browser?.close(); });
  return {
    get browser() {
      if (browser === undefined) throw new Error('the browser connects in beforeAll: use it inside a test');
      return browser;
    },
    async newPage(options) {
      const context = await this.browser.newContext(options);
      open.add(context);
      return context.newPage();
    },
  };
}
