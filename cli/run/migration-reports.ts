import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatInstant, InputError, toIsoTime, type Millis } from '../../sim/index.js';
import type { SimulationResult } from '../../model/result.js';
import { writeFileAtomic } from '../atomic-write.js';

/**
 * The two CSV reports the migration service attaches to its status mail (MMB, EE695827):
 * MigrationStatistics.csv (one row per migration user) and MigrationErrors.csv (one row per
 * user with an error). Rows come from `result.migrationStatistics`, the figures every other
 * surface shows. The real cutover statistics report also lists each new account's initial
 * password; the twin has none to give and never writes a credential, so that column always
 * holds the placeholder below. The column set is the twin's: the sources name the fields, not
 * the exact header.
 */

export const PASSWORD_PLACEHOLDER = '[redacted: the twin never writes passwords]';
export const STATISTICS_FILE = 'MigrationStatistics.csv';
export const ERRORS_FILE = 'MigrationErrors.csv';

const STATISTICS_COLUMNS = [
  'EmailAddress', 'RecipientType', 'Status', 'StatusSummary', 'SyncedItemCount', 'SkippedItemCount', 'BytesTransferred',
  'PercentageComplete', 'LastSuccessfulSyncTime', 'DataConsistencyScore', 'Password',
] as const;
const ERROR_COLUMNS = ['EmailAddress', 'RecipientType', 'Status', 'ErrorSummary', 'LastSuccessfulSyncTime'] as const;

/** One CSV field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (fields: readonly (string | number)[]): string => `${fields.map(csvField).join(',')}\r\n`;

function time(at: Millis | null, startDate: string | undefined): string {
  if (at === null) return '';
  return toIsoTime(at, startDate) ?? formatInstant(at);
}

export function migrationStatisticsCsv(result: SimulationResult): string {
  const start = result.startDate;
  return row(STATISTICS_COLUMNS) + result.migrationStatistics.users.map((user) => row([
    user.Identity, user.RecipientType, user.Status, user.StatusSummary, user.SyncedItemCount, user.SkippedItemCount, user.BytesTransferred,
    user.PercentageComplete, time(user.LastSuccessfulSyncTime, start), user.DataConsistencyScore, PASSWORD_PLACEHOLDER,
  ])).join('');
}

export function migrationErrorsCsv(result: SimulationResult): string {
  const start = result.startDate;
  return row(ERROR_COLUMNS) + result.migrationStatistics.users.filter((user) => user.ErrorSummary !== null).map((user) => row([
    user.Identity, user.RecipientType, user.Status, user.ErrorSummary ?? '', time(user.LastSuccessfulSyncTime, start),
  ])).join('');
}

/** Fails fast, before the run, when the directory is not there. */
export function checkReportsDirectory(directory: string): void {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new InputError('CLI_OUTPUT_DIRECTORY', `--migration-reports ${directory}: not an existing directory`, { path: '--migration-reports' });
  }
}

/** Writes both files into `directory` (atomically each); returns their paths. */
export function writeMigrationReports(directory: string, result: SimulationResult): string[] {
  return [
    writeFileAtomic(join(directory, STATISTICS_FILE), migrationStatisticsCsv(result)),
    writeFileAtomic(join(directory, ERRORS_FILE), migrationErrorsCsv(result)),
  ];
}
