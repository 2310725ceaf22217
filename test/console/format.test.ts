import { describe, expect, test } from 'vitest';
import { formatList, formatTable } from '../../console/format.js';
import { formatError, parameterNotFound } from '../../console/errors.js';
import { parseTimeSpan } from '../../console/cmdlet.js';
import { psObject } from '../../console/values.js';

const batch = (name: string, total: number) => psObject('MigrationBatch', { Identity: name, Status: 'Syncing', Type: 'ExchangeOutlookAnywhere', TotalCount: total, AutoStart: true, LastSyncedDateTime: null }, ['Identity', 'Status', 'Type', 'TotalCount']);

describe('formatTable', () => {
  test('prints the default columns with a dashed underline; numbers are right-aligned', () => {
    expect(formatTable([batch('CutoverBatch', 150), batch('B', 7)])).toBe([
      '',
      'Identity     Status  Type                    TotalCount',
      '--------     ------  ----                    ----------',
      'CutoverBatch Syncing ExchangeOutlookAnywhere        150',
      'B            Syncing ExchangeOutlookAnywhere          7',
      '',
    ].join('\n'));
  });

  test('cuts cells that do not fit the width with "..." and keeps every header', () => {
    const long = psObject('MigrationUser', { Identity: 'someone@contoso.com', ErrorSummary: 'x'.repeat(200) }, ['Identity', 'ErrorSummary']);
    const lines = formatTable([long], undefined, { width: 60 }).split('\n');
    expect(lines[1]).toMatch(/^Identity\s+ErrorSummary$/);
    expect(lines[3]!.length).toBeLessThanOrEqual(60);
    expect(lines[3]).toMatch(/\.\.\.$/);
  });

  test('chosen columns, booleans as True/False, missing values blank', () => {
    expect(formatTable([batch('B', 1)], ['Identity', 'AutoStart', 'LastSyncedDateTime'])).toContain('B        True');
  });
});

describe('formatList', () => {
  test('prints "Name : Value" with names padded, every property by default', () => {
    expect(formatList([batch('B', 1)])).toBe('\nIdentity           : B\nStatus             : Syncing\nType               : ExchangeOutlookAnywhere\nTotalCount         : 1\nAutoStart          : True\nLastSyncedDateTime :\n');
    expect(formatList([batch('B', 1)], ['identity', 'TotalCount'])).toBe('\nIdentity   : B\nTotalCount : 1\n');
  });

  test('long values wrap under the value column', () => {
    const object = psObject('X', { Error: `${'word '.repeat(40)}end` }, ['Error']);
    const lines = formatList([object], undefined, { width: 50 }).trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((line) => line.startsWith(' '.repeat('Error : '.length)))).toBe(true);
  });
});

describe('formatError', () => {
  test('message, CategoryInfo and FullyQualifiedErrorId, as PowerShell prints an error record', () => {
    expect(formatError(parameterNotFound('Get-MigrationBatch', 'Foo'))).toBe([
      "Get-MigrationBatch: A parameter cannot be found that matches parameter name 'Foo'.",
      '    + CategoryInfo          : InvalidArgument: (:String) [Get-MigrationBatch], ParameterBindingException',
      '    + FullyQualifiedErrorId : NamedParameterNotFound,Get-MigrationBatch',
    ].join('\n'));
  });
});

describe('parseTimeSpan', () => {
  test('reads PowerShell TimeSpans and the twin\'s shorthand', () => {
    expect(parseTimeSpan('01:00:00')).toBe(3_600_000);
    expect(parseTimeSpan('2.00:30:00')).toBe(48 * 3_600_000 + 30 * 60_000);
    expect(parseTimeSpan('90m')).toBe(90 * 60_000);
    expect(parseTimeSpan('1d12h')).toBe(36 * 3_600_000);
    expect(parseTimeSpan('soon')).toBeUndefined();
    expect(parseTimeSpan('2h and')).toBeUndefined();
  });
});
