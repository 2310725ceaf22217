import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BUILT_DASHBOARD_HEADERS, builtDashboardServer, builtFileFor } from '../../cli/serve-built.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

const folder = temporaryDirectory('built-web');
const web = join(folder, 'web');
mkdirSync(join(web, 'assets'), { recursive: true });
writeFileSync(join(web, 'index.html'), '<!doctype html><title>dashboard</title>');
writeFileSync(join(web, 'assets', 'app.js'), 'export {};');
writeFileSync(join(folder, 'secret.txt'), 'outside the served folder');

const server = builtDashboardServer(web);
const listening = new Promise<string>((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the built dashboard server (cutover serve from the installed package)', () => {
  test('a folder gives its index.html; files inside are found; anything outside is not', () => {
    expect(builtFileFor(web, '/')).toBe(join(web, 'index.html'));
    expect(builtFileFor(web, '/assets/app.js?v=1')).toBe(join(web, 'assets', 'app.js'));
    expect(builtFileFor(web, '/../secret.txt')).toBeUndefined();
    expect(builtFileFor(web, '/%2e%2e/secret.txt')).toBeUndefined();
    expect(builtFileFor(web, '/..%2fsecret.txt')).toBeUndefined();
    expect(builtFileFor(web, '/assets')).toBeUndefined();
    expect(builtFileFor(web, '/%E0%A4%A')).toBeUndefined();
  });

  test('serves the files with their type and a strict CSP, refuses other methods', async () => {
    const base = await listening;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(BUILT_DASHBOARD_HEADERS['content-security-policy']);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>dashboard</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});
