import { parse } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { InputError, safeText } from '../sim/index.js';
import { LIMITS } from './bounds.js';
import type { MailboxType } from '../model/organisation.js';
import { articlePlan } from './article-plan.js';
import { parseScenario, type LoadedScenario } from './parse.js';
import type { ScenarioFile } from './schema.js';
import { formatSize, parseSize } from './size.js';
import { detectDelimiter, readInventorySize, readItemCount } from './inventory-format.js';
import { EXPORT_COMMAND, inventoryWarnings, type ImportedRow, type InventoryWarning } from './inventory-warnings.js';

/**
 * Import of a mailbox inventory exported from Exchange, for example
 *   Get-Mailbox | Get-MailboxStatistics ... | Export-Csv inventory.csv
 * with DisplayName, PrimarySmtpAddress, TotalItemSize ("1.234 GB (1,324,567,890 bytes)"),
 * ItemCount, RecipientTypeDetails and HiddenFromAddressListsEnabled. Parsed with csv-parse
 * (UTF-8 BOM, quoted commas, CRLF). A malformed row stops the import unless `keepGoing`.
 */

export interface RowProblem {
  /** Record number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** Line of the file where the row ends (differs from `row` when a quoted field spans lines). */
  line: number;
  column: string;
  message: string;
}

export interface InventoryImport {
  scenario: { text: string; data: ScenarioFile; loaded: LoadedScenario };
  problems: RowProblem[];
  /** Rows left out on purpose (system mailboxes a cutover does not move). */
  skipped: { row: number; address: string; reason: string }[];
  /** With `split`: every part in order (the first is `scenario`); otherwise just `scenario`. */
  parts?: InventoryImport['scenario'][];
  /** Things a planner should know about rows that were imported (scenarios/inventory-warnings.ts). */
  warnings: InventoryWarning[];
}

export interface InventoryOptions {
  fileName: string;
  /** The organisation's domain; default: the most common domain among the addresses. */
  domain?: string;
  /** Import the good rows and list the bad ones, instead of stopping at the first bad row. */
  keepGoing?: boolean;
  /** Scenario name; default: from the file name. */
  name?: string;
  /**
   * More mailboxes than one cutover batch takes (2,000: CUT) are refused; with `split` they
   * become several scenarios of at most that many each (`parts`), in the file's order.
   */
  split?: boolean;
  /** Accepted domains; the first is the organisation's. Addresses in other domains get a warning. */
  domains?: string[];
  /** Calendar of the plan: ISO start date and IANA zone, written to the scenario. */
  startDate?: string;
  timeZone?: string;
  /** A horizon to write (e.g. "30d"); default none, so the run covers the plan plus a margin. */
  horizon?: string;
}

const REQUIRED = ['DisplayName', 'PrimarySmtpAddress', 'TotalItemSize', 'ItemCount', 'RecipientTypeDetails', 'HiddenFromAddressListsEnabled'] as const;
type Column = (typeof REQUIRED)[number];

/** A Map, not an object: a cell of `constructor` or `__proto__` must not find Object's own properties. */
const TYPES = new Map<string, MailboxType>([
  ['usermailbox', 'UserMailbox'], ['linkedmailbox', 'UserMailbox'], ['sharedmailbox', 'SharedMailbox'], ['roommailbox', 'RoomMailbox'], ['equipmentmailbox', 'EquipmentMailbox'],
]);
/** System mailboxes Get-Mailbox can list but a cutover does not migrate. */
const SYSTEM_TYPES = new Set(['discoverymailbox', 'arbitrationmailbox', 'monitoringmailbox', 'auditlogmailbox', 'systemmailbox', 'auxauditlogmailbox']);
const ADDRESS = /^[^\s@<>()",;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

type Row = { record: string[]; info: { lines: number } };

function readRows(csvText: string, fileName: string): Row[] {
  // PowerShell 5's Export-Csv writes a "#TYPE ..." line first unless -NoTypeInformation; blank it, keeping line numbers.
  // csv-parse counts a CRLF inside a quoted field as two lines; normalising line ends keeps `line` right.
  const text = csvText.replace(/^(\uFEFF?)#TYPE[^\r\n]*/, '$1').replace(/\r\n/g, '\n');
  try {
    return parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, delimiter: detectDelimiter(text) }) as unknown as Row[];
  } catch (error) {
    const details = error as { message?: string; lines?: number };
    throw new InputError('CSV_SYNTAX', `not a readable CSV file: ${safeText(details.message ?? String(error), 200)}`, { file: fileName, ...(details.lines ? { line: details.lines } : {}) });
  }
}

