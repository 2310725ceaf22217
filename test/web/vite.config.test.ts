import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import config, { DEV_SERVER_ALLOW, DEV_SERVER_DENY } from '../../web/vite.config.js';

const REPO = resolve('.');

/** A raw GET, so the path is sent as written. */
function get(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const outgoing = request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += String(chunk); });
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

/** The module URLs a transformed module imports (Vite writes them as absolute paths from the server's root). */
const importsOf = (code: string): string[] =>
  [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\/[^"]+)"/g)].map((match) => match[1]!);

describe('web/vite.config.ts: what `npm run web` may serve', () => {
  test('the allow-list is the page and the source folders it imports, with node_modules; the deny list covers dotfiles, keys and .git', () => {
    expect(config.server?.fs?.strict).toBe(true);
    expect(config.server?.fs?.allow).toEqual([...DEV_SERVER_ALLOW]);
    expect(DEV_SERVER_ALLOW.map((folder) => folder.slice(REPO.length + 1)).sort()).toEqual(['console', 'model', 'node_modules', 'report', 'scenarios', 'sim', 'web']);
    expect(DEV_SERVER_ALLOW).not.toContain(REPO);
    expect(config.server?.fs?.deny).toEqual([...DEV_SERVER_DENY]);
    for (const pattern of ['.*', '.env', '.env.*', '.npmrc', '**/.git/**', '**/.ssh/**', 'id_rsa*', 'id_ed25519*']) expect(DEV_SERVER_DENY).toContain(pattern);
    expect(DEV_SERVER_DENY.some((pattern) => /\{[^}]*\bpem\b[^}]*\bkey\b/.test(pattern))).toBe(true);
    expect(config.server?.host).toBe('127.0.0.1');
    expect(config.publicDir).toBe(false);
  });

  describe('the dev server itself', () => {
    let server: ViteDevServer;
    let url: string;
    // A folder allowed on top of the config's, holding secrets: what the deny list alone must refuse.
    const secrets = mkdtempSync(join(tmpdir(), 'cutover-vite-deny-'));

    beforeAll(async () => {
      writeFileSync(join(secrets, 'allowed.txt'), 'served');
      for (const name of ['.env', '.env.local', '.npmrc', 'server.pem', 'tls.key', 'client.p12', 'id_rsa', 'id_ed25519.pub', 'kubeconfig.yaml']) writeFileSync(join(secrets, name), 'SECRET');
      mkdirSync(join(secrets, '.git'));
      writeFileSync(join(secrets, '.git', 'config'), 'SECRET');
      server = await createServer({
        configFile: resolve('web/vite.config.ts'), logLevel: 'silent', clearScreen: false,
        server: { port: 0, strictPort: false, hmr: false, fs: { allow: [secrets] } },
      });
      await server.listen();
      url = server.resolvedUrls?.local[0] ?? '';
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      rmSync(secrets, { recursive: true, force: true });
    });

    test('serves the page and every module it imports, none of them Node-only', async () => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await get(url, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('Cutover twin — trainer dashboard');
      expect(page.body).toContain('http-equiv="Content-Security-Policy"');
      // Every module of the page's import graph is served (so the allow-list is enough) and none
      // is a Node built-in swapped for Vite's browser stub (which throws in the page).
      const seen = new Set<string>();
      const refused: string[] = [];
      let next = ['/src/main.ts'];
      while (next.length > 0) {
        const batch = next.filter((path) => !seen.has(path));
        batch.forEach((path) => seen.add(path));
        const responses = await Promise.all(batch.map(async (path) => ({ path, ...(await get(url, path)) })));
        next = [];
        for (const response of responses) {
          if (response.status !== 200) refused.push(`${response.status} ${response.path}`);
          if (!response.path.includes('/node_modules/')) next.push(...importsOf(response.body));
        }
      }
      expect(refused).toEqual([]);
      expect([...seen].filter((path) => path.includes('__vite-browser-external') || /\bnode:/.test(path))).toEqual([]);
      // The graph reaches the simulation core, the console and the built-in scenarios.
      for (const folder of ['model', 'sim', 'console', 'report', 'scenarios']) {
        expect([...seen].some((path) => path.startsWith(`/@fs${REPO}/${folder}/`)), folder).toBe(true);
      }
    }, 120_000);

    test('refuses the rest of the repository, files outside it, and secrets even in an allowed folder', async () => {
      expect(await get(url, `/@fs${secrets}/allowed.txt`)).toMatchObject({ status: 200, body: expect.stringContaining('served') });
      for (const path of [
        `/@fs${REPO}/package.json`, `/@fs${REPO}/cli/main.ts`, `/@fs${REPO}/test/web/vite.config.test.ts`, `/@fs${REPO}/.gitignore`, '/@fs/etc/passwd',
        ...['.env', '.env.local', '.npmrc', 'server.pem', 'tls.key', 'client.p12', 'id_rsa', 'id_ed25519.pub', 'kubeconfig.yaml', '.git/config'].map((name) => `/@fs${secrets}/${name}`),
      ]) {
        const response = await get(url, path);
        expect(response.status, path).toBe(403);
        expect(response.body, path).not.toContain('SECRET');
      }
    }, 60_000);
  });
});
