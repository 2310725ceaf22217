import { createHash } from 'node:crypto';
import type { SimulationConfig } from '../../model/config.js';
import { canonicalJson } from '../sweep/index.js';

/**
 * What makes two fuzz results comparable: the same base scenario (resolved), the same
 * fast-check seed and number of cases, the same settings. Case k's scenario depends only
 * on these and k, so shards of one campaign on different machines check disjoint parts of
 * one list of cases, and their files merge.
 */
export interface FuzzCampaign {
  /** Short hash of everything below except `command`: the value every case line carries. */
  id: string;
  scenario: string;
  /** Hash of the resolved base scenario (canonical JSON). */
  configHash: string;
  /** Number of cases in the whole campaign (indices 0..runs-1). */
  runs: number;
  /** fast-check's seed; case k is the k-th value of its sequence. */
  seed: number;
  settings: FuzzSettings;
  /** The unsharded command that reproduces the campaign. */
  command: string;
}

export interface FuzzSettings {
  /** Whether the metamorphic properties are checked (they change verdicts, so they are part of the identity). */
  metamorphic: boolean;
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function fuzzCampaignFor(config: SimulationConfig, runs: number, seed: number, settings: FuzzSettings, command: string): FuzzCampaign {
  const configHash = shortHash(canonicalJson(config));
  const id = shortHash(canonicalJson({ format: 1, kind: 'fuzz', scenario: config.name, configHash, runs, seed, settings }));
  return { id, scenario: config.name, configHash, runs, seed, settings, command };
}

/** Why `found` is not `expected`, in words a person can act on, or undefined when they are the same campaign. */
export function fuzzCampaignDifference(expected: FuzzCampaign, found: FuzzCampaign): string | undefined {
  if (expected.id === found.id) return undefined;
  if (expected.scenario !== found.scenario) return `it is from scenario "${found.scenario}", not "${expected.scenario}"`;
  if (expected.configHash !== found.configHash) return `the scenario "${found.scenario}" was different (resolved settings hash ${found.configHash}, now ${expected.configHash})`;
  if (expected.seed !== found.seed) return `it used --seed ${found.seed}, not ${expected.seed}`;
  if (expected.runs !== found.runs) return `it had --runs ${found.runs}, not ${expected.runs}`;
  if (expected.settings.metamorphic !== found.settings.metamorphic) return found.settings.metamorphic ? 'it checked the metamorphic properties (now --no-metamorphic)' : 'it was run with --no-metamorphic';
  return `its campaign id is ${found.id}, not ${expected.id}`;
}
