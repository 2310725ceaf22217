import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../sim/index.js';
import { checkOutputPath, writeFileAtomic } from './atomic-write.js';
import { terminalSafe } from './colour.js';
import type { CommandContext } from './context.js';

export function readInputFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError('CLI_FILE_UNREADABLE', `cannot read ${file}: ${reason}`, { file });
  }
}

export function addImportCommand(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('turn a mailbox inventory CSV (Get-Mailbox / Get-MailboxStatistics export) into a scenario')
    .argument('<csv>', 'the inventory CSV file')
    .option('-o, --output <file>', 'write the scenario YAML here instead of printing it')
    .option('--keep-going', 'skip rows that cannot be read (each is reported) instead of stopping at the first')
    .addHelpText('after', `
Examples:
  cutover import mailboxes.csv -o scenario.yaml
  cutover import mailboxes.csv --keep-going > scenario.yaml`)
    .action(async (csv: string, options: { output?: string; keepGoing?: boolean }) => {
      if (options.output !== undefined) checkOutputPath(options.output, [csv], '--output');
      const engine = await context.engine();
      const text = readInputFile(csv);
      const imported = engine.importInventory(text, { fileName: csv, keepGoing: options.keepGoing === true });
      for (const problem of imported.problems) {
        context.io.stderr(`cutover: warning: ${terminalSafe(`${csv}:${problem.line}: row ${problem.row}, ${problem.column}: ${problem.message}`)} (row left out)\n`);
      }
      for (const skipped of imported.skipped) context.io.stderr(`cutover: note: row ${skipped.row} ${terminalSafe(skipped.address)} left out: ${terminalSafe(skipped.reason)}\n`);
      if (options.output === undefined) context.io.stdout(imported.scenario.text);
      else context.io.stderr(`Scenario    ${writeFileAtomic(options.output, imported.scenario.text)}\n`);
      // Rows left out of a plan are worth a CI failure: the scenario no longer matches the inventory.
      context.setExitCode(imported.problems.length > 0 ? 1 : 0);
    });
}
