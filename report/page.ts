import { createHash } from 'node:crypto';
import type { ChartSpec } from './charts.js';
import { chartJsSource } from './chartjs-source.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { REPORT_CSS } from './styles.js';

export interface PageParts {
  title: string;
  subtitle: string;
  /** Markup placed before the charts; already escaped by its builder. */
  before: string;
  charts: ChartSpec[];
  /** Markup placed after the charts; already escaped by its builder. */
  after: string;
  footer: string;
}

const scriptHash = (source: string): string => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;

/**
 * One self-contained HTML page: styles, chart.js and the chart data inline, no network.
 * The content security policy only lets the two known scripts run (by hash), so even a
 * string that escaped escaping could not run a handler or load anything.
 */
export function renderPage(parts: PageParts): string {
  const library = chartJsSource();
  const policy = [
    "default-src 'none'",
    `script-src ${scriptHash(library)} ${scriptHash(CLIENT_SCRIPT)}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const figures = parts.charts.map((chart) => `<figure><h3>${escapeHtml(chart.title)}</h3><figcaption>${escapeHtml(chart.caption)}</figcaption>`
    + `<div class="chart-box"><canvas id="${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(parts.title)}</h1>
<p class="subtitle">${escapeHtml(parts.subtitle)}</p>
${parts.before}
${figures.length > 0 ? `<h2 id="charts">Charts</h2>\n<div class="charts">\n${figures.join('\n')}\n</div>` : ''}
${parts.after}
<footer>${escapeHtml(parts.footer)}</footer>
</main>
<script type="application/json" id="report-data">${jsonForScript({ charts: parts.charts })}</script>
<script>${library}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
