import type { AnyStateMachine } from 'xstate';
import { batchMachine } from '../../model/migration/index.js';
import type { BatchStatus, SimulationResult } from '../../model/result.js';
import { broken, HOLDS, type InvariantResult } from './result.js';

/**
 * The (from → to) status pairs a machine allows, read from its definition (events,
 * `after` timers and eventless transitions alike), so the check cannot drift from the
 * machine. For the batch, `Deleted → Created` is added: a new batch may be created once
 * the old one is gone (CUTPS: only one exists at a time).
 */
export function machineTransitions(machine: AnyStateMachine): Set<string> {
  const pairs = new Set<string>();
  for (const node of Object.values(machine.root.states)) {
    const transitions = [...node.transitions.values()].flat().concat(node.always ?? []);
    for (const transition of transitions) {
      for (const target of transition.target ?? []) pairs.add(`${node.key}->${target.key}`);
    }
  }
  return pairs;
}

let batchPairs: Set<string> | undefined;

/** The batch machine's allowed status changes, plus a new batch after deletion. */
export function allowedBatchTransitions(): ReadonlySet<string> {
  if (batchPairs === undefined) {
    batchPairs = machineTransitions(batchMachine);
    batchPairs.add('Deleted->Created');
  }
  return batchPairs;
}

/** The batch only takes transitions its machine allows, starting from Created, in time order. */
export function batchTransitionsAllowed(result: SimulationResult, allowed: ReadonlySet<string> = allowedBatchTransitions()): InvariantResult {
  const name = 'batch-transitions';
  const history = result.batch.statusHistory;
  if (history.length === 0) return HOLDS;
  if (history[0]!.status !== 'Created') return broken(name, `the batch's first status is ${history[0]!.status}, not Created`, { history });
  let previous: { status: BatchStatus; at: number } = history[0]!;
  for (const entry of history.slice(1)) {
    if (entry.at < previous.at) return broken(name, `the status history goes back in time: ${previous.status} at ${previous.at} ms, then ${entry.status} at ${entry.at} ms`, { history });
    const pair = `${previous.status}->${entry.status}`;
    if (!allowed.has(pair)) return broken(name, `the batch went ${previous.status} → ${entry.status} at ${entry.at} ms, which its machine does not allow`, { history, allowed: [...allowed] });
    previous = entry;
  }
  return HOLDS;
}
