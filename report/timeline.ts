import type { SimulationResult } from '../model/result.js';
import { escapeHtml } from './escape.js';
import { describeInstant } from './time-labels.js';

interface TimelineEntry {
  at: number;
  kind: 'action' | 'batch' | 'finding';
  what: string;
  detail: string;
  refused: boolean;
}

/** Admin actions and batch statuses merged in time order (actions first at equal times: they cause the statuses). */
export function timelineEntries(result: SimulationResult): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const action of result.actions) {
    entries.push({ at: action.at, kind: 'action', what: action.action, detail: action.detail, refused: action.outcome === 'refused' });
  }
  for (const change of result.batch.statusHistory) {
    entries.push({ at: change.at, kind: 'batch', what: `Batch ${change.status}`, detail: '', refused: false });
  }
  const order = { action: 0, batch: 1, finding: 2 };
  return entries.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);
}

export function timelineSection(result: SimulationResult): string {
  const rows = timelineEntries(result).map((entry) => {
    const outcome = entry.kind === 'action' ? (entry.refused ? '<span class="refused">refused</span>' : 'done') : '';
    return `<tr><td>${escapeHtml(describeInstant(entry.at, result.startDate, result.timeZone))}</td><td><span class="kind">${entry.kind === 'action' ? 'admin' : 'batch'}</span></td>`
      + `<td>${escapeHtml(entry.what)}</td><td>${outcome}</td><td>${escapeHtml(entry.detail)}</td></tr>`;
  });
  const body = rows.length === 0 ? '<tr><td colspan="5">No actions or status changes.</td></tr>' : rows.join('\n');
  return `<h2 id="timeline">Timeline</h2>
<table><thead><tr><th>When</th><th>Kind</th><th>What</th><th>Outcome</th><th>Detail</th></tr></thead>
<tbody>${body}</tbody></table>`;
}
