import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import fc from 'fast-check';
import { formatDuration, HOUR, isInputError, MINUTE, parseDuration, type Millis } from '../sim/index.js';
import type { SimulationConfig } from '../model/config.js';
import { scenarioAround } from '../testing/arbitraries/index.js';
import { checkScenarioInvariants, type InvariantResult, type MetamorphicKnobs } from '../testing/invariants/index.js';
import { scenarioFileProblems, scenarioFileText } from '../testing/scenario-file.js';
import { checkOutputPath, writeFileAtomic } from './atomic-write.js';
import { replayCommand, shellQuote, type CommandContext } from './context.js';
import type { Engine } from './engine.js';
import { parsePositiveCount, parseSeed } from './option-parsers.js';
import { progressBar } from './progress.js';

/**
 * `cutover fuzz FILE`: property-based search (issue 7) for admin timelines around a base
 * scenario that break an invariant. Each case is the base with its plan mutated (steps
 * omitted, moved, re-anchored, swapped or added) and sometimes another seed; every
 * invariant of testing/invariants is checked, the metamorphic ones included. The first
 * failure is shrunk by fast-check and written as a scenario file with the command that
 * replays it. Exit 1 on a counterexample, 0 otherwise.
 */

export interface FuzzOptions {
  runs: number;
  /** Wall-clock budget; the search stops (without failing) when it runs out. */
  time: Millis;
  /** fast-check's seed: the same seed, runs and scenario search the same cases. */
  seed?: number;
  output?: string;
  /** Also check the metamorphic properties (default true; each costs two more runs per case). */
  metamorphic?: boolean;
}

export interface FuzzOutcome {
  casesRun: number;
  seed: number;
  counterexample?: { config: SimulationConfig; broken: Extract<InvariantResult, { ok: false }>; path: string; file: string; replay: string };
}

const knobs: fc.Arbitrary<MetamorphicKnobs> = fc.record({
  removalLater: fc.integer({ min: 1, max: 48 }).map((hours) => hours * HOUR),
  ttlEarlier: fc.integer({ min: 1, max: 24 * 60 }).map((minutes) => minutes * MINUTE),
  extraConcurrency: fc.integer({ min: 1, max: 40 }),
});

export function parseTimeBudget(text: string): Millis {
  try {
    const budget = parseDuration(text);
    if (budget <= 0) throw new InvalidArgumentError('expected a duration greater than zero, for example --time 10m.');
    return budget;
  } catch (error) {
    if (isInputError(error)) throw new InvalidArgumentError(`${error.message}.`);
    throw error;
  }
}

const firstFailure = (results: InvariantResult[]): Extract<InvariantResult, { ok: false }> | undefined =>
  results.find((result): result is Extract<InvariantResult, { ok: false }> => !result.ok);

/** Runs the search; writes the counterexample file when one is found. The clock is the CLI's, never the simulation's. */
export function fuzz(engine: Pick<Engine, 'simulate' | 'checkPlan'>, base: SimulationConfig, file: string, options: FuzzOptions, onProgress: (done: number, total: number) => void = () => {}): FuzzOutcome {
  const seed = options.seed ?? (Date.now() % 2 ** 31);
  const check = (config: SimulationConfig, knob: MetamorphicKnobs) =>
    firstFailure(checkScenarioInvariants(config, { simulate: (scenario) => engine.simulate(scenario, {}), checkPlan: engine.checkPlan, ...(options.metamorphic === false ? {} : { metamorphic: knob }) }));
  let casesRun = 0;
  const property = fc.property(scenarioAround(base), knobs, (config, knob) => {
    casesRun++;
    onProgress(Math.min(casesRun, options.runs), options.runs);
    return check(config, knob) === undefined;
  });
  const details = fc.check(property, { seed, numRuns: options.runs, interruptAfterTimeLimit: options.time, markInterruptAsFailure: false });
  if (!details.failed || details.counterexample === null) return { casesRun: Math.min(casesRun, options.runs), seed };
  const [config, knob] = details.counterexample;
  const broken = check(config, knob) ?? { ok: false as const, invariant: 'unknown', message: 'the property failed but its counterexample passes when run again (non-determinism)' };
  const output = options.output ?? `${base.name}.counterexample.yaml`;
  const named: SimulationConfig = { ...config, name: `${base.name.replace(/[^A-Za-z0-9._-]/g, '-')}-counterexample` };
  const replay = replayCommand(output, named.seed);
  const problems = scenarioFileProblems(named);
  const comment = [
    `Counterexample found by: cutover fuzz ${shellQuote(file)} --runs ${options.runs} --seed ${seed}`,
    `Broken invariant: ${broken.invariant}: ${broken.message}`,
    ...(broken.invariant.includes('later') || broken.invariant.includes('earlier') || broken.invariant.includes('concurrency') ? [`Knob: ${JSON.stringify({ ...knob, removalLater: formatDuration(knob.removalLater), ttlEarlier: formatDuration(knob.ttlEarlier) })}`] : []),
    `fast-check: { seed: ${seed}, path: "${details.counterexamplePath ?? ''}", endOnFailure: true }`,
    `Replay: ${replay}`,
    ...problems.map((problem) => `Not exact: ${problem}`),
  ].join('\n');
  const written = writeFileAtomic(output, scenarioFileText(named, { comment }));
  return { casesRun: Math.min(casesRun, options.runs), seed, counterexample: { config: named, broken, path: details.counterexamplePath ?? '', file: written, replay } };
}

export function addFuzzCommand(program: Command, context: CommandContext): void {
  program
    .command('fuzz')
    .description('search for admin timelines around a scenario that lose mail or break an invariant')
    .argument('<file>', 'the base scenario (a file or the name of a built-in scenario)')
    .addOption(new Option('--runs <n>', 'generated cases to try').argParser(parsePositiveCount).default(100))
    .addOption(new Option('--time <duration>', 'stop searching after this much wall-clock time, e.g. 10m').argParser(parseTimeBudget).default(10 * MINUTE, '10m'))
    .addOption(new Option('--seed <n>', 'fast-check seed (printed by every run; the same seed and runs search the same cases)').argParser(parseSeed))
    .option('--no-metamorphic', 'skip the metamorphic properties (about four times faster)')
    .option('-o, --output <file>', 'where to write a counterexample (default: <scenario name>.counterexample.yaml)')
    .addHelpText('after', `
Examples:
  cutover fuzz textbook --runs 200
  cutover fuzz plan.yaml --time 2m --seed 42 -o found.yaml

Invariants: conservation, determinism, allowed batch transitions, a clean plan loses nothing,
every loss is explained by a finding or a declared fault, and the metamorphic ones (see docs/testing.md).
Exit codes: 0 no counterexample; 1 a counterexample was written; 2 bad input; 3 internal error.`)
    .action(async (file: string, options: FuzzOptions) => {
      const engine = await context.engine();
      const loaded = engine.loadScenario(file);
      if (options.output !== undefined) checkOutputPath(options.output, [loaded.source.file], '--output');
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
