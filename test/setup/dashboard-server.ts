import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

export interface DashboardServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The trainer dashboard as `npm run build:web` builds it, served as static files on
 * 127.0.0.1. The Vite build runs once, on the first request, so a run of only the report's
 * browser tests never pays for it; every later request (from any test file) reuses it.
 */
export async function serveDashboardBuild(root = resolve('.')): Promise<DashboardServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'cutover-dashboard-'));
  let built: Promise<void> | undefined;
  const build = () => (built ??= import('vite').then(({ build: viteBuild }) => viteBuild({
    configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true },
  })).then(() => undefined));
  const server = createServer((request, response) => {
    build().then(() => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(outDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    }, (error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(`dashboard build failed: ${error.message}`);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await built?.catch(() => undefined);
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
