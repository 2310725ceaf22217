import type { SimulationConfig } from '../../model/config.js';
import type { SimulationResult } from '../../model/result.js';
import { broken, HOLDS, type InvariantResult, type SimulateFunction } from './result.js';

/** Two runs of the same scenario and seed: same trace hash, same events, same counts (CONTRIBUTING "Determinism"). */
export function sameRun(first: SimulationResult, second: SimulationResult): InvariantResult {
  const name = 'determinism';
  if (first.traceHash !== second.traceHash) return broken(name, `the same scenario and seed gave trace hashes ${first.traceHash} and ${second.traceHash}`);
  if (first.events !== second.events) return broken(name, `the same scenario and seed processed ${first.events} and ${second.events} events`);
  const counts = [JSON.stringify(first.messages), JSON.stringify(second.messages)];
  if (counts[0] !== counts[1]) return broken(name, `the same scenario and seed gave message counts ${counts[0]} and ${counts[1]}`);
  return HOLDS;
}

/** Runs the scenario twice (on a deep copy the second time, so shared mutable input shows up) and compares. */
export function deterministic(config: SimulationConfig, simulate: SimulateFunction): InvariantResult {
  const first = simulate(config);
  const second = simulate(structuredClone(config));
  return sameRun(first, second);
}
