import { main, memoryIo } from '../../cli/index.js';
import { builtinScenarioNames, loadScenario } from '../../scenarios/index.js';
import { isMailbox } from '../../model/organisation.js';
import { simulate } from '../../model/index.js';
import { HOUR } from '../../sim/index.js';

/** The seed every golden run uses (a built-in's own seed may change; this one does not). */
export const GOLDEN_SEED = 1;
const LARGE = 500;

export interface GoldenRun {
  traceHash: string;
  exitCode: number;
  /** The reason with the most lost or bounced messages, or "none". */
  largestCause: string;
}

/** `cutover run NAME --json --seed 1` (first day only above 500 mailboxes), reduced to its golden facts. */
export async function goldenRun(name: string): Promise<GoldenRun> {
  const io = memoryIo();
  const large = loadScenario(name).config.organisation.recipients.filter(isMailbox).length > LARGE;
  const exitCode = await main(['run', name, '--json', '--seed', String(GOLDEN_SEED), ...(large ? ['--until', '1d'] : [])], io);
  const json = JSON.parse(io.out.join('')) as { traceHash: string };
  // The causes are not in the JSON: the same run through the model (its hash must match the command's).
  const { config } = loadScenario(name);
  const result = simulate({ ...config, seed: GOLDEN_SEED, ...(large ? { horizon: 24 * HOUR } : {}) });
  if (result.traceHash !== json.traceHash) throw new Error(`${name}: cutover run and simulate disagree (${json.traceHash} vs ${result.traceHash})`);
  const reasons = Object.entries(result.reasons).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { traceHash: json.traceHash, exitCode, largestCause: reasons[0]?.[0] ?? 'none' };
}

export async function goldenRuns(): Promise<Record<string, GoldenRun>> {
  const runs: Record<string, GoldenRun> = {};
  for (const name of builtinScenarioNames()) runs[name] = await goldenRun(name);
  return runs;
}
