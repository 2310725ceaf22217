import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../../model/simulation.js';
import type { SimulationSnapshot } from '../../../model/result.js';
import { MEANINGFUL_STEP_LIMIT, meaningfulState, stepToMeaningful } from '../../../web/src/clock/meaningful.js';
import { toView } from '../../../web/src/session/from-snapshot.js';
import { TrainerSession } from '../../../web/src/session/session.js';
import { smallConfig } from '../../fixtures/config.js';

function steppable(session: TrainerSession<SimulationSnapshot>) {
  return {
    horizon: session.horizon,
    now: () => session.now(),
    goTo: (time: number) => session.goTo(time),
    nextEventAt: () => session.simulation.nextEventAt(),
    state: () => meaningfulState(toView(session.simulation.snapshot(), session.config), session.log.length, session.simulation.availableActions()),
  };
}

describe('step to the next meaningful event', () => {
  test('stops at the plan\'s next admin action, then at the batch\'s status changes, skipping engine events', () => {
    const session = new TrainerSession<SimulationSnapshot>(smallConfig(), (config) => createSimulation(config));
    const stops: string[] = [];
    for (let index = 0; index < 4; index++) {
      expect(stepToMeaningful(steppable(session))).toBe(true);
      stops.push(`${session.now()}:${session.simulation.snapshot().batch.status}`);
    }
    // The plan's T+0 actions (TTL, TXT record), then verification at T+20m.
    expect(stops.slice(0, 2)).toEqual(['0:None', `${20 * 60_000}:None`]);
    const times = stops.map((stop) => Number(stop.split(':')[0]));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(4);
  });

  test('with nothing going on it stops after the limit and says nothing happened', () => {
    const session = new TrainerSession<SimulationSnapshot>(smallConfig({ plan: [] }), (config) => createSimulation(config));
    expect(stepToMeaningful(steppable(session))).toBe(false);
    expect(session.now()).toBe(MEANINGFUL_STEP_LIMIT);
  });
});
