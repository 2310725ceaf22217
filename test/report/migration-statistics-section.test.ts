import { describe, expect, it } from 'vitest';
import { renderReport } from '../../report/index.js';
import { migrationStatisticsSection } from '../../report/migration-statistics-section.js';
import { fixtureResult } from '../fixtures/simulation-result.js';

describe('report: migration statistics', () => {
  it('shows Get-MigrationBatch and each user with the cmdlets\' field names, from result.migrationStatistics', () => {
    const result = fixtureResult();
    const html = renderReport(result);
    expect(html).toContain('id="migration-statistics"');
    const section = migrationStatisticsSection(result);
    for (const field of ['FailedIncrementalSyncCount', 'DataConsistencyScore', 'LastSuccessfulSyncTime', 'SkippedItemCount', 'BytesTransferred']) expect(section).toContain(field);
    expect(section).toContain('<td>Investigate</td>');
    expect(section).toContain('hidden from address lists');
  });

  it('escapes what came from the scenario', () => {
    const result = fixtureResult();
    result.migrationStatistics.users[0]!.ErrorSummary = '<script>alert(1)</script>';
    expect(migrationStatisticsSection(result)).not.toContain('<script>');
  });
});
