import type { Command } from 'commander';
import { Option } from 'commander';
import { Trace } from '../../sim/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CommandContext } from '../context.js';
import { runScenario, type RunOptions } from './command.js';
import { budgetOption, parseSeed, parseUntil } from '../option-parsers.js';

/** One trace line `time|kind|entity|detail` as a JSON object (detail may itself contain `|`). */
export function traceLineJson(line: string): { at: number; kind: string; entity: string; detail: string } {
  const first = line.indexOf('|');
  const second = line.indexOf('|', first + 1);
  const third = line.indexOf('|', second + 1);
  return { at: Number(line.slice(0, first)), kind: line.slice(first + 1, second), entity: line.slice(second + 1, third), detail: line.slice(third + 1) };
}

export function addReplayCommand(program: Command, context: CommandContext): void {
  program
    .command('replay')
    .description('run a scenario again with a given seed, keeping its full trace')
    .argument('<file>', 'a scenario file or the name of a built-in scenario')
    .addOption(new Option('--seed <n>', 'the seed printed by the run to replay').argParser(parseSeed).makeOptionMandatory())
    .option('--trace <file>', 'write the trace as JSON lines: {"at","kind","entity","detail"} per processed event')
    .option('--json', 'print one JSON object instead of the summary')
    .option('--report <file>', 'also write the HTML report')
    .addOption(new Option('--until <duration>', 'stop at this time from the start, e.g. 72h').argParser(parseUntil))
    .addOption(budgetOption())
    .addHelpText('after', `
Examples:
  cutover replay textbook --seed 7
  cutover replay plan.yaml --seed 42 --trace run.jsonl

The same scenario and seed always give the same trace hash.`)
    .action(async (file: string, options: RunOptions & { trace?: string }) => {
      const trace = new Trace();
      const extra = options.trace === undefined ? [] : [{ flag: '--trace', path: options.trace }];
      await runScenario(context, file, options, trace, extra);
      if (options.trace !== undefined) {
        const lines = trace.getLines().map((line) => JSON.stringify(traceLineJson(line)));
        const written = writeFileAtomic(options.trace, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
        context.io.stderr(`Trace       ${written} (${lines.length} lines)\n`);
      }
    });
}
