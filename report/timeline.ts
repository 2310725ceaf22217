import type { SimulationResult } from '../model/result.js';
import { escapeHtml } from './escape.js';
import { eventTimeline } from './event-timeline.js';
import { describeInstant } from './time-labels.js';

/** The run's event timeline (the same entries the dashboard lists: report/event-timeline.ts). */
export function timelineSection(result: SimulationResult): string {
  const rows = eventTimeline(result).map((entry) => `<tr><td>${escapeHtml(describeInstant(entry.at, result.startDate, result.timeZone))}</td><td><span class="kind">${entry.kind}</span></td>`
    + `<td>${entry.bad ? `<span class="refused">${escapeHtml(entry.what)}</span>` : escapeHtml(entry.what)}</td><td>${escapeHtml(entry.detail)}</td></tr>`);
  const body = rows.length === 0 ? '<tr><td colspan="4">No actions or status changes.</td></tr>' : rows.join('\n');
  return `<h2 id="timeline">Timeline</h2>
<table><thead><tr><th>When</th><th>Kind</th><th>What</th><th>Detail</th></tr></thead>
<tbody>${body}</tbody></table>`;
}
