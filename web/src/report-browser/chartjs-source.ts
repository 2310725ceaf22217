import library from 'chartjs-umd-source?raw';

/**
 * Browser stand-in for report/chartjs-source.ts, which reads the chart.js bundle from
 * node_modules with node:fs. Vite swaps it in (vite.config.ts) so the report renders in the
 * page; the escaping is the same as theirs, so the exported report is the same file.
 */
export function chartJsSource(): string {
  return library.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}
