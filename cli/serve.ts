import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `cutover serve`: serves the trainer dashboard (web/) with Vite's dev server, the same as
 * `npm run web`, and prints its address. Vite is loaded only when this runs, so the rest of
 * the command line never pays for it.
 */
export async function serveDashboard(options: ServeOptions = {}): Promise<ServingDashboard> {
  // The installed package has the built dashboard and no sources (root is dist/ there).
  if (!existsSync(resolve(root, 'web/vite.config.ts')) && existsSync(resolve(root, 'web/index.html'))) return serveBuilt(resolve(root, 'web'), options);
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: resolve(root, 'web/vite.config.ts'),
    server: { port: options.port ?? 5173, host: options.host ?? '127.0.0.1', strictPort: options.port !== undefined },
    logLevel: 'warn',
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port ?? 5173;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  (options.print ?? ((line: string) => process.stdout.write(`${line}\n`)))(`cutover dashboard: ${url} (Ctrl+C to stop)`);
  return { url, close: () => server.close() };
}

async function serveBuilt(folder: string, options: ServeOptions): Promise<ServingDashboard> {
  const { builtDashboardServer } = await import('./serve-built.js');
  const server = builtDashboardServer(folder);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 5173, host, () => listening());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port ?? 5173;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  (options.print ?? ((line: string) => process.stdout.write(`${line}\n`)))(`cutover dashboard: ${url} (Ctrl+C to stop)`);
  return { url, close: () => new Promise<void>((closed) => { server.closeAllConnections(); server.close(() => closed()); }) };
}
