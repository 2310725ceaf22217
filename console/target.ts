import type { Millis } from '../sim/index.js';
import type { PlannedAction, SimulationConfig, ActionType } from '../model/config.js';
import type { ActionOutcome, SimulationSnapshot } from '../model/result.js';

/** An admin command as the console and the dashboard's buttons give it: a planned action happening now. */
export type AdminCommand = Omit<PlannedAction, 'timing'>;

/** What one resolver would answer for the MX now, and how long its cached answer still lives. */
export interface MxLookup {
  resolver: number;
  /** undefined when it cannot answer (authorities unreachable and nothing servable cached). */
  host: string | undefined;
  /** The answer came from the resolver's cache (true) or straight from the authority. */
  cached: boolean;
  /** Time left on the cached answer (the TTL a client sees), or the zone's TTL for a fresh one. */
  ttlLeft: Millis;
}

/**
 * What the console drives: the trainer's session. Every command that changes the world goes
 * through `act`, the same action layer as the dashboard's buttons, so both are refused for the
 * same reasons and both land in the session's log (share links, the event timeline).
 */
export interface ConsoleTarget {
  readonly config: SimulationConfig;
  readonly horizon: Millis;
  now(): Millis;
  goTo(time: Millis): void;
  act(command: AdminCommand): ActionOutcome;
  snapshot(): SimulationSnapshot;
  availableActions(): { action: ActionType; allowed: boolean; reason?: string }[];
  /** Commands carried out so far and when (the session's log). */
  readonly log: readonly { at: Millis; action: AdminCommand }[];
  /** A side-effect-free look-up of the MX of accepted domain `domain` (default the primary) through resolver `resolver`, when the model offers it. */
  lookupMx?(resolver: number, domain?: number): MxLookup | undefined;
}
