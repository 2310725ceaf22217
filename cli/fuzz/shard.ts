import { basename, dirname, extname, join } from 'node:path';
import type { SimulationConfig } from '../../model/config.js';
import { caseCheck, fuzzCase, writeCounterexample, type FuzzEngine } from './case.js';
import type { FuzzCampaign } from './campaign.js';
import type { FuzzResultsWriter } from './out.js';
import type { FuzzCaseLine } from './results.js';
import { shardIndices, type Shard } from '../shard/index.js';

export interface FuzzShardInput {
  engine: FuzzEngine;
  base: SimulationConfig;
  campaign: FuzzCampaign;
  shard: Shard;
  /** The results file: its finished cases are skipped, new ones appended as they finish. */
  writer: FuzzResultsWriter;
  /** Where the results file is; counterexample files go beside it. */
  out: string;
  /** Wall-clock ms after which no new case starts (a started case finishes, so its verdict stays deterministic). */
  deadline: number;
  /** The CLI's wall clock (injected by tests); never the simulation's. */
  clock: () => number;
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzShardOutcome {
  /** Every finished case of the shard (resumed and new), in case order. */
  lines: FuzzCaseLine[];
  /** The shard's cases. */
  cases: number;
  resumed: number;
  ran: number;
  /** Cases not started because `--time` ran out (the same command resumes them). */
  left: number;
}

/** `shard-3.jsonl`'s counterexample for case 17: `shard-3.case-17.yaml` beside it (case indices are unique in a campaign). */
export function counterexampleName(out: string, index: number): string {
  const name = basename(out);
  const stem = extname(name) === '' ? name : name.slice(0, -extname(name).length);
  return `${stem}.case-${index}.yaml`;
}

/**
 * Runs one shard of a fuzz campaign: every case of `shardIndices(runs, shard)` that the
 * results file does not hold yet, in order, until the deadline. A counterexample does not
 * stop the shard (each case's verdict is its own, so the merged shards give the verdicts
 * of the unsharded campaign); each one is written as its own scenario file.
 */
export function runFuzzShard(input: FuzzShardInput): FuzzShardOutcome {
  const { base, campaign, writer } = input;
  const mine = shardIndices(campaign.runs, input.shard);
  const finished = new Map<number, FuzzCaseLine>(writer.done);
  const todo = mine.filter((index) => !finished.has(index));
  const check = caseCheck(input.engine, campaign.settings.metamorphic);
  let ran = 0;
  for (const index of todo) {
    if (input.clock() >= input.deadline) break;
    const verdict = fuzzCase(check, base, campaign.seed, index);
    let line: FuzzCaseLine = { campaign: campaign.id, case: index, verdict: 'ok' };
    if (verdict.verdict === 'counterexample') {
      const file = counterexampleName(input.out, index);
      const written = writeCounterexample(verdict, base, join(dirname(input.out), file), campaign.command, campaign.seed, file);
      line = {
        ...line, verdict: 'counterexample', invariant: verdict.broken.invariant, message: verdict.broken.message,
        path: verdict.path, counterexampleFile: file, seed: written.config.seed, replay: written.replay,
      };
    }
    writer.append(line);
    finished.set(index, line);
    ran++;
    input.onProgress?.(ran, todo.length);
  }
  const lines = mine.flatMap((index) => finished.get(index) ?? []);
  return { lines, cases: mine.length, resumed: mine.length - todo.length, ran, left: todo.length - ran };
}
