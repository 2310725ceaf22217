import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/**
 * The dashboard's Content-Security-Policy, sent as a header and kept equal to the meta tag in
 * web/index.html (a test holds them together): scripts and styles from the page's own origin
 * only, no inline script, no plug-ins, nothing sent anywhere else. Inline styles are allowed,
 * as in the report (the charts and the virtual table size their elements).
 */
export const DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/**
 * A request handler that serves the files of one folder (the built dashboard) and nothing
 * else: GET and HEAD only, no path outside the folder (also through links), no hidden files,
 * no directory listings, and only for the expected Host (so a web page elsewhere cannot reach
 * it by rebinding a DNS name to 127.0.0.1).
 */
export function staticFiles(folder: string, allowedHosts: () => readonly string[]) {
  const root = realpathSync(folder);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const send = (status: number, body: string | Buffer = '', type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, {
        'content-type': type, 'content-security-policy': DASHBOARD_CSP, 'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer', 'cache-control': 'no-store', 'cross-origin-resource-policy': 'same-origin',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed\n');
    if (!allowedHosts().includes((request.headers.host ?? '').toLowerCase())) return send(421, 'Misdirected request\n');
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    } catch {
      return send(400, 'Bad request\n');
    }
    if (path.includes('\0') || path.split('/').some((part) => part.startsWith('.'))) return send(404, 'Not found\n');
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return send(404, 'Not found\n');
    const real = realpathSync(file);
    if (!real.startsWith(root + sep)) return send(404, 'Not found\n');
    send(200, readFileSync(real), TYPES[extname(real)] ?? 'application/octet-stream');
  };
}
