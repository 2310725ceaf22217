import type { Command } from 'commander';
import { InputError, isInputError } from '../sim/index.js';
import { INPUT_LIMITS, readLimitedText, tooLarge, unreadableReason } from '../scenarios/input-size.js';
import { checkOutputPath, writeFileAtomic } from './atomic-write.js';
import { terminalSafe } from './colour.js';
import type { CommandContext } from './context.js';

/** Reads an input file of at most `limit` bytes (INPUT_LIMITS), refusing a larger one before reading it. */
export function readInputFile(file: string, limit: number = INPUT_LIMITS.csvBytes): string {
  try {
    return readLimitedText(file, limit, (size) => tooLarge('CLI_FILE_TOO_LARGE', 'file', file, limit, size));
  } catch (error) {
    if (isInputError(error)) throw error;
    throw new InputError('CLI_FILE_UNREADABLE', `cannot read the file: ${unreadableReason(error)}`, { file });
  }
}

/** plan.yaml → plan-1.yaml, plan-2.yaml, ... for the parts of a split import. */
export function partPath(output: string, part: number): string {
  const match = /^(.*?)(\.[^./\\]*)?$/.exec(output);
  return `${match?.[1] ?? output}-${part}${match?.[2] ?? ''}`;
}

export function addImportCommand(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('turn a mailbox inventory CSV (Get-Mailbox / Get-MailboxStatistics export) into a scenario')
    .argument('<csv>', 'the inventory CSV file')
    .option('-o, --output <file>', 'write the scenario YAML here instead of printing it')
    .option('--keep-going', 'skip rows that cannot be read (each is reported) instead of stopping at the first')
    .option('--split', 'more than 2,000 mailboxes (one cutover batch): write one plan per 2,000 as <output>-1.yaml, -2, ... (needs --output)')
    .addHelpText('after', `
Examples:
  cutover import mailboxes.csv -o scenario.yaml
  cutover import mailboxes.csv --keep-going > scenario.yaml
  cutover import mailboxes.csv --split -o plan.yaml      plan-1.yaml, plan-2.yaml, ...

The CSV may be at most 32 MB; more than 2,000 mailboxes (the limit of one cutover batch)
are refused unless --split.`)
    .action(async (csv: string, options: { output?: string; keepGoing?: boolean; split?: boolean }) => {
      if (options.split === true && options.output === undefined) throw new InputError('CLI_BAD_FLAG', '--split needs --output: each part is written as its own file (see cutover import --help)');
      if (options.output !== undefined) checkOutputPath(options.output, [csv], '--output');
      const engine = await context.engine();
      const text = readInputFile(csv);
      const imported = engine.importInventory(text, { fileName: csv, keepGoing: options.keepGoing === true, split: options.split === true });
      for (const problem of imported.problems) {
        context.io.stderr(`cutover: warning: ${terminalSafe(`${csv}:${problem.line}: row ${problem.row}, ${problem.column}: ${problem.message}`)} (row left out)\n`);
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
