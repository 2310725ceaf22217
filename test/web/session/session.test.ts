import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { TrainerSession } from '../../../web/src/session/session.js';
import type { ActionType } from '../../../model/config.js';
import { createFakeSimulation, fakeConfig } from '../fake-simulation.js';

describe('TrainerSession', () => {
  test('goTo runs forward, clamps to the horizon, and an earlier time rewinds', () => {
    const session = new TrainerSession(fakeConfig(), createFakeSimulation);
    session.goTo(2 * DAY);
    expect(session.now()).toBe(2 * DAY);
    session.goTo(99 * DAY);
    expect(session.now()).toBe(10 * DAY);
    const generation = session.generation;
    session.goTo(DAY);
    expect(session.now()).toBe(DAY);
    expect(session.generation).toBe(generation + 1);
  });

  test('only carried-out commands are logged, with the time they were given', () => {
    const session = new TrainerSession(fakeConfig(), createFakeSimulation);
    session.goTo(3 * HOUR);
    expect(session.act({ action: 'removeBatch' }).outcome).toBe('refused');
    expect(session.act({ action: 'createBatch', batchName: 'B' }).outcome).toBe('done');
    expect(session.log).toEqual([{ at: 3 * HOUR, action: { action: 'createBatch', batchName: 'B' } }]);
  });

  test('stepping runs every event of the next event time and never passes the horizon', () => {
    const session = new TrainerSession(fakeConfig(3, 5 * HOUR), createFakeSimulation);
    let steps = 0;
    while (session.stepToNextEvent()) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(session.now()).toBe(5 * HOUR);
    expect(session.simulation.nextEventAt() ?? Infinity).toBeGreaterThan(5 * HOUR);
  });

  const moves = fc.array(fc.oneof(
    fc.record({ kind: fc.constant('go' as const), to: fc.integer({ min: 0, max: 10 * DAY }) }),
    fc.record({ kind: fc.constant('act' as const), action: fc.constantFrom<ActionType>('createBatch', 'removeBatch') }),
    fc.record({ kind: fc.constant('step' as const) }),
  ), { maxLength: 12 });

  test.prop([fc.integer({ min: 0, max: 1000 }), moves, fc.integer({ min: 0, max: 10 * DAY })], { numRuns: 60 })(
    'rewinding to a time gives exactly the state of a fresh run that replays the log up to it',
    (seed, script, target) => {
      const session = new TrainerSession(fakeConfig(seed), createFakeSimulation);
      for (const move of script) {
        if (move.kind === 'go') session.goTo(move.to);
        else if (move.kind === 'act') session.act({ action: move.action });
        else session.stepToNextEvent();
      }
      const fullLog = [...session.log];
      const before = session.simulation.snapshot();
      // A fresh session given the whole log and brought to the same time matches the live one.
      const replayed = new TrainerSession(fakeConfig(seed), createFakeSimulation, fullLog);
      replayed.goTo(session.now());
      expect(replayed.simulation.snapshot()).toEqual(before);
      // Rewinding keeps the commands up to the target and matches a fresh replay of those.
      session.rewindTo(target);
      const kept = fullLog.filter((entry) => entry.at <= target);
      expect(session.log).toEqual(kept);
      const fresh = new TrainerSession(fakeConfig(seed), createFakeSimulation, kept);
      fresh.goTo(target);
      expect(session.simulation.snapshot()).toEqual(fresh.simulation.snapshot());
    },
  );
});

describe('TrainerSession.restart', () => {
  test('goes back to T+0 and forgets even the commands given at T+0', () => {
    const session = new TrainerSession(fakeConfig(), createFakeSimulation);
    session.act({ action: 'createBatch' });
    session.goTo(DAY);
    session.restart();
    expect(session.now()).toBe(0);
    expect(session.log).toEqual([]);
    expect(session.simulation.snapshot().batch).toBe('None');
  });
});
