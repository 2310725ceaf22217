import { createInterface } from 'node:readline';
import { MigrationConsole, complete, runScript, sessionTarget } from '../../console/index.js';
import type { SimulationConfig } from '../../model/config.js';
import { createSimulation } from '../../model/simulation.js';
import { hasErrorFindings, verdictOf } from '../../report/index.js';
import { TrainerSession } from '../../web/src/session/session.js';
import { replayCommand, shellQuote, type CommandContext } from '../context.js';
import { terminalSafe } from '../colour.js';
import { formatSummary } from '../run/index.js';

/**
 * `cutover console`: the dashboard's migration console on the terminal. The session is the
 * dashboard's (one action layer, replayable log); simulated time passes only by Wait-Time or
 * Start-Sleep. Returns the exit code.
 */
export async function startConsole(context: CommandContext, config: SimulationConfig, file: string, script: string | undefined, stopOnError: boolean, scriptPath?: string): Promise<0 | 1> {
  const session = new TrainerSession(config, (resolved) => createSimulation(resolved));
  const target = sessionTarget(session);
  const console = new MigrationConsole(() => target, { width: 120 });
  // Scenario strings (display names) reach the terminal: made safe, keeping line breaks.
  const print = (text: string) => context.io.stdout(text.split('\n').map(terminalSafe).join('\n'));
  let errors = 0;
  if (script !== undefined) {
    errors = runScript(console, script, print, stopOnError).errors;
  } else {
    print(`cutover console · ${config.name} · seed ${config.seed}. Get-Command lists the cmdlets; Wait-Time 2h lets time pass; exit ends.\n`);
    errors = await repl(console, (line, cursor) => complete(console, line, cursor, target), print);
  }
  const result = session.simulation.result();
  print(`\n${formatSummary(result, { replayCommand: script === undefined ? replayCommand(file, config.seed) : `cutover console ${shellQuote(file)} --script ${shellQuote(scriptPath ?? '')} --seed ${config.seed}`, colours: context.colours, notes: [`Commands    ${session.log.length} carried out${errors > 0 ? `, ${errors} failed` : ''}`] })}`);
  return errors === 0 && verdictOf(result).ok && !hasErrorFindings(result) ? 0 : 1;
}

async function repl(console: MigrationConsole, completer: (line: string, cursor: number) => { start: number; candidates: string[] }, print: (text: string) => void): Promise<number> {
  const reader = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
    historySize: 500,
    completer: (line: string) => {
      const found = completer(line, line.length);
      return [found.candidates, line.slice(found.start)];
    },
  });
  let errors = 0;
  const prompt = () => reader.setPrompt('PS> ');
  prompt();
  reader.prompt();
  for await (const line of reader) {
    if (/^\s*exit\s*$/i.test(line)) break;
    const reply = console.run(line);
    if (reply.error) errors++;
    if (reply.clear) process.stdout.write('\x1b[2J\x1b[H');
    if (reply.output !== '') print(`${reply.output}\n`);
    reader.prompt();
  }
  reader.close();
  return errors;
}
