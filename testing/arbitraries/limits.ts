import { DAY, InputError, type Millis } from '../../sim/index.js';

/**
 * How big a generated scenario may get. Small cases run in a few milliseconds and shrink
 * to readable counterexamples; the defaults are the "small case" of issue 7 (20 mailboxes
 * or fewer, 6-7 simulated days (the whole textbook plan), few resolvers and senders, light mail flow).
 */
export interface ScenarioLimits {
  /** Most on-prem mailboxes (at least one is always generated). */
  maxMailboxes: number;
  /** Shortest and longest simulated horizon. */
  minHorizon: Millis;
  maxHorizon: Millis;
  /** Most external resolvers and sending organisations. */
  maxResolvers: number;
  maxSenders: number;
  /** Highest median generated messages per user per workday (0 turns generated traffic off). */
  maxMessagesPerUserPerDay: number;
  /** Most explicit messages. */
  maxExplicitMessages: number;
  /** Most mutations applied to a base timeline (omitted, moved, re-anchored, swapped or extra actions). */
  maxTimelineMutations: number;
  /** Largest generated mailbox, MB. */
  maxMailboxMegabytes: number;
}

export const SMALL_SCENARIO: ScenarioLimits = {
  maxMailboxes: 20,
  // Long enough for the whole textbook plan (initial sync, switch a day later, removal 72 h
  // after it, decommission a day after that), so a generated plan runs inside its horizon
  // instead of being cut by it (issue 20: 2-day horizons cut two runs in three).
  minHorizon: 6 * DAY,
  maxHorizon: 7 * DAY,
  maxResolvers: 12,
  maxSenders: 8,
  maxMessagesPerUserPerDay: 6,
  maxExplicitMessages: 6,
  maxTimelineMutations: 3,
  maxMailboxMegabytes: 1_024,
};

/** Fills in the limits not given, from the small case. */
export const limitsWith = (overrides: Partial<ScenarioLimits> = {}): ScenarioLimits => {
  const limits = { ...SMALL_SCENARIO, ...overrides };
  if (!Number.isInteger(limits.maxMailboxes) || limits.maxMailboxes < 1) throw new InputError('ARBITRARY_LIMITS_INVALID', 'maxMailboxes must be a whole number of at least 1', { path: 'maxMailboxes' });
  if (!(limits.minHorizon > 0) || limits.minHorizon > limits.maxHorizon) throw new InputError('ARBITRARY_LIMITS_INVALID', 'expected 0 < minHorizon ≤ maxHorizon', { path: 'minHorizon' });
  return limits;
};
