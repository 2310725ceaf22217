import { describe, expect, test } from 'vitest';
import { HistoryCursor, commonPrefix, complete } from '../../console/index.js';
import { consoleOn, TO_STARTED_BATCH } from './helpers.js';

describe('tab completion', () => {
  const at = (line: string) => {
    const { console, target, ok } = consoleOn();
    ok(...TO_STARTED_BATCH);
    return complete(console, line, line.length, target);
  };

  test('completes cmdlet names, parameters and values the session knows', () => {
    expect(at('Get-MigrationU').candidates).toEqual(['Get-MigrationUser', 'Get-MigrationUserStatistics']);
    expect(at('Get-MigrationBatch -Inc').candidates).toEqual(['-IncludeReport']);
    expect(at('Start-MigrationBatch -Identity Cut')).toEqual({ start: 31, end: 34, candidates: ['CutoverBatch'] });
    expect(at('Get-MigrationUserStatistics user3').candidates).toEqual(['user3@contoso.com']);
    expect(at('Get-MigrationUser | f').candidates).toEqual(['fl', 'Format-List', 'Format-Table', 'ft']);
    expect(at('Wait-Time -Until N').candidates).toEqual(['NextSync']);
    expect(at('Resolve-DnsName contoso.com -Type ').candidates).toEqual(['CNAME', 'MX', 'TXT']);
    expect(at('Set-TwinMxRecord -MailExchange ').candidates).toEqual(['contoso-com.mail.protection.outlook.com']);
    expect(at('No-Such -x').candidates).toEqual([]);
  });

  test('the common start of the candidates is what Tab fills in first', () => {
    expect(commonPrefix(['Get-MigrationUser', 'Get-MigrationUserStatistics'])).toBe('Get-MigrationUser');
    expect(commonPrefix([])).toBe('');
  });
});

describe('history', () => {
  test('Up walks back through given lines, Down returns to what was being typed', () => {
    const lines = ['Get-MigrationBatch', 'Get-MigrationUser'];
    const cursor = new HistoryCursor(lines);
    expect(cursor.up('Get-Ma')).toBe('Get-MigrationUser');
    expect(cursor.up('Get-MigrationUser')).toBe('Get-MigrationBatch');
    expect(cursor.up('Get-MigrationBatch')).toBe('Get-MigrationBatch');
    expect(cursor.down('Get-MigrationBatch')).toBe('Get-MigrationUser');
    expect(cursor.down('Get-MigrationUser')).toBe('Get-Ma');
  });

  test('the console keeps each given line once, in order, without repeats of the last', () => {
    const { console } = consoleOn();
    console.run('Get-Date');
    console.run('Get-Date');
    console.run('  ');
    console.run('Get-MigrationBatch');
    expect(console.history).toEqual(['Get-Date', 'Get-MigrationBatch']);
  });
});
