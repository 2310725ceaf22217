import type { SimulationConfig } from '../../model/config.js';
import type { Finding, SimulationResult } from '../../model/result.js';

/**
 * What an invariant says about a run: it holds, or it is broken with a message and the
 * evidence. A relation whose premise the case does not meet holds with `vacuous` naming the
 * unmet premise, so a property can count the cases that compared something (issue 20).
 */
export type InvariantResult = { ok: true; vacuous?: string } | { ok: false; invariant: string; message: string; details?: unknown };

export const HOLDS: InvariantResult = Object.freeze({ ok: true });

/** Holds because the case is outside the relation's premise (named, for the vacuity counts). */
export const vacuous = (premise: string): InvariantResult => ({ ok: true, vacuous: premise });

/** Whether a result compared something: it broke, or it held with its premise met. */
export const exercised = (result: InvariantResult): boolean => !result.ok || result.vacuous === undefined;

export const broken = (invariant: string, message: string, details?: unknown): InvariantResult =>
  details === undefined ? { ok: false, invariant, message } : { ok: false, invariant, message, details };

/** Runs a scenario (normally `simulate` from model/simulation). Injected so invariants work with any engine build. */
export type SimulateFunction = (config: SimulationConfig) => SimulationResult;

/** The plan checker (normally `checkPlan` from model/checker). */
export type CheckPlanFunction = (config: SimulationConfig) => Finding[];

/** The first broken result of several, or HOLDS. */
export const firstBroken = (results: Iterable<InvariantResult>): InvariantResult => {
  for (const result of results) if (!result.ok) return result;
  return HOLDS;
};

/** Throws an Error naming the invariant, so a failing property shows it (fast-check adds the seed and path). */
export function assertInvariant(result: InvariantResult): void {
  if (result.ok) return;
  const details = result.details === undefined ? '' : `\n${JSON.stringify(result.details, null, 2)}`;
  throw new Error(`invariant ${result.invariant} broken: ${result.message}${details}`);
}
