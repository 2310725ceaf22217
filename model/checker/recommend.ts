import type { SimulationConfig } from '../config.js';
import type { Recommendations, SimulationResult } from '../result.js';
import { recommendFromRuns, keyTimesOf } from '../recommendations/index.js';
import { simulate } from '../simulation.js';

export interface RecommendOptions {
  /** How many seeds to run the plan over, from the scenario's seed on (default 5). */
  seeds?: number;
  /** Runs of this plan already made (their seeds are not run again). */
  runs?: readonly SimulationResult[];
}

/** The seeds `recommend` uses: the scenario's seed and the ones after it. */
export const recommendationSeeds = (config: SimulationConfig, seeds: number): number[] =>
  Array.from({ length: Math.max(1, Math.floor(seeds)) }, (_, offset) => config.seed + offset);

/**
 * The moments a planner asks for, for this plan: the plan itself is simulated over several
 * seeds and each recommendation comes from what those runs observed (model/recommendations).
 * Nothing here is a different, sync-only plan: the switch, the removal and the licenses are
 * recommended only when the plan takes those steps and some run synced the batch.
 */
export function recommend(config: SimulationConfig, options: RecommendOptions = {}): Recommendations {
  const known = new Map((options.runs ?? []).map((run) => [run.seed, run]));
  const runs = recommendationSeeds(config, options.seeds ?? 5).map((seed) => known.get(seed) ?? simulate({ ...config, seed }));
  return recommendFromRuns(config, runs.map(keyTimesOf));
}
