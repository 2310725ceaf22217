import { createHash } from 'node:crypto';
import type { SimulationConfig } from '../../model/config.js';
import { sweepConfig, type SweepJob } from './job.js';
import type { VarySpec } from './range.js';

/**
 * What makes two sweep results comparable: the same resolved scenario, the same varied
 * path and values, the same seeds. Every results file names its campaign, so shards from
 * different machines merge only when they ran the same campaign.
 */
export interface Campaign {
  /** Short hash of everything below except `command`: the value every result line carries. */
  id: string;
  scenario: string;
  /** Hash of the resolved scenario with the varied field and the seed neutralised (both are set per job). */
  configHash: string;
  /** Hash of the varied path and its values. */
  varyHash: string;
  seeds: number;
  /** Number of jobs in the whole campaign (values × seeds). */
  jobs: number;
  vary: VarySpec;
  /** The unsharded command that reproduces the campaign (shown in the report). */
  command: string;
}

/** JSON with object keys sorted, so equal values hash equally whatever order the loader built them in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((element) => (element === undefined ? 'null' : canonicalJson(element))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function campaignFor(config: SimulationConfig, vary: VarySpec, seeds: number, command: string): Campaign {
  const neutral = sweepConfig({ config, path: vary.path }, { value: 0, seed: 0 });
  const configHash = shortHash(canonicalJson(neutral));
  const varyHash = shortHash(canonicalJson({ path: vary.path, values: vary.values, labels: vary.labels }));
  const jobs = vary.values.length * seeds;
  const id = shortHash(canonicalJson({ format: 1, scenario: config.name, configHash, varyHash, seeds }));
  return { id, scenario: config.name, configHash, varyHash, seeds, jobs, vary, command };
}

/**
 * Why `found` is not `expected`, in words, or undefined when they are the same campaign.
 * Names the first difference a person can act on.
 */
export function campaignDifference(expected: Campaign, found: Campaign): string | undefined {
  if (expected.id === found.id) return undefined;
  if (expected.scenario !== found.scenario) return `it is from scenario "${found.scenario}", not "${expected.scenario}"`;
  if (expected.configHash !== found.configHash) return `the scenario "${found.scenario}" was different (resolved settings hash ${found.configHash}, now ${expected.configHash})`;
  if (expected.varyHash !== found.varyHash) return `it varied ${found.vary.source}, not ${expected.vary.source}`;
  if (expected.seeds !== found.seeds) return `it ran ${found.seeds} seeds per value, not ${expected.seeds}`;
  return `its campaign id is ${found.id}, not ${expected.id}`;
}

/** Every job of the campaign, value by value, seeds 1..n each: the order shards are cut from. */
export function campaignJobs(campaign: Pick<Campaign, 'vary' | 'seeds'>): SweepJob[] {
  return campaign.vary.values.flatMap((value) => Array.from({ length: campaign.seeds }, (_, index) => ({ value, seed: index + 1 })));
}

/** A job's position in `campaignJobs`, or undefined when it is not one of the campaign's jobs. */
export function jobIndex(campaign: Pick<Campaign, 'vary' | 'seeds'>, job: SweepJob): number | undefined {
  const valueIndex = campaign.vary.values.indexOf(job.value);
  if (valueIndex < 0 || !Number.isInteger(job.seed) || job.seed < 1 || job.seed > campaign.seeds) return undefined;
  return valueIndex * campaign.seeds + job.seed - 1;
}
