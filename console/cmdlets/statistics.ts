import type { MigrationStatistics } from '../../model/result.js';
import type { CmdletContext } from '../cmdlet.js';

const NONE: MigrationStatistics = { batch: null, users: [] };

/**
 * The model's own Get-MigrationBatch and Get-MigrationUserStatistics figures now
 * (model/migration/cmdlet-statistics.ts through the live snapshot). The migration cmdlets
 * print these and derive none of their own, so the console, `--json`, the report and the
 * dashboard show one set of numbers.
 */
export function statisticsNow(context: CmdletContext): MigrationStatistics {
  return context.target.snapshot().migrationStatistics ?? NONE;
}
