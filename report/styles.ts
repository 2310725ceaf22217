/** The report's stylesheet: system fonts, restrained colours, contrast that prints and reads well. */
export const REPORT_CSS = `
:root { --ink: #1f2937; --muted: #4b5563; --line: #d1d5db; --panel: #f9fafb; --ok: #2e7d32; --bad: #b83232; --warn: #a15c00; --accent: #1f6fb2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.verdict { padding: 12px 16px; border-radius: 6px; font-weight: 600; border-left: 6px solid; background: var(--panel); }
.verdict.ok { border-color: var(--ok); color: var(--ok); }
.verdict.bad { border-color: var(--bad); color: var(--bad); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 16px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card .value { font-size: 1.4rem; font-weight: 600; }
.card .label { color: var(--muted); font-size: 0.85rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 18px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 12px; }
figure h3 { margin: 0; font-size: 1rem; }
figcaption { color: var(--muted); font-size: 0.85rem; margin: 2px 0 8px; }
.chart-box { position: relative; height: 260px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.severity-error { color: var(--bad); font-weight: 600; }
.severity-warning { color: var(--warn); font-weight: 600; }
.severity-info { color: var(--muted); }
.refused { color: var(--bad); }
.kind { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
.note { color: var(--muted); font-size: 0.85rem; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.8rem; }
@media print { .charts { grid-template-columns: 1fr; } figure { break-inside: avoid; } }
`;
