import type { Colours } from './colour.js';
import type { Engine } from './engine.js';
import type { CliIo } from './io.js';

/** What every command gets: where to print, the engine (loaded on first use) and colours. */
export interface CommandContext {
  io: CliIo;
  engine(): Promise<Engine>;
  colours: Colours;
  /** The command's verdict: 0 all well, 1 lost or bounced mail or error findings. */
  setExitCode(code: 0 | 1): void;
}

/** Quotes an argument for a POSIX shell when it needs it, so a printed command can be pasted back. */
export function shellQuote(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** The command that replays a run: same scenario, same seed (and the same horizon when it was cut short). */
export function replayCommand(scenario: string, seed: number, until?: string): string {
  return `cutover replay ${shellQuote(scenario)} --seed ${seed}${until === undefined ? '' : ` --until ${shellQuote(until)}`}`;
}
