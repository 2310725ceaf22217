import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/**
 * The report renderer (report/) reads chart.js with node:fs and hashes with node:crypto.
 * In the browser those two imports are swapped for the stand-ins in web/src/report-browser/,
 * so "Export report" runs the same renderer as the CLI. chart.js's UMD bundle (which the report
 * inlines) is read as text under the name `chartjs-umd-source?raw`.
 */
function reportInTheBrowser(): Plugin {
  return {
    name: 'cutover-report-in-the-browser',
    enforce: 'pre',
    resolveId(source, importer) {
      // chart.js does not export its UMD bundle as a subpath, so the text is taken from the file.
      if (source === 'chartjs-umd-source?raw') return `${resolve(root, 'node_modules/chart.js/dist/chart.umd.min.js')}?raw`;
      if (importer === undefined || !resolve(importer).startsWith(resolve(root, 'report'))) return null;
      if (source === './chartjs-source.js') return resolve(here, 'src/report-browser/chartjs-source.ts');
      if (source === 'node:crypto') return resolve(here, 'src/report-browser/node-crypto.ts');
      return null;
    },
  };
}

/**
 * What `npm run web` may read from disk: the page's own folder and the source folders it
 * imports (model, sim, report, console, scenarios), and the packages (with Vite's pre-bundled
 * copies under node_modules/.vite). Nothing else of the repository (cli/, test/, deploy/, the
 * root's files) is reachable through /@fs/. Vite adds its own client folder.
 */
export const DEV_SERVER_ALLOW: readonly string[] = ['web', 'model', 'sim', 'report', 'console', 'scenarios', 'node_modules'].map((folder) => resolve(root, folder));

/**
 * Never served, even inside an allowed folder: any dotfile (.env, .npmrc, .gitignore, …), keys
 * and certificates, SSH keys, kubeconfigs, and whatever is under .git or .ssh. Vite's own
 * defaults are kept in the list: giving a deny list replaces them.
 */
export const DEV_SERVER_DENY: readonly string[] = [
  '.*', '.env', '.env.*', '.npmrc', '.yarnrc.yml', '.netrc',
  '*.{pem,key,crt,cer,der,csr,p12,pfx,jks,keystore,gpg,asc,kdbx}',
  'id_rsa*', 'id_dsa*', 'id_ecdsa*', 'id_ed25519*', '*kubeconfig*',
  '**/.git/**', '**/.ssh/**',
];

export default defineConfig({
  root: here,
  base: './',
  plugins: [reportInTheBrowser()],
  // No public folder: every file the page needs is imported, so nothing is served by name alone.
  publicDir: false,
  server: { host: '127.0.0.1', fs: { strict: true, allow: [...DEV_SERVER_ALLOW], deny: [...DEV_SERVER_DENY] } },
  preview: { host: '127.0.0.1' },
  build: { outDir: resolve(root, 'dist/web'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
