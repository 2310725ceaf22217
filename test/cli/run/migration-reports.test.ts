import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main, memoryIo } from '../../../cli/index.js';
import { realEngine } from '../../../cli/real-engine.js';
import { csvField, migrationErrorsCsv, migrationStatisticsCsv, PASSWORD_PLACEHOLDER } from '../../../cli/run/migration-reports.js';
import { fixtureResult } from '../../fixtures/simulation-result.js';
import { temporaryDirectory } from '../../fixtures/temporary.js';

describe('MigrationStatistics.csv and MigrationErrors.csv', () => {
  test('one row per migration user; the password column is always the redacted placeholder', () => {
    const result = fixtureResult();
    const lines = migrationStatisticsCsv(result).trimEnd().split('\r\n');
    expect(lines[0]).toBe('EmailAddress,RecipientType,Status,StatusSummary,SyncedItemCount,SkippedItemCount,BytesTransferred,PercentageComplete,LastSuccessfulSyncTime,DataConsistencyScore,Password');
    expect(lines).toHaveLength(1 + result.migrationStatistics.users.length);
    expect(lines[1]).toBe(`ann@contoso.com,Mailbox,Synced,Synced,1200,1,2000000000,100,2025-03-02T04:00:00.000Z,Investigate,${PASSWORD_PLACEHOLDER}`);
    const errors = migrationErrorsCsv(result).trimEnd().split('\r\n');
    expect(errors).toEqual(['EmailAddress,RecipientType,Status,ErrorSummary,LastSuccessfulSyncTime', 'bob@contoso.com,Mailbox,Failed,hidden from address lists,']);
  });

  test('fields are quoted when needed and formulas are neutralised', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('-3');
  });

  test('cutover run --migration-reports writes both files from the run, and never the admin password', async () => {
    const directory = temporaryDirectory('migration-reports');
    process.env.CUTOVER_ADMIN_PASSWORD = 'S3cret-Never-Printed';
    try {
      const io = memoryIo();
      await main(['run', 'hidden-mailboxes', '--migration-reports', directory, '--json'], io, realEngine());
      const json = JSON.parse(io.out.join(''));
      const statistics = readFileSync(join(directory, 'MigrationStatistics.csv'), 'utf8');
      const errors = readFileSync(join(directory, 'MigrationErrors.csv'), 'utf8');
      expect(statistics.trimEnd().split('\r\n')).toHaveLength(1 + json.migrationStatistics.users.length);
      const failed = json.migrationStatistics.users.filter((user: { ErrorSummary: string | null }) => user.ErrorSummary !== null);
      expect(failed).toHaveLength(5);
      expect(errors.trimEnd().split('\r\n')).toHaveLength(1 + failed.length);
      expect(json.migrationStatistics.batch).toMatchObject({ FailedCount: 5, TotalCount: json.mailboxes.total });
      for (const text of [statistics, errors, io.out.join(''), io.err.join('')]) expect(text).not.toContain('S3cret-Never-Printed');
      expect(io.err.join('')).toContain('MigrationStatistics.csv');
    } finally {
      delete process.env.CUTOVER_ADMIN_PASSWORD;
    }
  });

  test('a missing directory is bad input, before anything runs', async () => {
    const io = memoryIo();
    const code = await main(['run', 'hidden-mailboxes', '--migration-reports', '/nonexistent/reports'], io, realEngine());
    expect(code).toBe(2);
    expect(io.err.join('')).toMatch(/--migration-reports/);
  });
});