export function importInventory(csvText: string, options: InventoryOptions): InventoryImport {
  const file = options.fileName;
  const [header, ...rows] = readRows(csvText, file);
  if (!header) throw new InputError('CSV_EMPTY', 'the inventory is empty; expected a header row and one row per mailbox', { file, line: 1 });
  const names = header.record.map((name) => name.trim().toLowerCase());
  const index = {} as Record<Column, number>;
  for (const column of REQUIRED) {
    const position = names.indexOf(column.toLowerCase());
    if (position < 0) {
      throw new InputError('CSV_MISSING_COLUMN', `the inventory has no ${column} column; expected the columns ${REQUIRED.join(', ')}; export them with the command in docs/import.md: ${EXPORT_COMMAND}`, { file, line: header.info.lines, path: column }, REQUIRED.join(', '));
    }
    index[column] = position;
  }

  const problems: RowProblem[] = [];
  const skipped: InventoryImport['skipped'] = [];
  const mailboxes: NonNullable<ScenarioFile['organisation']['mailboxes']> = [];
  const imported: ImportedRow[] = [];
  const seen = new Set<string>();
  rows.forEach(({ record, info }, position) => {
    const row = position + 2;
    const problem = (column: string, message: string) => problems.push({ row, line: info.lines, column, message });
    const field = (column: Column) => record[index[column]] ?? '';
    /** A cell quoted in a message: made safe to print and cut (a 5 KB cell is not reprinted). */
    const cell = (column: Column) => safeText(field(column));
    if (record.length !== header.record.length) {
      problem('*', `has ${record.length} fields, the header has ${header.record.length} (an unquoted comma?)`);
      return;
    }
    const before = problems.length;
    const address = field('PrimarySmtpAddress').toLowerCase();
    if (!ADDRESS.test(address)) problem('PrimarySmtpAddress', `"${cell('PrimarySmtpAddress')}" is not an email address`);
    else if (seen.has(address)) problem('PrimarySmtpAddress', `${cell('PrimarySmtpAddress')} appears twice`);
    const typeText = field('RecipientTypeDetails').toLowerCase();
    if (SYSTEM_TYPES.has(typeText)) {
      skipped.push({ row, address: safeText(address), reason: `${cell('RecipientTypeDetails')} is a system mailbox; a cutover does not migrate it` });
      return;
    }
    const type = TYPES.get(typeText);
    if (!type) problem('RecipientTypeDetails', `"${cell('RecipientTypeDetails')}" is not a mailbox type (expected ${[...new Set(TYPES.values())].join(', ')})`);
    const sizeReading = readInventorySize(field('TotalItemSize'));
    const parsedSize = sizeReading === undefined ? undefined : 'blank' in sizeReading ? 0 : sizeReading.bytes;
    // The scenario's own range (scenarios/bounds.ts), checked here so the row is named, not the generated file.
    const size = parsedSize !== undefined && parsedSize <= LIMITS.mailboxBytes ? parsedSize : undefined;
    if (parsedSize === undefined) problem('TotalItemSize', `"${cell('TotalItemSize')}" is not a size (expected for example "1.234 GB (1,324,567,890 bytes)")`);
    else if (size === undefined) problem('TotalItemSize', `"${cell('TotalItemSize')}" is larger than any mailbox (at most ${formatSize(LIMITS.mailboxBytes)})`);
    const itemReading = readItemCount(field('ItemCount'));
    const parsedItems = itemReading === undefined ? undefined : 'blank' in itemReading ? 0 : itemReading.count;
    const items = parsedItems !== undefined && parsedItems <= LIMITS.itemsPerMailbox ? parsedItems : undefined;
    if (items === undefined) problem('ItemCount', `"${cell('ItemCount')}" is not a whole number from 0 to ${LIMITS.itemsPerMailbox.toLocaleString('en-US')}`);
    const blank = (sizeReading !== undefined && 'blank' in sizeReading) || (itemReading !== undefined && 'blank' in itemReading);
    const hiddenText = field('HiddenFromAddressListsEnabled').toLowerCase();
    if (hiddenText !== 'true' && hiddenText !== 'false') problem('HiddenFromAddressListsEnabled', `"${cell('HiddenFromAddressListsEnabled')}" is not True or False`);
    if (problems.length > before || !type || size === undefined || items === undefined) return;
    seen.add(address);
    const displayName = field('DisplayName') || address;
    mailboxes.push({ address, displayName, type, size, items, ...(hiddenText === 'true' ? { hidden: true } : {}) });
    imported.push({ row, address, type, bytes: size, items, hidden: hiddenText === 'true', blank });
  });

  const first = problems[0];
  if (first && !options.keepGoing) {
    throw new InputError('CSV_MALFORMED_ROW',
      `${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}; fix the file, or import only the good rows with keepGoing (--keep-going)`,
      { file, line: first.line, path: `row ${first.row}, column ${first.column}` });
  }
  if (mailboxes.length === 0) throw new InputError('CSV_NO_MAILBOXES', 'the inventory lists no mailbox that can be migrated', { file });

  const limit = options.split ? LIMITS.mailboxes : LIMITS.batchMailboxes;
  if (mailboxes.length > limit) {
    throw new InputError('CSV_TOO_MANY_MAILBOXES', options.split
      ? `the inventory lists ${mailboxes.length.toLocaleString('en-US')} mailboxes; even split, at most ${LIMITS.mailboxes.toLocaleString('en-US')} are imported (an organisation that large is not a cutover: CUT recommends 150, allows 2,000)`
      : `the inventory lists ${mailboxes.length.toLocaleString('en-US')} mailboxes, more than the ${LIMITS.batchMailboxes.toLocaleString('en-US')} one cutover batch takes (CUT); import them as several plans with split (--split), or use a staged or hybrid migration`,
    { file }, `at most ${limit.toLocaleString('en-US')} mailboxes`);
  }

  const domain = (options.domains?.[0] ?? options.domain ?? mostCommonDomain(mailboxes.map((mailbox) => mailbox.address))).toLowerCase();
  const additionalDomains = [...new Set((options.domains ?? []).slice(1).map((name) => name.toLowerCase()))].filter((name) => name !== domain);
  const warnings = inventoryWarnings(imported, [domain, ...additionalDomains], mailboxes.length);
  const fromFile = (file.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64);
  const name = options.name ?? (fromFile || 'inventory');
  const chunks: (typeof mailboxes)[] = [];
  for (let start = 0; start < mailboxes.length; start += LIMITS.batchMailboxes) chunks.push(mailboxes.slice(start, start + LIMITS.batchMailboxes));
  const parts = chunks.map((chunk, part) => scenarioOf(chunk, {
    name: chunks.length === 1 ? name : `${name}-${part + 1}`,
    source: `${safeText(file.split(/[\\/]/).pop())}${chunks.length === 1 ? '' : ` (part ${part + 1} of ${chunks.length})`}`,
    domain,
    additionalDomains,
    file,
    options,
  }));
  return { scenario: parts[0]!, problems, skipped, warnings, ...(options.split ? { parts } : {}) };
}

