import type { Millis } from '../../../sim/index.js';

/** One line of the mailbox table, as the Exchange admin center's migration user list shows it (MMB). */
export interface MailboxRow {
  address: string;
  displayName: string;
  status: string;
  itemsSynced: number;
  /** Items skipped (large and corrupt): Get-MigrationUserStatistics SkippedItemCount. */
  skipped: number;
  bytesSynced: number;
  lastSyncAt?: Millis;
  error?: string;
  /** License state, with the grace left while unlicensed. */
  license: string;
  /** Where the user's Outlook connects. */
  outlook: string;
}

export type MailboxColumn = 'address' | 'displayName' | 'status' | 'itemsSynced' | 'skipped' | 'bytesSynced' | 'lastSyncAt' | 'error' | 'license' | 'outlook';

export interface TableQuery {
  /** Case-insensitive text matched against address, name, status and error. */
  filter: string;
  /** Only rows with this status ('' for all). */
  status: string;
  sortBy: MailboxColumn;
  descending: boolean;
}

export const DEFAULT_QUERY: TableQuery = { filter: '', status: '', sortBy: 'address', descending: false };

const compareValues = (a: string | number | undefined, b: string | number | undefined): number => {
  // Missing values (never synced, no error) sort after present ones in ascending order.
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
};

/** The rows to show, filtered and sorted; ties keep address order so the table never jitters. */
export function queryRows(rows: readonly MailboxRow[], query: TableQuery): MailboxRow[] {
  const needle = query.filter.trim().toLowerCase();
  const kept = rows.filter((row) => {
    if (query.status !== '' && row.status !== query.status) return false;
    if (needle === '') return true;
    return row.address.toLowerCase().includes(needle) || row.displayName.toLowerCase().includes(needle)
      || row.status.toLowerCase().includes(needle) || (row.error ?? '').toLowerCase().includes(needle);
  });
  const direction = query.descending ? -1 : 1;
  return kept.sort((a, b) => direction * compareValues(a[query.sortBy], b[query.sortBy]) || a.address.localeCompare(b.address));
}

/**
 * Which rows a scrolled viewport needs, with a few spare rows above and below: the table keeps
 * only these in the DOM, so 2,000 mailboxes scroll as smoothly as 20.
 */
export function visibleWindow(rowCount: number, scrollTop: number, viewportHeight: number, rowHeight: number, spare = 5): { first: number; last: number } {
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, last: -1 };
  // Scrolled past the end (the filter just shrank the list): show the last rows rather than nothing.
  const first = Math.min(rowCount - 1, Math.max(0, Math.floor(scrollTop / rowHeight) - spare));
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + Math.max(0, viewportHeight)) / rowHeight) + spare);
  return { first, last: Math.max(first, last) };
}

/** The statuses present, for the status filter's options. */
export const statusesOf = (rows: readonly MailboxRow[]): string[] => [...new Set(rows.map((row) => row.status))].sort();
