import { describe, expect, it } from 'vitest';
import { importInventory } from '../../scenarios/index.js';
import { decodeInventory, detectDelimiter, readInventorySize, readItemCount } from '../../scenarios/inventory-format.js';
import { checkPlan } from '../../model/checker/index.js';
import type { Mailbox } from '../../model/organisation.js';

const GERMAN_HEADER = '"DisplayName";"PrimarySmtpAddress";"RecipientTypeDetails";"HiddenFromAddressListsEnabled";"TotalItemSize";"ItemCount"';

/** A German-locale `Export-Csv -UseCulture` of n mailboxes, the first never logged on to. */
function germanExport(count: number): string {
  const rows = Array.from({ length: count }, (_, index) => {
    const bytes = 200_000_000 + index * 7_654_321;
    const size = index === 0 ? '' : `"${(bytes / 1024 ** 3).toFixed(3).replace('.', ',')} GB (${bytes.toLocaleString('de-DE')} Bytes)"`;
    const items = index === 0 ? '' : `"${(3000 + index * 17).toLocaleString('de-DE')}"`;
    return `"Müller, Nutzer ${index}";"user${index}@contoso.de";"UserMailbox";"False";${size};${items}`;
  });
  return `#TYPE Selected.Microsoft.Exchange.Data.Directory.Management.Mailbox\r\n${[GERMAN_HEADER, ...rows].join('\r\n')}\r\n`;
}

const utf16 = (text: string): Uint8Array => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let index = 0; index < text.length; index++) {
    bytes[2 + index * 2] = text.charCodeAt(index) & 0xff;
    bytes[3 + index * 2] = text.charCodeAt(index) >> 8;
  }
  return bytes;
};

describe('real exports', () => {
  it('reads sizes and counts in any culture, and blank ones as blank', () => {
    expect(readInventorySize('1,613 GB (1.731.917.007 Bytes)')).toEqual({ bytes: 1_731_917_007 });
    expect(readInventorySize("1.5 GB (1'610'612'736 bytes)")).toEqual({ bytes: 1_610_612_736 });
    expect(readInventorySize('1,234 GB (1,324,567,890 bytes)')).toEqual({ bytes: 1_324_567_890 });
    expect(readInventorySize('1,5 GB')).toEqual({ bytes: 1_610_612_736 });
    expect(readInventorySize('')).toEqual({ blank: true });
    expect(readInventorySize('lots')).toBeUndefined();
    expect(readItemCount('12.345')).toEqual({ count: 12_345 });
    expect(readItemCount('')).toEqual({ blank: true });
    expect(readItemCount('12a')).toBeUndefined();
  });

  it('decodes UTF-16 (PowerShell `>`), with or without BOM, and UTF-8 with BOM', () => {
    expect(decodeInventory(utf16('"DisplayName";"Ä"'))).toBe('"DisplayName";"Ä"');
    expect(decodeInventory(utf16('AB').subarray(2))).toBe('AB');
    expect(decodeInventory(new TextEncoder().encode('\uFEFFDisplayName'))).toBe('DisplayName');
  });

  it('detects the delimiter from the header, ignoring quoted text', () => {
    expect(detectDelimiter(GERMAN_HEADER)).toBe(';');
    expect(detectDelimiter('#TYPE x\n"a,b";c;d')).toBe(';');
    expect(detectDelimiter('a,b,"c;d"')).toBe(',');
  });

  it('imports a German UTF-16 export of 65 mailboxes, warns about the blank row, and the plan passes check', () => {
    const text = decodeInventory(utf16(germanExport(65)));
    const result = importInventory(text, { fileName: 'mailboxes.csv', domains: ['contoso.de'], startDate: '2025-03-14T20:00:00+01:00', timeZone: 'Europe/Berlin' });
    const config = result.scenario.loaded.config;
    const mailboxes = config.organisation.recipients as Mailbox[];
    expect(mailboxes).toHaveLength(65);
    expect(mailboxes[1]).toMatchObject({ displayName: 'Müller, Nutzer 1', sizeBytes: 207_654_321, itemCount: 3017 });
    expect(mailboxes[0]).toMatchObject({ sizeBytes: 0, itemCount: 0 });
    expect(result.warnings).toEqual([expect.objectContaining({ row: 2, code: 'blank-size' })]);
    expect(config).toMatchObject({ startDate: '2025-03-14T20:00:00+01:00', timeZone: 'Europe/Berlin' });
    expect(config.horizonFromPlan).toBeDefined();
    expect(checkPlan(config).filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('warns about hidden, shared, over-quota, huge and other-domain mailboxes', () => {
    const header = 'DisplayName,PrimarySmtpAddress,TotalItemSize,ItemCount,RecipientTypeDetails,HiddenFromAddressListsEnabled';
    const rows = [
      'A,a@contoso.com,"60 GB (64,424,509,440 bytes)",2000000,UserMailbox,True',
      'B,b@fabrikam.com,1 GB,10,SharedMailbox,False',
    ];
    const result = importInventory([header, ...rows].join('\n'), { fileName: 'x.csv', domains: ['contoso.com'] });
    expect(result.warnings.map((warning) => `${warning.row}:${warning.code}`)).toEqual([
      '2:over-quota', '2:huge-item-count', '2:hidden', '3:shared-or-resource', '3:other-domain',
    ]);
  });

  it('the missing-column error gives the export command', () => {
    expect(() => importInventory('Name,Mail\nA,a@contoso.com\n', { fileName: 'x.csv' })).toThrow(/Get-MailboxStatistics/);
  });
});
