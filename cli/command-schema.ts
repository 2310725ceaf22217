import type { Command } from 'commander';
import type { CommandContext } from './context.js';

export function addSchemaCommand(program: Command, context: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion and validation)')
    .addHelpText('after', `
Examples:
  cutover schema > scenario.schema.json
  # then in a scenario file:  # yaml-language-server: $schema=./scenario.schema.json`)
    .action(async () => {
      const engine = await context.engine();
      context.io.stdout(`${JSON.stringify(engine.scenarioJsonSchema(), null, 2)}\n`);
      context.setExitCode(0);
    });
}