function scenarioOf(
  mailboxes: NonNullable<ScenarioFile['organisation']['mailboxes']>,
  { name, source, domain, additionalDomains, file, options }: {
    name: string; source: string; domain: string; additionalDomains: string[]; file: string; options: Pick<InventoryOptions, 'horizon' | 'startDate' | 'timeZone'>;
  },
): InventoryImport['scenario'] {
  const totalBytes = mailboxes.reduce((sum, mailbox) => sum + (parseSize(mailbox.size ?? 0) ?? 0), 0);
  const data: ScenarioFile = {
    name,
    description: `Imported from ${source}: ${mailboxes.length} mailboxes, ${formatSize(totalBytes)}; the article's plan with the batch removed when the twin says it is safe.`,
    seed: 1,
    ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
    ...(options.startDate === undefined ? {} : { startDate: options.startDate }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    organisation: { domain, ...(additionalDomains.length > 0 ? { additionalDomains } : {}), mailboxes },
    plan: articlePlan({ additionalDomains }),
  };
  const text = stringify(data, { lineWidth: 0 });
  try {
    return { text, data, loaded: parseScenario(text, `${name}.yaml`) };
  } catch (error) {
    // The rows were checked one by one; what is left is a whole-file problem, named at the CSV, not the scenario it would write.
    if (error instanceof InputError) throw new InputError('CSV_IMPORT_INVALID', `the scenario imported from it is not valid: ${error.message}`, { file }, error.expected);
    throw error;
  }
}

function mostCommonDomain(addresses: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const address of addresses) {
    const domain = address.split('@')[1] ?? '';
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'example.com';
}
