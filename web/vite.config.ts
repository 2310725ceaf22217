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

export default defineConfig({
  root: here,
  base: './',
  plugins: [reportInTheBrowser()],
  server: { host: '127.0.0.1', fs: { allow: [root] } },
  preview: { host: '127.0.0.1' },
  build: { outDir: resolve(root, 'dist/web'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
});
