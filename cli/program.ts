import { Command } from 'commander';
import { addCheckCommand } from './check/index.js';
import { addConsoleCommand } from './console/index.js';
import { addFuzzCommand } from './fuzz/index.js';
import { addImportCommand } from './import/index.js';
import { addMergeCommand } from './merge/index.js';
import { addReplayCommand } from './run/index.js';
import { addRunCommand } from './run/index.js';
import { addSchemaCommand } from './command-schema.js';
import { addServeCommand } from './serve/index.js';
import { addSweepCommand } from './sweep/index.js';
import type { CommandContext } from './context.js';
import { packageVersion } from './version.js';

/**
 * The `cutover` program. Commander never exits the process itself (exitOverride) and
 * prints its own errors nowhere: `main` turns them into one line and exit code 2.
 */
export function buildProgram(context: CommandContext): Command {
  const program = new Command('cutover')
    .description('Rehearse an Exchange cutover migration to Microsoft 365 in simulated time.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
      outputError: () => {},
      // Help is the same text on every terminal, so bin/cutover.mjs can answer --help from it without loading the program.
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText('after', `
Examples:
  cutover run textbook                         simulate the built-in textbook cutover
  cutover run plan.yaml --report report.html   write a self-contained HTML report
  cutover check plan.yaml                      the article's rules, without simulating
  cutover sweep plan.yaml --vary dns.initialMxTtl=1h..48h:12h --seeds 50
  cutover sweep plan.yaml --vary dns.initialMxTtl=1h..48h:12h --shard 2/4 --out shard-2.jsonl
  cutover merge shard-*.jsonl --report risk.html
  cutover replay plan.yaml --seed 42 --trace run.jsonl
  cutover fuzz plan.yaml --runs 200             search for timelines that lose mail
  cutover import mailboxes.csv -o plan.yaml
  cutover schema > scenario.schema.json
  cutover serve                                the trainer dashboard in the browser
  cutover console textbook                     a migration PowerShell console over simulated time

Exit codes: 0 all well; 1 mail lost or bounced, or error findings; 2 bad input; 3 internal error.`);
  addRunCommand(program, context);
  addCheckCommand(program, context);
  addSweepCommand(program, context);
  addFuzzCommand(program, context);
  addMergeCommand(program, context);
  addReplayCommand(program, context);
  addImportCommand(program, context);
  addSchemaCommand(program, context);
  addServeCommand(program, context);
  addConsoleCommand(program, context);
  return program;
}
