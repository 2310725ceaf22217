import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError, MINUTE } from '../../sim/index.js';
import { checkOutputPath } from '../atomic-write.js';
import { shellQuote, type CommandContext } from '../context.js';
import { budgetOption, parsePositiveCount, parseSeed, positiveDuration } from '../option-parsers.js';
import { enforceWorkBudget } from '../work-budget.js';
import { progressBar } from '../progress.js';
import type { FuzzOptions } from './options.js';
import { WHOLE, parseShard, shardLabel, type Shard } from '../shard/index.js';
import { chosenShard, shardNamed, type ShardFromEnvironment } from '../shard/index.js';

/**
 * `cutover fuzz FILE`: property-based search (issue 7) for admin timelines around a base
 * scenario that break an invariant. Each case is the base with its plan mutated (steps
 * omitted, moved, re-anchored, swapped or added) and sometimes another seed; every
 * invariant of testing/invariants is checked, the metamorphic ones included. A failing
 * case is shrunk by fast-check and written as a scenario file with the command that
 * replays it. Exit 1 on a counterexample, 0 otherwise.
 *
 * The campaign is the list of cases 0..runs-1 (fuzz-case.ts). Without `--out` the search
 * stops at the first counterexample; with `--out` every case of the shard is run and
 * saved as a line (fuzz-shard.ts), so shards resume and merge (`cutover merge`). The
 * search itself (fuzz-search.ts, with fast-check and the testing kit) is loaded only when
 * the command runs, so other commands do not pay for loading it.
 */

export const parseTimeBudget = positiveDuration('--time 10m');

function checkFlags(options: FuzzOptions, chosen: ShardFromEnvironment | undefined): void {
  const bad = (message: string) => new InputError('CLI_BAD_FLAG', `${message} (see cutover fuzz --help)`);
  if (chosen !== undefined && chosen.shard.count > 1 && options.out === undefined) throw bad(`${shardNamed(chosen)} needs --out: a shard's cases are merged from that file with cutover merge`);
  if (options.fresh === true && options.out === undefined) throw bad('--fresh needs --out: it starts that results file again instead of resuming it');
  if (options.output !== undefined && options.out !== undefined) throw bad('-o/--output names the one counterexample of a search without --out; with --out each counterexample is written beside it as <out name>.case-K.yaml');
}

export function addFuzzCommand(program: Command, context: CommandContext): void {
  program
    .command('fuzz')
    .description('search for admin timelines around a scenario that lose mail or break an invariant')
    .argument('<file>', 'the base scenario (a file or the name of a built-in scenario)')
    .addOption(new Option('--runs <n>', 'generated cases to try').argParser(parsePositiveCount).default(100))
    .addOption(new Option('--time <duration>', 'start no new case after this much wall-clock time, e.g. 10m').argParser(parseTimeBudget).default(10 * MINUTE, '10m'))
    .addOption(new Option('--seed <n>', 'fast-check seed (printed by every run; the same seed and runs search the same cases)').argParser(parseSeed))
    .option('--no-metamorphic', 'skip the metamorphic properties (about four times faster)')
    .option('-o, --output <file>', 'where to write a counterexample (default: <scenario name>.counterexample.yaml); not with --out')
    .option('--out <file>', 'run every case and save each verdict as a JSON line as it finishes; an existing file of the same campaign is resumed')
    .addOption(new Option('--shard <i/n>', 'run only shard i of n (every n-th case); needs --out and --seed, merge the files with `cutover merge` (default: from the environment, see docs/scale-out.md)').argParser(parseShard))
    .option('--fresh', 'start --out again from nothing instead of resuming it')
    .addOption(budgetOption())
    .addHelpText('after', `
Examples:
  cutover fuzz textbook --runs 200
  cutover fuzz plan.yaml --time 2m --seed 42 -o found.yaml
  cutover fuzz plan.yaml --runs 5000 --seed 42 --shard 3/8 --out shard-3.jsonl --time 30m

Invariants: conservation, determinism, allowed batch transitions, migration figures that agree, a
clean plan loses nothing, every loss is explained by a finding or a declared fault, and the metamorphic
ones (see docs/testing.md).
Without --out the search stops at the first counterexample. With --out every case runs, each
counterexample is written beside it as <out name>.case-K.yaml, and the same command resumes.
Exit codes: 0 no counterexample; 1 a counterexample was written; 2 bad input; 3 internal error.`)
    .action(async (file: string, options: FuzzOptions) => {
      const chosen = chosenShard(options.shard, context.io.env);
      const shard = chosen?.shard ?? WHOLE;
      checkFlags(options, chosen);
      if (chosen !== undefined && chosen.source !== '--shard') context.io.stderr(`Shard       ${shardLabel(shard)} from ${chosen.source}\n`);
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      enforceWorkBudget(loaded.config, options.budget, loaded.source.file);
      for (const [flag, path] of [['--output', options.output], ['--out', options.out]] as const) {
        if (path !== undefined) checkOutputPath(path, [loaded.source.file], flag);
      }
      const { fuzz, fuzzToResults } = await import('./search.js');
      if (options.out !== undefined) {
        fuzzToResults(context, engine, loaded.config, file, { ...options, out: options.out }, shard);
        return;
      }
      const bar = progressBar(context.io, 'fuzz');
      const outcome = fuzz(engine, loaded.config, file, options, (done, total) => bar.update(done, total));
      bar.finish();
      const again = `cutover fuzz ${shellQuote(file)} --runs ${options.runs} --seed ${outcome.seed}`;
      if (outcome.counterexample === undefined) {
        context.io.stdout(`No counterexample in ${outcome.casesRun} cases (seed ${outcome.seed}).\nSearch again: ${again}\n`);
        context.setExitCode(0);
        return;
      }
      const found = outcome.counterexample;
      context.io.stdout([
        `Counterexample after ${outcome.casesRun} cases: ${found.broken.invariant}`,
        `  ${found.broken.message}`,
        `Scenario    ${found.file}`,
        `Replay      ${found.replay}`,
        `Search      ${again}`,
        '',
      ].join('\n'));
      context.setExitCode(1);
    });
}
