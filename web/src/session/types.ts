import type { Millis } from '../../../sim/index.js';
import type { ActionType, PlannedAction, SimulationConfig } from '../../../model/config.js';
import type { ActionOutcome, MessageTrace, SimulationResult } from '../../../model/result.js';

/** An admin command as the dashboard issues it: a planned action without its timing (it happens now). */
export type AdminCommand = Omit<PlannedAction, 'timing'>;

/** One command the trainer issued, and when. Replaying the log at the same times rebuilds the same state. */
export interface LoggedAction {
  at: Millis;
  action: AdminCommand;
}

export interface ActionAvailability {
  action: ActionType;
  allowed: boolean;
  reason?: string;
}

/**
 * The part of model/simulation.ts's `Simulation` the dashboard uses, written structurally so
 * the dashboard (and its tests, with a small fake) does not depend on how the model wires it.
 * `Snapshot` is the model's live view; the dashboard reads it through one adapter (view.ts).
 */
export interface LiveSimulation<Snapshot = unknown> {
  readonly config: SimulationConfig;
  now(): Millis;
  nextEventAt(): Millis | undefined;
  runUntil(time: Millis): unknown;
  act(action: AdminCommand): ActionOutcome;
  availableActions(): ActionAvailability[];
  snapshot(): Snapshot;
  result(): SimulationResult;
  message(id: number): MessageTrace | undefined;
  /** What one external resolver would answer for the MX now (the console's Resolve-DnsName); optional for fakes. */
  lookupMx?(resolver: number, domain?: number): { resolver: number; host: string | undefined; cached: boolean; ttlLeft: Millis };
}

export type SimulationFactory<Snapshot = unknown> = (config: SimulationConfig) => LiveSimulation<Snapshot>;
