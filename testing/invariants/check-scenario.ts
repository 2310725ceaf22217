import type { Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../../model/config.js';
import { batchTransitionsAllowed } from './batch-transitions.js';
import { cleanPlanLosesNothing, lossesExplained, type AgreementOptions } from './checker-agreement.js';
import { conservation } from './conservation.js';
import { statisticsAgree } from './statistics-agree.js';
import { sameRun } from './determinism.js';
import { loweringTtlEarlierSendsNoMoreToOldHost, moreConcurrencyNeverSlower, removingLaterLosesNoMore } from './metamorphic.js';
import { HOLDS, type CheckPlanFunction, type InvariantResult, type SimulateFunction } from './result.js';

/** How far each metamorphic knob moves. */
export interface MetamorphicKnobs {
  removalLater: Millis;
  ttlEarlier: Millis;
  extraConcurrency: number;
}

export interface ScenarioCheckOptions extends AgreementOptions {
  simulate: SimulateFunction;
  checkPlan: CheckPlanFunction;
  /** Also run the metamorphic properties with these knobs (two more runs each). */
  metamorphic?: MetamorphicKnobs;
}

/**
 * Every invariant of issue 7 on one scenario: the run is simulated twice (determinism),
 * its result checked for conservation, allowed batch transitions and migration figures that
 * agree, the checker's
 * findings compared with it, and, when knobs are given, the metamorphic properties.
 * Returns each invariant's result, in that order.
 */
export function checkScenarioInvariants(config: SimulationConfig, options: ScenarioCheckOptions): InvariantResult[] {
  const results = runInvariants(config, options);
  const knobs = options.metamorphic;
  if (knobs !== undefined) {
    results.push(
      removingLaterLosesNoMore(config, knobs.removalLater, options.simulate),
      loweringTtlEarlierSendsNoMoreToOldHost(config, knobs.ttlEarlier, options.simulate),
      moreConcurrencyNeverSlower(config, knobs.extraConcurrency, options.simulate),
    );
  }
  return results;
}

/** The invariants of the run itself, in a function of their own so that its two results are garbage before the metamorphic runs (a large scenario holds hundreds of MB per result). */
function runInvariants(config: SimulationConfig, options: ScenarioCheckOptions): InvariantResult[] {
  const result = options.simulate(config);
  const again = options.simulate(structuredClone(config));
  const findings = options.checkPlan(config);
  return [
    conservation(result),
    sameRun(result, again),
    batchTransitionsAllowed(result),
    statisticsAgree(result),
    cleanPlanLosesNothing(findings, result, options),
    lossesExplained(config, findings, result, options),
  ];
}

/** The first broken invariant on one scenario, or HOLDS. */
export function checkScenario(config: SimulationConfig, options: ScenarioCheckOptions): InvariantResult {
  return checkScenarioInvariants(config, options).find((result) => !result.ok) ?? HOLDS;
}
