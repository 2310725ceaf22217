import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticFiles } from './static-files.js';

export interface ServeOptions {
  /** Port to listen on; 0 picks a free one (default 5173, Vite's). */
  port?: number;
  /** Address to listen on (default 127.0.0.1: the dashboard is for this machine unless asked). */
  host?: string;
  /** Where the address is printed (default stdout). */
  print?: (line: string) => void;
}

export interface ServingDashboard {
  url: string;
  close(): Promise<void>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `cutover serve`: builds the trainer dashboard (as `npm run build:web` does, into a fresh
 * temporary folder) and serves that folder and nothing else: no source file, no /@fs/, no
 * other file of the repository, with the dashboard's Content-Security-Policy as a header.
 * Vite is loaded only when this runs, so the rest of the command line never pays for it.
 */
export async function serveDashboard(options: ServeOptions = {}): Promise<ServingDashboard> {
  // The installed package ships the built dashboard and no sources (root is dist/ there): serve it as it is.
  const shipped = resolve(root, 'web');
  const installed = !existsSync(resolve(root, 'web/vite.config.ts')) && existsSync(resolve(shipped, 'index.html'));
  const folder = installed ? shipped : await buildDashboard();
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 5173;
  const hostName = host.includes(':') ? `[${host}]` : host;
  const allowed = () => [`${hostName}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`].map((name) => name.toLowerCase());
  const server = createServer(staticFiles(folder, allowed));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  if (typeof address === 'object' && address !== null) port = address.port;
  const url = `http://${hostName}:${port}/`;
  (options.print ?? ((line: string) => process.stdout.write(`${line}\n`)))(`cutover dashboard: ${url} (Ctrl+C to stop)`);
  return {
    url,
    close: () => new Promise<void>((done) => {
      server.close(() => {
        if (!installed) rmSync(folder, { recursive: true, force: true });
        done();
      });
      server.closeAllConnections();
    }),
  };
}

/** Builds the dashboard as `npm run build:web` does, into a fresh temporary folder. */
async function buildDashboard(): Promise<string> {
  const { build } = await import('vite');
  const folder = mkdtempSync(join(tmpdir(), 'cutover-dashboard-'));
  try {
    await build({ configFile: resolve(root, 'web/vite.config.ts'), logLevel: 'warn', build: { outDir: folder, emptyOutDir: true } });
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return folder;
}
