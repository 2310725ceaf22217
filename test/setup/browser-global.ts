import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { runArtifactsDirectory } from './artifacts.js';
import { ensureChromium } from './chromium.js';
import { serveDashboardBuild } from './dashboard-server.js';

/**
 * The browser project's global setup (vitest.config.ts): runs once per `vitest run` that
 * includes a browser test, never otherwise. It finds Chromium (installing Debian's when
 * missing and allowed, test/setup/chromium.ts), starts ONE Chromium for every browser test
 * file, which connect to it over its websocket, serves ONE dashboard build, and makes this
 * run's artifacts folder. Test files reach all three through test/setup/browser.ts.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executablePath = ensureChromium();
  const server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const dashboard = await serveDashboardBuild();
  project.provide('browserRun', { endpoint: server.wsEndpoint(), dashboardUrl: dashboard.url, artifacts: runArtifactsDirectory(), executablePath });
  return async () => {
    await dashboard.close();
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's shared browser set-up (test/setup/browser-global.ts). */
    browserRun: { endpoint: string; dashboardUrl: string; artifacts: string; executablePath: string };
  }
}
