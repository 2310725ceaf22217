import { Trace, type Millis } from '../sim/index.js';
import type { ActionType, PlannedAction, SimulationConfig } from './config.js';
import type { ActionOutcome, MessageTrace, SimulationResult, SimulationSnapshot } from './result.js';
import { availableActions, checkAction, executeAction } from './simulation/admin-actions.js';
import { HourlySeries } from './simulation/hourly-series.js';
import { buildResult, buildSnapshot } from './simulation/reports.js';
import { buildWorld } from './simulation/world.js';

export interface SimulationOptions {
  /** true keeps every trace line; a Trace collects into it; otherwise only the hash is kept. */
  trace?: boolean | Trace;
  /** Keep every message's full path (small runs, the dashboard's tracer). */
  keepAllPaths?: boolean;
}

export interface Simulation {
  readonly config: SimulationConfig;
  now(): Millis;
  /** Time of the next engine event, or undefined when none is left before the horizon. */
  nextEventAt(): Millis | undefined;
  /** Runs every event up to `time` (never beyond the horizon). */
  runUntil(time: Millis): void;
  /** Runs one engine event (or moves to the horizon when none is left before it). */
  step(): void;
  /** Executes an admin action now (the dashboard's buttons): done, or refused with the reason. */
  act(action: Omit<PlannedAction, 'timing'>): ActionOutcome;
  /** Every action type with whether it is allowed now, and the reason if not. */
  availableActions(): { action: ActionType; allowed: boolean; reason?: string }[];
  /** A cheap live view for the dashboard. */
  snapshot(): SimulationSnapshot;
  /** The full result as of now (messages without a fate are counted per the horizon rule). Checks conservation. */
  result(): SimulationResult;
  /** Path and fate of any message (full path when kept; otherwise the compact record). */
  message(id: number): MessageTrace | undefined;
  /** What external resolver `resolver` would answer for the MX of accepted domain `domain` (default the primary, 0) now, without disturbing the run (Resolve-DnsName). */
  lookupMx(resolver: number, domain?: number): { resolver: number; host: string | undefined; cached: boolean; ttlLeft: Millis };
}

/**
 * Builds a simulation of one scenario: the migration service, DNS, senders, tenant,
 * on-prem server, clients, traffic and the admin's plan on one deterministic event queue.
 * Same config and seed, same run, bit for bit (result().traceHash shows it).
 */
export function createSimulation(config: SimulationConfig, options: SimulationOptions = {}): Simulation {
  config.plan.forEach((action, index) => checkAction(action, `plan[${index}]`));
  const trace = options.trace instanceof Trace ? options.trace : new Trace({ keepLines: options.trace === true });
  const world = buildWorld(config, trace, options.keepAllPaths === true, executeAction);
  const series = new HourlySeries(world);
  series.start();
  const { scheduler } = world;
  const horizon = config.horizon;

  return {
    config,
    now: () => scheduler.now(),
    nextEventAt() {
      const next = scheduler.peekTime();
      return next !== undefined && next <= horizon ? next : undefined;
    },
    runUntil(time) {
      const target = Math.min(time, horizon);
      if (target >= scheduler.now()) scheduler.runUntil(target);
    },
    step() {
      const next = scheduler.peekTime();
      if (next !== undefined && next <= horizon) scheduler.step(1);
      else if (scheduler.now() < horizon) scheduler.runUntil(horizon);
    },
    act(action) {
      return world.execute(action, scheduler.now());
    },
    availableActions: () => availableActions(world),
    snapshot: () => buildSnapshot(world, series),
    result: () => buildResult(world, series),
    message: (id) => world.ledger.trace(id, (pending) => world.router.resolvePending(pending)),
    lookupMx(resolver, domain = 0) {
      const now = scheduler.now();
      const answer = world.dns.peekMx(resolver, now, domain);
      return { resolver, host: answer.host, cached: answer.cached, ttlLeft: Math.max(0, answer.expiresAt - now) };
    },
  };
}

/** Runs a scenario to its horizon and returns the result (conservation checked). */
export function simulate(config: SimulationConfig, options: SimulationOptions = {}): SimulationResult {
  const simulation = createSimulation(config, options);
  simulation.runUntil(config.horizon);
  return simulation.result();
}
