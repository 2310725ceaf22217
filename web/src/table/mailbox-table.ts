import { clear, el, panel, setText } from '../dom.js';
import { formatBytes, formatCount, formatTime } from '../format.js';
import { DEFAULT_QUERY, queryRows, statusesOf, visibleWindow, type MailboxColumn, type MailboxRow, type TableQuery } from './mailbox-rows.js';

const ROW_HEIGHT = 32;
const COLUMNS: { key: MailboxColumn; label: string; numeric?: boolean }[] = [
  { key: 'address', label: 'Email address' },
  { key: 'displayName', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'itemsSynced', label: 'Items synced', numeric: true },
  { key: 'skipped', label: 'Skipped', numeric: true },
  { key: 'bytesSynced', label: 'Size synced', numeric: true },
  { key: 'lastSyncAt', label: 'Last successful sync' },
  { key: 'license', label: 'License' },
  { key: 'outlook', label: 'Outlook connects to' },
  { key: 'error', label: 'Error' },
];

/**
 * The migration users list: sortable, filterable, and virtualised (only the rows in view are in
 * the DOM, between two spacer rows), so it stays smooth with the 2,000 mailboxes a cutover allows.
 * A row opens the user's details (click, or Enter on a focused row), where the error shows in full.
 */
export class MailboxTable {
  readonly element: HTMLElement;
  private query: TableQuery = { ...DEFAULT_QUERY };
  private rows: MailboxRow[] = [];
  private shown: MailboxRow[] = [];
  private startDate: string | undefined;
  private readonly body = el('tbody');
  private readonly scroller: HTMLElement;
  private readonly statusSelect = el('select', { id: 'mailbox-status' }, el('option', { value: '', text: 'All statuses' }));
  private readonly count = el('p', { className: 'count', 'aria-live': 'polite' });
  private readonly sortButtons = new Map<MailboxColumn, HTMLButtonElement>();
  private knownStatuses = '';

  /** `open` is called with a row's address and a function that focuses that row again (for when the details close). */
  constructor(private readonly open: (address: string, refocus: () => void) => void = () => undefined) {
    this.body.addEventListener('click', (event) => this.openFrom(event.target));
    this.body.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      this.openFrom(event.target);
    });
    const filter = el('input', { id: 'mailbox-filter', type: 'search', placeholder: 'address, name, status or error' });
    filter.addEventListener('input', () => this.setQuery({ filter: filter.value }));
    this.statusSelect.addEventListener('change', () => this.setQuery({ status: this.statusSelect.value }));
    const headerRow = el('tr');
    for (const column of COLUMNS) {
      const button = el('button', { type: 'button', className: 'sort', text: column.label, 'data-column': column.key });
      button.addEventListener('click', () => this.sortBy(column.key));
      this.sortButtons.set(column.key, button);
      headerRow.append(el('th', { scope: 'col', className: column.numeric ? 'numeric' : undefined }, button));
    }
    this.scroller = el('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Mailboxes (scrollable)' },
      el('table', { id: 'mailbox-table' }, el('thead', {}, headerRow), this.body));
    this.scroller.addEventListener('scroll', () => this.draw(), { passive: true });
    this.element = panel('mailboxes', 'Mailboxes',
      el('div', { className: 'table-tools' },
        el('label', { for: 'mailbox-filter', text: 'Filter' }), filter,
        el('label', { for: 'mailbox-status', text: 'Status' }), this.statusSelect, this.count),
      this.scroller);
    this.markSort();
  }

  update(rows: MailboxRow[], startDate?: string): void {
    this.rows = rows;
    this.startDate = startDate;
    const statuses = statusesOf(rows);
    if (statuses.join('|') !== this.knownStatuses) {
      this.knownStatuses = statuses.join('|');
      const selected = this.statusSelect.value;
      while (this.statusSelect.options.length > 1) this.statusSelect.remove(1);
      for (const status of statuses) this.statusSelect.append(el('option', { value: status, text: status }));
      this.statusSelect.value = statuses.includes(selected) ? selected : '';
    }
    this.refresh();
  }

  private setQuery(change: Partial<TableQuery>): void {
    this.query = { ...this.query, ...change };
    this.refresh();
  }

  private sortBy(column: MailboxColumn): void {
    this.setQuery({ sortBy: column, descending: this.query.sortBy === column ? !this.query.descending : false });
    this.markSort();
  }

  private markSort(): void {
    for (const [column, button] of this.sortButtons) {
      const header = button.parentElement;
      if (column === this.query.sortBy) header?.setAttribute('aria-sort', this.query.descending ? 'descending' : 'ascending');
      else header?.removeAttribute('aria-sort');
    }
  }

  private refresh(): void {
    this.shown = queryRows(this.rows, this.query);
    setText(this.count, `${formatCount(this.shown.length)} of ${formatCount(this.rows.length)} mailboxes`);
    this.draw();
  }

  private openFrom(target: EventTarget | null): void {
    const row = target instanceof Element ? target.closest('tr[data-address]') : null;
    const address = row?.getAttribute('data-address');
    if (address === null || address === undefined) return;
    this.open(address, () => this.focusRow(address));
  }

  /** Focuses the row of `address` if it is drawn (rows are redrawn every frame, so the element may be new). */
  private focusRow(address: string): void {
    const rows = this.body.querySelectorAll<HTMLElement>('tr[data-address]');
    for (let index = 0; index < rows.length; index++) {
      if (rows[index]!.getAttribute('data-address') === address) rows[index]!.focus({ preventScroll: true });
    }
  }

  private draw(): void {
    // A redraw replaces the rows: keep the keyboard on the row that had it.
    const active = document.activeElement;
    const focused = active instanceof Element && this.body.contains(active) ? active.getAttribute('data-address') : null;
    const { first, last } = visibleWindow(this.shown.length, this.scroller.scrollTop, this.scroller.clientHeight || 400, ROW_HEIGHT);
    clear(this.body);
    const spacer = (rows: number) => el('tr', { className: 'spacer', 'aria-hidden': 'true', style: `height:${rows * ROW_HEIGHT}px` });
    if (first > 0) this.body.append(spacer(first));
    for (let index = first; index <= last; index++) {
      const row = this.shown[index];
      if (row !== undefined) this.body.append(this.rowElement(row));
    }
    if (last < this.shown.length - 1) this.body.append(spacer(this.shown.length - 1 - last));
    if (focused !== null) this.focusRow(focused);
  }

  private rowElement(row: MailboxRow): HTMLTableRowElement {
    const tone = row.status === 'Failed' ? 'tone-bad' : row.status.startsWith('Synced') ? 'tone-good' : undefined;
    return el('tr', { tabindex: 0, 'data-address': row.address, className: 'opens', 'aria-haspopup': 'dialog' },
      el('td', { text: row.address }),
      el('td', { text: row.displayName }),
      el('td', { className: tone, text: row.status }),
      el('td', { className: 'numeric', text: formatCount(row.itemsSynced) }),
      el('td', { className: row.skipped > 0 ? 'numeric tone-warn' : 'numeric', text: formatCount(row.skipped) }),
      el('td', { className: 'numeric', text: formatBytes(row.bytesSynced) }),
      el('td', { text: formatTime(row.lastSyncAt, this.startDate) }),
      el('td', { className: row.license.startsWith('grace') ? 'tone-warn' : row.license === 'disabled' || row.license === 'deleted' ? 'tone-bad' : undefined, text: row.license }),
      el('td', { text: row.outlook }),
      el('td', { className: row.error === undefined ? 'error' : 'error tone-bad', title: row.error, text: row.error ?? '' }));
  }
}
