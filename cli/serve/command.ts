import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { parsePort } from '../option-parsers.js';

export function addServeCommand(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('serve the trainer dashboard in the browser (the same engine, interactive) and print its address')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .addHelpText('after', `
Examples:
  cutover serve                  http://127.0.0.1:5173/
  cutover serve --port 8080`)
    .action(async (options: { port?: number; host: string }) => {
      // Loaded only here, so other commands never pay for Vite.
      const { serveDashboard } = await import('./server.js');
      await serveDashboard({ port: options.port, host: options.host, print: (line) => context.io.stdout(`${line}\n`) });
      context.setExitCode(0);
    });
}
