import { HOUR, RandomStreams, Scheduler } from '../../sim/index.js';
import type { SimulationConfig } from '../../model/config.js';
import type { ActionOutcome, SimulationResult } from '../../model/result.js';
import type { AdminCommand, LiveSimulation } from '../../web/src/session/types.js';

/** What the fake exposes as its snapshot: enough to tell two runs apart. */
export interface FakeSnapshot {
  now: number;
  ticks: number;
  total: number;
  batch: 'None' | 'Created';
  given: string[];
}

/**
 * A tiny deterministic stand-in for model/simulation.ts: random ticks on the real Scheduler
 * and RandomStreams, and one command rule (a batch can be created once, removed only when it exists).
 */
export function createFakeSimulation(config: SimulationConfig): LiveSimulation<FakeSnapshot> {
  const scheduler = new Scheduler();
  const random = new RandomStreams(config.seed).stream('fake.ticks');
  const state: FakeSnapshot = { now: 0, ticks: 0, total: 0, batch: 'None', given: [] };
  const tick = (_: number, now: number) => {
    state.ticks++;
    state.total += random.integer(1, 100);
    const next = now + random.integer(1, 2 * HOUR);
    if (next <= config.horizon) scheduler.at(next, 'tick', 0, tick, 0);
  };
  scheduler.at(random.integer(1, HOUR), 'tick', 0, tick, 0);
  const refuse = (command: AdminCommand, detail: string): ActionOutcome => ({ action: command.action, at: scheduler.now(), outcome: 'refused', detail });
  return {
    config,
    now: () => scheduler.now(),
    nextEventAt: () => scheduler.peekTime(),
    runUntil: (time) => scheduler.runUntil(Math.min(time, config.horizon)),
    act(command) {
      if (command.action === 'createBatch' && state.batch !== 'None') return refuse(command, 'only one cutover batch can exist');
      if (command.action === 'removeBatch' && state.batch === 'None') return refuse(command, 'there is no batch');
      if (command.action === 'createBatch') state.batch = 'Created';
      if (command.action === 'removeBatch') state.batch = 'None';
      state.given.push(`${scheduler.now()}:${command.action}:${state.total}`);
      return { action: command.action, at: scheduler.now(), outcome: 'done', detail: 'ok' };
    },
    availableActions: () => [
      { action: 'createBatch', allowed: state.batch === 'None', ...(state.batch === 'None' ? {} : { reason: 'only one cutover batch can exist' }) },
      { action: 'removeBatch', allowed: state.batch !== 'None', ...(state.batch !== 'None' ? {} : { reason: 'there is no batch' }) },
    ],
    snapshot: () => ({ ...state, now: scheduler.now(), given: [...state.given] }),
    result: () => ({ scenario: config.name, seed: config.seed } as SimulationResult),
    message: () => undefined,
  };
}

export function fakeConfig(seed = 7, horizon = 10 * 24 * HOUR): SimulationConfig {
  return { name: 'fake', seed, horizon, plan: [] } as unknown as SimulationConfig;
}
