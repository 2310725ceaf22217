import { clear, el, panel } from '../dom.js';
import { formatCount } from '../format.js';
import type { DashboardView } from '../session/view.js';
import { batchListRows } from './admin-views.js';

const HEADINGS: { label: string; numeric?: boolean }[] = [
  { label: 'Name' }, { label: 'Status' }, { label: 'Total', numeric: true }, { label: 'Synced', numeric: true }, { label: 'Finalized', numeric: true }, { label: 'Failed', numeric: true },
];

/** The admin center's migration batch list (MMB), from the model's Get-MigrationBatch statistics. */
export class BatchListPanel {
  private readonly body = el('tbody');
  private readonly empty = el('p', { className: 'help', text: 'No migration batch. New-MigrationBatch (or the button) creates one.' });
  readonly element = panel('migration-batches', 'Migration batches',
    el('table', { id: 'batch-list', className: 'admin-table' },
      el('thead', {}, el('tr', {}, ...HEADINGS.map((heading) => el('th', { scope: 'col', className: heading.numeric ? 'numeric' : undefined, text: heading.label })))),
      this.body),
    this.empty);
  private shown = '';

  update(view: DashboardView): void {
    const rows = batchListRows(view.migrationStatistics);
    const key = JSON.stringify(rows);
    if (key === this.shown) return;
    this.shown = key;
    clear(this.body);
    this.empty.hidden = rows.length > 0;
    for (const row of rows) {
      const tone = row.status === 'Failed' ? 'tone-bad' : row.status === 'SyncedWithErrors' ? 'tone-warn' : row.status === 'Synced' ? 'tone-good' : undefined;
      this.body.append(el('tr', { 'data-batch': row.name },
        el('td', { text: row.name }),
        el('td', { className: tone, 'data-column': 'status', text: row.status }),
        el('td', { className: 'numeric', 'data-column': 'total', text: formatCount(row.total) }),
        el('td', { className: 'numeric', 'data-column': 'synced', text: formatCount(row.synced) }),
        el('td', { className: 'numeric', 'data-column': 'finalized', text: formatCount(row.finalized) }),
        el('td', { className: row.failed > 0 ? 'numeric tone-bad' : 'numeric', 'data-column': 'failed', text: formatCount(row.failed) })));
    }
  }
}
