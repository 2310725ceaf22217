import fc from 'fast-check';
import { formatDuration, HOUR, MINUTE } from '../../sim/index.js';
import type { SimulationConfig } from '../../model/config.js';
import { scenarioAround } from '../../testing/arbitraries/index.js';
import { checkScenarioInvariants, type InvariantResult, type MetamorphicKnobs } from '../../testing/invariants/index.js';
import { scenarioFileProblems, scenarioFileText } from '../../testing/scenario-file.js';
import { writeFileAtomic } from '../atomic-write.js';
import { replayCommand } from '../context.js';
import type { Engine } from '../engine.js';

/**
 * One case of a fuzz campaign, generated, checked and (on failure) shrunk on its own.
 *
 * Case k is the k-th value of fast-check's sequence for the campaign seed: fast-check's
 * replay `path: "k"` skips to it (only random-generator jumps, no generation), and with
 * `numRuns: 1` runs that one case. So a shard can run any subset of cases, and case k is
 * the same value — with the same size bias — as in one unsharded `fc.check` of the seed.
 */

export type Broken = Extract<InvariantResult, { ok: false }>;

export type CaseVerdict =
  | { case: number; verdict: 'ok' }
  | { case: number; verdict: 'counterexample'; broken: Broken; config: SimulationConfig; knob: MetamorphicKnobs; path: string };

/** The engine calls a case needs (the CLI's Engine, or the testing kit's realEngine). */
export type FuzzEngine = Pick<Engine, 'simulate' | 'checkPlan'>;

const knobs: fc.Arbitrary<MetamorphicKnobs> = fc.record({
  removalLater: fc.integer({ min: 1, max: 48 }).map((hours) => hours * HOUR),
  ttlEarlier: fc.integer({ min: 1, max: 24 * 60 }).map((minutes) => minutes * MINUTE),
  extraConcurrency: fc.integer({ min: 1, max: 40 }),
});

const firstFailure = (results: InvariantResult[]): Broken | undefined => results.find((result): result is Broken => !result.ok);

/** The first broken invariant of one generated scenario, or undefined when all hold. */
export function caseCheck(engine: FuzzEngine, metamorphic: boolean): (config: SimulationConfig, knob: MetamorphicKnobs) => Broken | undefined {
  return (config, knob) => firstFailure(checkScenarioInvariants(config, {
    simulate: (scenario) => engine.simulate(scenario, {}),
    checkPlan: engine.checkPlan,
    ...(metamorphic ? { metamorphic: knob } : {}),
  }));
}

/** Generates case `index` of the campaign `seed` around `base`, checks it, and shrinks it when it fails. */
export function fuzzCase(check: ReturnType<typeof caseCheck>, base: SimulationConfig, seed: number, index: number): CaseVerdict {
  const property = fc.property(scenarioAround(base), knobs, (config, knob) => check(config, knob) === undefined);
  const details = fc.check(property, { seed, path: String(index), numRuns: 1 });
  if (!details.failed || details.counterexample === null) return { case: index, verdict: 'ok' };
  const [config, knob] = details.counterexample;
  const broken = check(config, knob) ?? { ok: false as const, invariant: 'unknown', message: 'the property failed but its counterexample passes when run again (non-determinism)' };
  return { case: index, verdict: 'counterexample', broken, config, knob, path: details.counterexamplePath ?? String(index) };
}

export interface WrittenCounterexample {
  config: SimulationConfig;
  file: string;
  replay: string;
}

/**
 * Writes a counterexample as a scenario file at `output`, with a header naming how it was
 * found, the broken invariant, fast-check's seed and path, and the replay command.
 * `replayPath` is how the replay command names the file (it may be relative to a results file).
 */
export function writeCounterexample(found: Extract<CaseVerdict, { verdict: 'counterexample' }>, base: SimulationConfig, output: string, foundBy: string, seed: number, replayPath = output): WrittenCounterexample {
  const named: SimulationConfig = { ...found.config, name: `${base.name.replace(/[^A-Za-z0-9._-]/g, '-')}-counterexample` };
  const replay = replayCommand(replayPath, named.seed);
  const { broken, knob } = found;
  const comment = [
    `Counterexample found by: ${foundBy} (case ${found.case})`,
    `Broken invariant: ${broken.invariant}: ${broken.message}`,
    ...(broken.invariant.includes('later') || broken.invariant.includes('earlier') || broken.invariant.includes('concurrency') ? [`Knob: ${JSON.stringify({ ...knob, removalLater: formatDuration(knob.removalLater), ttlEarlier: formatDuration(knob.ttlEarlier) })}`] : []),
    `fast-check: { seed: ${seed}, path: "${found.path}", endOnFailure: true }`,
    `Replay: ${replay}`,
    ...scenarioFileProblems(named).map((problem) => `Not exact: ${problem}`),
  ].join('\n');
  return { config: named, file: writeFileAtomic(output, scenarioFileText(named, { comment })), replay };
}
