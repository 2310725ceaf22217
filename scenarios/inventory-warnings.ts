import type { MailboxType } from '../model/organisation.js';
import { formatSize } from './size.js';

/**
 * What a planner should hear about an imported inventory before running it: rows the import
 * took but that a cutover treats specially. Warnings, not errors: the rows are in the scenario.
 */

export interface InventoryWarning {
  /** Spreadsheet row (the header is row 1), when the warning is about one row. */
  row?: number;
  code: string;
  message: string;
}

export interface ImportedRow {
  row: number;
  address: string;
  type: MailboxType;
  bytes: number;
  items: number;
  hidden: boolean;
  /** TotalItemSize or ItemCount was blank (a mailbox never logged on to has no statistics). */
  blank: boolean;
}

/** The export the import expects, for docs/import.md and the missing-column error (Exchange Management Shell). */
export const EXPORT_COMMAND = 'Get-Mailbox -ResultSize Unlimited | Select-Object DisplayName,PrimarySmtpAddress,RecipientTypeDetails,HiddenFromAddressListsEnabled,'
  + '@{n="TotalItemSize";e={(Get-MailboxStatistics $_.Identity).TotalItemSize}},@{n="ItemCount";e={(Get-MailboxStatistics $_.Identity).ItemCount}}'
  + ' | Export-Csv inventory.csv -NoTypeInformation -Encoding UTF8';

/** The usual Exchange Online mailbox quota (users-side facts: 50 GB or 100 GB with the license; assumption: the smaller). */
export const CLOUD_QUOTA_BYTES = 50 * 1024 ** 3;
/** Item counts at which a mailbox syncs slowly and strains Outlook (assumption: a million items). */
export const HUGE_ITEM_COUNT = 1_000_000;
/** The most mailboxes one cutover batch takes (CUT). */
export const CUTOVER_MAXIMUM = 2_000;

const RESOURCE_TYPES: ReadonlySet<MailboxType> = new Set(['SharedMailbox', 'RoomMailbox', 'EquipmentMailbox']);

/**
 * Warnings for imported rows. `mailboxes` is how many mailboxes were imported (system
 * mailboxes and bad rows left out): the number the 2,000 limit is about. Without split the
 * import refuses more than that (CSV_TOO_MANY_MAILBOXES), so `over-2000` is only ever the
 * warning of a split import.
 */
export function inventoryWarnings(rows: readonly ImportedRow[], domains: readonly string[], mailboxes: number): InventoryWarning[] {
  const warnings: InventoryWarning[] = [];
  for (const row of rows) {
    const at = { row: row.row };
    if (row.blank) warnings.push({ ...at, code: 'blank-size', message: `${row.address} has no size or item count (never logged on to?); imported as empty, so its sync time is underestimated` });
    if (row.bytes > CLOUD_QUOTA_BYTES) warnings.push({ ...at, code: 'over-quota', message: `${row.address} holds ${formatSize(row.bytes)}, over the ${formatSize(CLOUD_QUOTA_BYTES)} cloud mailbox quota: the sync stops at the quota unless the license gives more; archive first` });
    if (row.items > HUGE_ITEM_COUNT) warnings.push({ ...at, code: 'huge-item-count', message: `${row.address} has ${row.items} items: per-item overhead makes its sync slow; clean up or archive first` });
    if (row.hidden) warnings.push({ ...at, code: 'hidden', message: `${row.address} is hidden from the address lists: a cutover batch fails it; unhide it before the migration` });
    if (RESOURCE_TYPES.has(row.type)) warnings.push({ ...at, code: 'shared-or-resource', message: `${row.address} is a ${row.type}: check its type in Microsoft 365 after the migration and convert it if needed; a shared mailbox under 50 GB needs no license, but counts in the batch like any other` });
    const domain = row.address.split('@')[1] ?? '';
    if (!domains.includes(domain)) warnings.push({ ...at, code: 'other-domain', message: `${row.address} is not in the accepted domains (${domains.join(', ')}): add its domain with --domains and verify it in the tenant, or its mail cannot be routed to Microsoft 365` });
  }
  if (mailboxes > CUTOVER_MAXIMUM) {
    const parts = Math.ceil(mailboxes / CUTOVER_MAXIMUM);
    warnings.push({ code: 'over-2000', message: `${mailboxes} mailboxes, more than the ${CUTOVER_MAXIMUM} one cutover batch takes: split into ${parts} plans of at most ${CUTOVER_MAXIMUM}, run one after another (a staged or hybrid migration fits an organisation this large better)` });
  }
  return warnings;
}
