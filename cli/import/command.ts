import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { InputError, isInputError, isTimeZone, parseDuration } from '../../sim/index.js';
import { INPUT_LIMITS, tooLarge, unreadableReason } from '../../scenarios/input-size.js';
import { decodeInventory } from '../../scenarios/inventory-format.js';
import { checkOutputPath, writeFileAtomic } from '../atomic-write.js';
import { terminalSafe } from '../colour.js';
import type { CommandContext } from '../context.js';

/** plan.yaml → plan-1.yaml, plan-2.yaml, ... for the parts of a split import. */
export function partPath(output: string, part: number): string {
  const match = /^(.*?)(\.[^./\\]*)?$/.exec(output);
  return `${match?.[1] ?? output}-${part}${match?.[2] ?? ''}`;
}

/** An inventory file as text, whatever encoding PowerShell wrote it in (scenarios/inventory-format.ts). */
export function readInventoryFile(file: string, limit: number = INPUT_LIMITS.csvBytes): string {
  try {
    // Refused before it is read: a CSV over the limit is not a mailbox inventory (INPUT_LIMITS).
    const size = statSync(file).size;
    if (size > limit) throw tooLarge('CLI_FILE_TOO_LARGE', 'file', file, limit, size);
    return decodeInventory(readFileSync(file));
  } catch (error) {
    if (isInputError(error)) throw error;
    throw new InputError('CLI_FILE_UNREADABLE', `cannot read the file: ${unreadableReason(error)}`, { file });
  }
}

interface ImportOptions {
  output?: string;
  keepGoing?: boolean;
  domains?: string;
  startDate?: string;
  timeZone?: string;
  horizon?: string;
  split?: boolean;
}

function checkImportOptions(options: ImportOptions): void {
  const bad = (flag: string, message: string): never => { throw new InputError('CLI_OPTION_INVALID', `${flag}: ${message}`, { path: flag }); };
  if (options.startDate !== undefined && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(options.startDate) || Number.isNaN(Date.parse(options.startDate)))) {
    bad('--start-date', 'expected an ISO date-time with an offset, for example 2025-03-14T20:00:00+01:00');
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) bad('--time-zone', 'expected an IANA time zone such as Europe/Berlin');
  if (options.timeZone !== undefined && options.startDate === undefined) bad('--time-zone', 'needs --start-date');
  if (options.horizon !== undefined) {
    try { parseDuration(options.horizon); } catch { bad('--horizon', 'expected a duration such as 30d'); }
  }
  for (const domain of (options.domains ?? '').split(',').filter(Boolean)) {
    if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domain.trim())) bad('--domains', `"${domain}" is not a domain name`);
  }
}

export function addImportCommand(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('turn a mailbox inventory CSV (Get-Mailbox / Get-MailboxStatistics export) into a scenario')
    .argument('<csv>', 'the inventory CSV file')
    .option('-o, --output <file>', 'write the scenario YAML here instead of printing it')
    .option('--keep-going', 'skip rows that cannot be read (each is reported) instead of stopping at the first')
    .option('--split', 'more than 2,000 mailboxes (one cutover batch): write one plan per 2,000 as <output>-1.yaml, -2, ... (needs --output)')
    .option('--domains <list>', 'accepted domains, comma-separated; the first is the organisation\'s (default: the most common)')
    .option('--start-date <iso>', 'calendar time of T+0, e.g. 2025-03-14T20:00:00+01:00')
    .option('--time-zone <zone>', 'IANA time zone of the plan, e.g. Europe/Berlin')
    .option('--horizon <duration>', 'how long to simulate (default: the whole plan plus a margin)')
    .addHelpText('after', `
Examples:
  cutover import mailboxes.csv -o scenario.yaml
  cutover import mailboxes.csv --keep-going > scenario.yaml
  cutover import mailboxes.csv --split -o plan.yaml      plan-1.yaml, plan-2.yaml, ...
  cutover import mailboxes.csv --domains contoso.com,contoso.de --start-date 2025-03-14T20:00:00+01:00 --time-zone Europe/Berlin -o plan.yaml

The export command (Exchange Management Shell) is in docs/import.md. UTF-8 or UTF-16,
comma or semicolon (Export-Csv -UseCulture), any culture's number format. The CSV may be
at most 32 MB; more than 2,000 mailboxes (the limit of one cutover batch) are refused
unless --split.`)
    .action(async (csv: string, options: ImportOptions) => {
      if (options.split === true && options.output === undefined) throw new InputError('CLI_BAD_FLAG', '--split needs --output: each part is written as its own file (see cutover import --help)');
      if (options.output !== undefined) checkOutputPath(options.output, [csv], '--output');
      checkImportOptions(options);
      const engine = await context.engine();
      const text = readInventoryFile(csv);
      const domains = options.domains?.split(',').map((domain) => domain.trim().toLowerCase()).filter(Boolean);
      const imported = engine.importInventory(text, {
        fileName: csv, keepGoing: options.keepGoing === true, split: options.split === true,
        ...(domains && domains.length > 0 ? { domains } : {}),
        ...(options.startDate === undefined ? {} : { startDate: options.startDate }),
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
        ...(options.horizon === undefined ? {} : { horizon: options.horizon }),
      });
      for (const problem of imported.problems) {
        context.io.stderr(`cutover: warning: ${terminalSafe(`${csv}:${problem.line}: row ${problem.row}, ${problem.column}: ${problem.message}`)} (row left out)\n`);
      }
      for (const warning of imported.warnings ?? []) {
        context.io.stderr(`cutover: warning: ${terminalSafe(`${warning.row === undefined ? csv : `${csv}: row ${warning.row}`}: ${warning.message}`)} [${warning.code}]\n`);
      }
      for (const skipped of imported.skipped) context.io.stderr(`cutover: note: row ${skipped.row} ${terminalSafe(skipped.address)} left out: ${terminalSafe(skipped.reason)}\n`);
      const parts = imported.parts ?? [imported.scenario];
      if (options.output === undefined) context.io.stdout(imported.scenario.text);
      else if (parts.length === 1) context.io.stderr(`Scenario    ${terminalSafe(writeFileAtomic(options.output, imported.scenario.text))}\n`);
      else {
        for (const [index, part] of parts.entries()) {
          const path = partPath(options.output, index + 1);
          checkOutputPath(path, [csv], '--output');
          context.io.stderr(`Scenario    ${terminalSafe(writeFileAtomic(path, part.text))} (part ${index + 1} of ${parts.length})\n`);
        }
      }
      // Rows left out of a plan are worth a CI failure: the scenario no longer matches the inventory.
      context.setExitCode(imported.problems.length > 0 ? 1 : 0);
    });
}
