import type { Millis } from '../../sim/index.js';
import type { Shard } from '../shard/index.js';

/** The flags of `cutover fuzz`, shared by the command and the search it loads on demand. */
export interface FuzzOptions {
  runs: number;
  /** Wall-clock budget; no new case starts once it has run out (the search stops without failing). */
  time: Millis;
  /** fast-check's seed: the same seed, runs and scenario search the same cases. */
  seed?: number;
  output?: string;
  /** Also check the metamorphic properties (default true; each costs two more runs per case). */
  metamorphic?: boolean;
  /** Results file: one JSON line per finished case (resumable, mergeable). */
  out?: string;
  shard?: Shard;
  fresh?: boolean;
  /** Work budget factor (--budget) for the base scenario. */
  budget?: number;
}
