import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { serveDashboard } from '../../cli/serve/server.js';
import { DASHBOARD_CSP } from '../../cli/serve/static-files.js';

/** A raw GET, so the path is sent as written (fetch would normalise "/../"). */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const outgoing = request({ hostname, port, path, method: 'GET', headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += String(chunk); });
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

describe('cutover serve (cli/serve/server.ts)', () => {
  test('serves the built dashboard with its CSP, and no other file of the repository', async () => {
    const printed: string[] = [];
    const served = await serveDashboard({ port: 0, print: (line) => printed.push(line) });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(printed).toEqual([`cutover dashboard: ${served.url} (Ctrl+C to stop)`]);
      const page = await get(served.url, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Cutover twin — trainer dashboard');
      expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      expect(script).toBeDefined();
      expect((await get(served.url, `/${script}`)).status).toBe(200);
      for (const path of ['/src/main.ts', '/@fs/etc/passwd', `/@fs${process.cwd()}/package.json`, '/../package.json', '/%2e%2e/package.json', '/assets/../../package.json', '/.git/config', '/@vite/client', '/node_modules/vite/package.json']) {
        expect((await get(served.url, path)).status, path).toBe(404);
      }
      // Another Host (a DNS name rebound to 127.0.0.1 by some web page) is refused.
      expect((await get(served.url, '/', { host: 'attacker.example:80' })).status).toBe(421);
    } finally {
      await served.close();
    }
    await expect(fetch(served.url)).rejects.toThrow();
  }, 60_000);

  test('the page carries the same policy in a meta tag (the one truth for both)', () => {
    const html = readFileSync('web/index.html', 'utf8');
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]).toBe(DASHBOARD_CSP);
  });
});
