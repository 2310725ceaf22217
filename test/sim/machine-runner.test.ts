import { assign, createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DAY, MachineRunner, Scheduler, Trace } from '../../sim/index.js';
import { licenseMachine } from '../../model/tenant/license.js';

const input = { provisionedAt: 0, grace: 30 * DAY, retention: 30 * DAY };

describe('MachineRunner', () => {
  it('fires a delayed transition exactly on the engine clock, and the next one from there', () => {
    const scheduler = new Scheduler();
    const runner = new MachineRunner(licenseMachine, input, { scheduler, name: 'license:a' });
    scheduler.runUntil(30 * DAY - 1);
    expect(runner.snapshot.value).toBe('grace');
    scheduler.runUntil(30 * DAY);
    expect(runner.snapshot.value).toBe('disabled');
    expect(runner.snapshot.context.disabledAt).toBe(30 * DAY);
    scheduler.runUntilIdle();
    expect(runner.snapshot.value).toBe('deleted');
    expect(scheduler.now()).toBe(60 * DAY);
  });

  it('cancels the delayed transition when the state is left, and refuses what is not allowed', () => {
    const scheduler = new Scheduler();
    let transitions = 0;
    const runner = new MachineRunner(licenseMachine, input, { scheduler, name: 'license:a', onTransition: () => transitions++ });
    scheduler.runUntil(DAY);
    expect(runner.send({ type: 'assign', at: DAY })).toBe(true);
    expect(runner.send({ type: 'assign', at: DAY })).toBe(false); // licensed has no assign
    expect(scheduler.pendingCount).toBe(0);
    scheduler.runUntilIdle();
    expect(runner.snapshot.value).toBe('licensed');
    expect(transitions).toBe(1);
  });

  it('stop cancels the pending timers', () => {
    const scheduler = new Scheduler();
    const runner = new MachineRunner(licenseMachine, input, { scheduler, name: 'license:a' });
    runner.stop();
    scheduler.runUntilIdle();
    expect(runner.snapshot.value).toBe('grace');
  });

  it('leaves the same trace as an actor on the engine clock with the trace inspector', () => {
    const run = (useActor: boolean) => {
      const scheduler = new Scheduler();
      const trace = new Trace();
      scheduler.trace = trace;
      const licenses = [0, 1, 2].map((index) => {
        if (!useActor) return new MachineRunner(licenseMachine, input, { scheduler, name: `license:${index}`, trace });
        const actor = createActor(licenseMachine, { clock: scheduler, systemId: `license:${index}`, input, inspect: trace.inspector(() => scheduler.now()) });
        return actor.start();
      });
      scheduler.runUntil(DAY);
      licenses[1]!.send({ type: 'assign', at: DAY });
      scheduler.runUntil(40 * DAY);
      licenses[2]!.send({ type: 'assign', at: 40 * DAY });
      scheduler.runUntilIdle();
      return { lines: trace.getLines(), hash: trace.hash() };
    };
    const withRunner = run(false);
    expect(withRunner.lines).toEqual(run(true).lines);
    expect(withRunner.lines.some((line) => line.includes('license:0|xstate.after.retention.license.disabled->deleted'))).toBe(true);
  });

  it('refuses a machine with actions it does not run', () => {
    const machine = setup({ actions: { shout: () => {} } }).createMachine({ initial: 'a', states: { a: { entry: 'shout' } } });
    expect(() => new MachineRunner(machine, undefined, { scheduler: new Scheduler(), name: 'm' })).toThrow(/does not run shout actions/);
    const counting = setup({}).createMachine({ context: { n: 0 }, initial: 'a', states: { a: { on: { go: { target: 'b', actions: assign({ n: 1 }) } } }, b: {} } });
    const runner = new MachineRunner(counting, undefined, { scheduler: new Scheduler(), name: 'c' });
    expect(runner.send({ type: 'go' })).toBe(true);
    expect(runner.snapshot.context.n).toBe(1);
  });
});
