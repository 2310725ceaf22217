import type { SimulationConfig } from '../../model/config.js';
import { InputError } from '../../sim/index.js';
import { shellQuote, type CommandContext } from '../context.js';
import { caseCheck, fuzzCase, writeCounterexample, type Broken, type FuzzEngine } from './case.js';
import { fuzzCampaignFor } from './campaign.js';
import { counterexampleLines, locateCounterexample } from './merge.js';
import { existingFuzzHeader, openFuzzResults } from './out.js';
import { runFuzzShard, type FuzzShardOutcome } from './shard.js';
import type { FuzzOptions } from './options.js';
import { progressBar } from '../progress.js';
import { shardLabel, type Shard } from '../shard/index.js';

/** The search behind `cutover fuzz` (see fuzz.ts), loaded when the command runs. */

export interface FuzzOutcome {
  casesRun: number;
  seed: number;
  counterexample?: { config: SimulationConfig; broken: Broken; path: string; file: string; replay: string };
}

const searchCommand = (file: string, runs: number, seed: number, metamorphic: boolean): string =>
  `cutover fuzz ${shellQuote(file)} --runs ${runs} --seed ${seed}${metamorphic ? '' : ' --no-metamorphic'}`;

/**
 * Searches cases 0..runs-1 in order and stops at the first counterexample, which it writes
 * to `options.output`. The clock is the CLI's, never the simulation's.
 */
export function fuzz(engine: FuzzEngine, base: SimulationConfig, file: string, options: FuzzOptions, onProgress: (done: number, total: number) => void = () => {}, clock: () => number = Date.now): FuzzOutcome {
  const seed = options.seed ?? (Date.now() % 2 ** 31);
  const check = caseCheck(engine, options.metamorphic !== false);
  const deadline = clock() + options.time;
  let casesRun = 0;
  for (let index = 0; index < options.runs && clock() < deadline; index++) {
    const verdict = fuzzCase(check, base, seed, index);
    casesRun++;
    onProgress(casesRun, options.runs);
    if (verdict.verdict === 'counterexample') {
      const output = options.output ?? `${base.name}.counterexample.yaml`;
      const written = writeCounterexample(verdict, base, output, `cutover fuzz ${shellQuote(file)} --runs ${options.runs} --seed ${seed}`, seed);
      return { casesRun, seed, counterexample: { config: written.config, broken: verdict.broken, path: verdict.path, file: written.file, replay: written.replay } };
    }
  }
  return { casesRun, seed };
}

/** `--out` mode: runs (or resumes) the shard's cases, saving each; exit 1 when any case of the shard is a counterexample. */
export function fuzzToResults(context: CommandContext, engine: FuzzEngine, base: SimulationConfig, file: string, options: FuzzOptions & { out: string }, shard: Shard): void {
  const recorded = options.fresh === true ? undefined : existingFuzzHeader(options.out);
  const seed = options.seed ?? recorded?.campaign.seed;
  if (seed === undefined && shard.count > 1) throw new InputError('CLI_BAD_FLAG', `--shard ${shardLabel(shard)} needs --seed: every shard must search the same cases (see cutover fuzz --help)`);
  const metamorphic = options.metamorphic !== false;
  const campaignSeed = seed ?? Date.now() % 2 ** 31;
  const campaign = fuzzCampaignFor(base, options.runs, campaignSeed, { metamorphic }, searchCommand(file, options.runs, campaignSeed, metamorphic));
  const writer = openFuzzResults(options.out, campaign, shard, options.fresh === true);
  if (writer.done.size > 0) {
    context.io.stderr(`Resuming    ${writer.done.size} case(s) already in ${options.out}${writer.damaged > 0 ? ` (${writer.damaged} cut-off or unreadable line(s) dropped)` : ''}\n`);
  }
  const bar = progressBar(context.io, shard.count > 1 ? `fuzz ${shardLabel(shard)}` : 'fuzz');
  let outcome: FuzzShardOutcome;
  try {
    outcome = runFuzzShard({ engine, base, campaign, shard, writer, out: options.out, deadline: Date.now() + options.time, clock: Date.now, onProgress: bar.update });
  } finally {
    bar.finish();
    writer.close();
  }
  const found = outcome.lines.filter((line) => line.verdict === 'counterexample').map((line) => locateCounterexample(line, options.out));
  const label = shard.count > 1 ? `shard ${shardLabel(shard)} of ${campaign.runs} cases` : `${campaign.runs} cases`;
  context.io.stdout([
    `Fuzz        ${campaign.scenario}, ${label} (seed ${campaign.seed}): ${outcome.lines.length} of ${outcome.cases} run (${outcome.ran} new, ${outcome.resumed} resumed), ${found.length} counterexample(s)`,
    ...found.flatMap(counterexampleLines),
    ...(outcome.left > 0 ? [`Stopped     --time ran out with ${outcome.left} case(s) not started; run the same command again to continue from ${options.out}`] : []),
    `Cases       ${options.out}`,
    ...(shard.count > 1 ? [`Merge       cutover merge <the ${shard.count} shards' --out files> for the whole campaign`] : []),
    '',
  ].join('\n'));
  context.setExitCode(found.length > 0 ? 1 : 0);
}
