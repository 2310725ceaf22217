import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../sim/index.js';
import type { CommandContext } from '../context.js';
import { parseSeed } from '../option-parsers.js';

export interface ConsoleCommandOptions {
  script?: string;
  seed?: number;
  plan?: boolean;
  stopOnError?: boolean;
}

export function addConsoleCommand(program: Command, context: CommandContext): void {
  program
    .command('console')
    .description('a migration PowerShell console over simulated time (interactive, or --script to replay a session)')
    .argument('<file>', 'a scenario file or the name of a built-in scenario')
    .option('--script <file.ps1>', 'run the commands of a recorded session instead of reading the keyboard')
    .option('--seed <n>', 'seed (default: the scenario\'s)', parseSeed)
    .option('--plan', 'also run the scenario\'s own plan (default: only your commands act)')
    .option('--stop-on-error', 'with --script: stop at the first command that fails')
    .addHelpText('after', `
Examples:
  cutover console textbook                          type cmdlets; Wait-Time 2h lets time pass; exit to finish
  cutover console textbook --script cutover.ps1     replay a session and print the run's summary

Get-Command lists the cmdlets, Get-Help <cmdlet> explains one (docs/cli.md, "cutover console").
Exit codes: 0 every command ran and nothing was lost or bounced; 1 a command failed, or mail was
lost or bounced, or there are error findings; 2 bad input.`)
    .action(async (file: string, options: ConsoleCommandOptions) => {
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      const script = options.script === undefined ? undefined : readScript(options.script);
      const { startConsole } = await import('./session.js');
      const code = await startConsole(context, { ...loaded.config, seed: options.seed ?? loaded.config.seed, plan: options.plan ? loaded.config.plan : [] }, file, script, options.stopOnError === true, options.script);
      context.setExitCode(code);
    });
}

function readScript(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError('CONSOLE_SCRIPT_UNREADABLE', `cannot read the script ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: path });
  }
}
