import { builtinScenarioNames } from '../../scenarios/index.js';
import { isMailbox } from '../../model/organisation.js';
import { simulate, type SimulationResult } from '../../model/index.js';
import type { MessageFate } from '../../model/result.js';
import { HOUR } from '../../sim/index.js';
import { builtinCommandRun, builtinRun, builtinScenario } from '../fixtures/builtin-runs.js';

/** The seed every golden run uses (a built-in's own seed may change; this one does not). */
export const GOLDEN_SEED = 1;
const LARGE = 500;
/** The fates whose causes are a run's `reasons`: not readable where the recipient reads mail. */
const HARM: readonly MessageFate[] = ['bounced', 'lost', 'stranded', 'pending'];

export interface GoldenRun {
  traceHash: string;
  exitCode: number;
  /** The reason with the most bounced, lost, stranded or pending messages, or "none". */
  largestCause: string;
}

const isLarge = (name: string): boolean => builtinScenario(name).config.organisation.recipients.filter(isMailbox).length > LARGE;

/**
 * `cutover run NAME --json --seed 1` (first day only above 500 mailboxes), reduced to its
 * golden facts. A built-in whose own seed is the golden one runs without `--seed`: the same
 * run, shared with the other tests of the built-ins (test/fixtures/builtin-runs.ts).
 */
export async function goldenRun(name: string): Promise<GoldenRun> {
  const ownSeed = builtinScenario(name).config.seed === GOLDEN_SEED;
  const { code: exitCode, json } = await builtinCommandRun([name, '--json', ...(ownSeed ? [] : ['--seed', String(GOLDEN_SEED)]), ...(isLarge(name) ? ['--until', '1d'] : [])]);
  const reasons = new Map<string, number>();
  const causes = json.causes as SimulationResult['causes'];
  for (const fate of HARM) for (const [reason, count] of Object.entries(causes[fate] ?? {})) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
  const largest = [...reasons].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { traceHash: json.traceHash, exitCode, largestCause: largest[0]?.[0] ?? 'none' };
}

export async function goldenRuns(): Promise<Record<string, GoldenRun>> {
  const runs: Record<string, GoldenRun> = {};
  for (const name of builtinScenarioNames()) runs[name] = await goldenRun(name);
  return runs;
}

/** The golden run through the model instead of the command (shared with the other built-in tests when it is the built-in's own run). */
export function goldenSimulation(name: string): SimulationResult {
  const { config } = builtinScenario(name);
  if (config.seed === GOLDEN_SEED && !isLarge(name)) return builtinRun(name);
  return simulate({ ...config, seed: GOLDEN_SEED, ...(isLarge(name) ? { horizon: 24 * HOUR } : {}) });
}
