import { describe, expect, it } from 'vitest';
import { importInventory } from '../../scenarios/index.js';
import { InputError } from '../../sim/index.js';
import type { Mailbox } from '../../model/organisation.js';

const HEADER = '"DisplayName","PrimarySmtpAddress","TotalItemSize","ItemCount","RecipientTypeDetails","HiddenFromAddressListsEnabled","Database"';
const rows = [
  '"Smith, Ana","Ana@Contoso.com","1.234 GB (1,324,567,890 bytes)","12000","UserMailbox","False","DB01"',
  '"Reception","reception@contoso.com","12 MB (12,582,912 bytes)","300","SharedMailbox","True","DB01"',
  '"DiscoverySearchMailbox","DiscoverySearchMailbox{D919BA05}@contoso.com","10 KB (10,240 bytes)","0","DiscoveryMailbox","True","DB01"',
];
const exported = (lines: string[]) => `\uFEFF#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.Mailbox\r\n${[HEADER, ...lines].join('\r\n')}\r\n`;

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('importInventory', () => {
  it('reads an Export-Csv file: BOM, #TYPE line, CRLF, quoted commas, exact byte counts', () => {
    const result = importInventory(exported(rows), { fileName: 'inventory.csv' });
    const mailboxes = result.scenario.loaded.config.organisation.recipients as Mailbox[];
    expect(mailboxes).toHaveLength(2);
    expect(mailboxes[0]).toMatchObject({ address: 'ana@contoso.com', displayName: 'Smith, Ana', sizeBytes: 1_324_567_890, itemCount: 12000, hidden: false, type: 'UserMailbox' });
    expect(mailboxes[1]).toMatchObject({ type: 'SharedMailbox', hidden: true, sizeBytes: 12_582_912 });
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([expect.objectContaining({ row: 4 })]);
    expect(result.scenario.loaded.config.organisation.domain).toBe('contoso.com');
  });

  it('quotes a system mailbox it leaves out safely and cut short, however long its address cell (found by the input fuzz, seed 1916345431)', () => {
    const long = `"Discovery","${'A'.repeat(5_000)}\u001b[2J","0 B","0","DiscoveryMailbox","True","DB01"`;
    const result = importInventory(exported([rows[0]!, long]), { fileName: 'inventory.csv', keepGoing: true });
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]!.address.length).toBeLessThanOrEqual(80);
    expect(result.skipped[0]!.address).toMatch(/^a+…$/);
  });

  it('produces a scenario file that loads, with the article plan', () => {
    const result = importInventory(exported(rows), { fileName: 'c:\\exports\\inventory.csv' });
    expect(result.scenario.text).toContain('action: switch-mx');
    expect(result.scenario.data.name).toBe('inventory');
    expect(result.scenario.loaded.config.plan.map((step) => step.action)).toContain('removeBatch');
  });

  it('a malformed row stops the import, naming its row and column', () => {
    const bad = [...rows, '"Bo","bo@contoso.com","lots","12","UserMailbox","False","DB01"'];
    const error = errorOf(() => importInventory(exported(bad), { fileName: 'inv.csv' }));
    expect(error.code).toBe('CSV_MALFORMED_ROW');
    expect(error.location).toMatchObject({ file: 'inv.csv', line: 6, path: 'row 5, column TotalItemSize' });
  });

  it('with keepGoing, good rows are imported and every problem listed', () => {
    const bad = [
      '"Bo","bo@contoso.com","lots","12","UserMailbox","False","DB01"',
      ...rows,
      '"Cy","not-an-address","1 GB (1,073,741,824 bytes)","x","UserMailbox","maybe","DB01"',
      '"Di","di@contoso.com","1 GB","1","UserMailbox","False"',
      '"Ana again","ana@contoso.com","1 GB","1","UserMailbox","False","DB01"',
      '"Ed","ed@contoso.com","1 GB","1","PublicFolderMailbox","False","DB01"',
    ];
    const result = importInventory(exported(bad), { fileName: 'inv.csv', keepGoing: true });
    expect((result.scenario.loaded.config.organisation.recipients as Mailbox[]).map((m) => m.address)).toEqual(['ana@contoso.com', 'reception@contoso.com']);
    expect(result.problems.map(({ row, column }) => `${row}:${column}`)).toEqual([
      '2:TotalItemSize', '6:PrimarySmtpAddress', '6:ItemCount', '6:HiddenFromAddressListsEnabled', '7:*', '8:PrimarySmtpAddress', '9:RecipientTypeDetails',
    ]);
  });

  it('a quoted field spanning lines keeps row numbers and reports the line', () => {
    const multiline = ['"Line\r\nBreak","lb@contoso.com","1 GB","1","UserMailbox","nope","DB01"'];
    const result = importInventory(exported([...rows, ...multiline]), { fileName: 'inv.csv', keepGoing: true });
    expect(result.problems).toEqual([{ row: 5, line: 7, column: 'HiddenFromAddressListsEnabled', message: expect.stringContaining('True or False') }]);
  });

  it('refuses a file without the needed columns, an unreadable file, an empty one', () => {
    expect(errorOf(() => importInventory('Name,Email\r\nA,a@b.com\r\n', { fileName: 'x.csv' })).code).toBe('CSV_MISSING_COLUMN');
    expect(errorOf(() => importInventory(`${HEADER}\r\n"unclosed,"a@b.com"\r\n`, { fileName: 'x.csv' })).code).toBe('CSV_SYNTAX');
    expect(errorOf(() => importInventory('', { fileName: 'x.csv' })).code).toBe('CSV_EMPTY');
    expect(errorOf(() => importInventory(`${HEADER}\r\n${rows[2]}\r\n`, { fileName: 'x.csv' })).code).toBe('CSV_NO_MAILBOXES');
  });

  it('uses the domain given, else the most common one', () => {
    const mixed = [...rows, '"X","x@fabrikam.com","1 GB","1","UserMailbox","False","DB01"'];
    expect(importInventory(exported(mixed), { fileName: 'i.csv' }).scenario.loaded.config.organisation.domain).toBe('contoso.com');
    expect(importInventory(exported(mixed), { fileName: 'i.csv', domain: 'Fabrikam.com' }).scenario.loaded.config.organisation.domain).toBe('fabrikam.com');
  });
});
