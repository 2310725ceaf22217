import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CommanderError } from 'commander';
import { isInputError, safeText } from '../sim/index.js';
import { coloursFor } from './colour.js';
import type { CommandContext } from './context.js';
import type { Engine } from './engine.js';
import { processIo, type CliIo } from './io.js';
import { buildProgram } from './program.js';

export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

/** Collapses commander's message (which may span lines and starts with "error: ") into one line. */
const oneLine = (message: string): string => message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim();

/** Longest error line printed: it names a problem, it does not reprint the input. */
const MAX_ERROR_LINE = 1_000;

/** The last guard before stderr: one line, nothing that can drive the terminal, bounded length. */
const errorLine = (text: string): string => safeText(oneLine(text), MAX_ERROR_LINE);

/**
 * Runs the `cutover` command line and returns its exit code; never exits the process and
 * never prints a stack trace (unless CUTOVER_DEBUG=1). Tests call it in-process with an
 * in-memory io and, when they want, their own engine.
 */
export async function main(argv: readonly string[], io: CliIo = processIo(), engine?: Engine): Promise<number> {
  let exitCode: number = EXIT.ok;
  let loaded: Promise<Engine> | undefined;
  const context: CommandContext = {
    io,
    colours: coloursFor(io),
    engine: () => (loaded ??= engine === undefined ? import('./real-engine.js').then((module) => module.realEngine()) : Promise.resolve(engine)),
    setExitCode: (code) => { exitCode = code; },
  };
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') return EXIT.badInput;
      const command = program.commands.find((candidate) => argv.includes(candidate.name()))?.name();
      io.stderr(`cutover: error: ${errorLine(error.message)} (see cutover ${command === undefined ? '' : `${command} `}--help) [CLI_BAD_FLAG]\n`);
      return EXIT.badInput;
    }
    if (isInputError(error)) {
      io.stderr(`cutover: error: ${errorLine(error.describe())}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`cutover: internal error: ${errorLine(message)} — please report this with the command you ran (CUTOVER_DEBUG=1 shows details)\n`);
    if (io.env.CUTOVER_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
}

const invokedDirectly = (() => {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
