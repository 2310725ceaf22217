import type { Millis } from '../sim/index.js';
import type { SimulationConfig } from '../model/config.js';
import type { ActionOutcome, SimulationSnapshot } from '../model/result.js';
import type { AdminCommand, ConsoleTarget, MxLookup } from './target.js';

/** The trainer's session as the dashboard and `cutover console` hold it (web/src/session TrainerSession). */
export interface ConsoleSession {
  readonly config: SimulationConfig;
  readonly horizon: Millis;
  readonly log: readonly { at: Millis; action: AdminCommand }[];
  now(): Millis;
  goTo(time: Millis): void;
  act(command: AdminCommand): ActionOutcome;
  readonly simulation: {
    snapshot(): unknown;
    availableActions(): ReturnType<ConsoleTarget['availableActions']>;
    lookupMx?(resolver: number, domain?: number): MxLookup;
  };
}

/** The console's view of a session: its one action layer, its clock and the model's live snapshot. */
export function sessionTarget(session: ConsoleSession): ConsoleTarget {
  return {
    config: session.config,
    horizon: session.horizon,
    get log() { return session.log; },
    now: () => session.now(),
    goTo: (time) => session.goTo(time),
    act: (command) => session.act(command),
    snapshot: () => session.simulation.snapshot() as SimulationSnapshot,
    availableActions: () => session.simulation.availableActions(),
    lookupMx: (resolver, domain) => session.simulation.lookupMx?.(resolver, domain),
  };
}
