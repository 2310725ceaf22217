import { describe, expect, it } from 'vitest';
import { assign, createActor, setup } from 'xstate';
import { DAY, HOUR, Scheduler, Trace } from '../../sim/index.js';

/** A machine with chained delays: a -(1 h)-> b -(2 h)-> c -(30 d)-> done. */
const chain = setup({
  types: { context: {} as { visits: number[] }, events: {} as { type: 'visit'; at: number } },
}).createMachine({
  id: 'chain',
  initial: 'a',
  context: { visits: [] },
  states: {
    a: { after: { [HOUR]: 'b' } },
    b: { after: { [2 * HOUR]: 'c' } },
    c: { after: { [30 * DAY]: 'done' } },
    done: { type: 'final' },
  },
  on: { visit: { actions: assign({ visits: ({ context, event }) => [...context.visits, event.at] }) } },
});

describe('Scheduler as the XState clock', () => {
  it('fires a 30-day delay at exactly 30 days, cascading chained delays', () => {
    const scheduler = new Scheduler();
    const actor = createActor(chain, { clock: scheduler }).start();
    const seen: Array<[number, string]> = [];
    actor.subscribe((snapshot) => seen.push([scheduler.now(), String(snapshot.value)]));
    scheduler.runUntil(HOUR - 1);
    expect(actor.getSnapshot().value).toBe('a');
    scheduler.runUntilIdle();
    expect(seen).toEqual([
      [HOUR, 'b'],
      [3 * HOUR, 'c'],
      [3 * HOUR + 30 * DAY, 'done'],
    ]);
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('cancels the pending delay when the state is left early', () => {
    const machine = setup({ types: { events: {} as { type: 'skip' } } }).createMachine({
      initial: 'waiting',
      states: { waiting: { after: { [DAY]: 'timedOut' }, on: { skip: 'skipped' } }, timedOut: {}, skipped: {} },
    });
    const scheduler = new Scheduler();
    const actor = createActor(machine, { clock: scheduler }).start();
    expect(scheduler.pendingCount).toBe(1);
    scheduler.runUntil(HOUR);
    actor.send({ type: 'skip' });
    expect(scheduler.pendingCount).toBe(0);
    scheduler.runUntilIdle();
    expect(actor.getSnapshot().value).toBe('skipped');
    expect(scheduler.now()).toBe(HOUR);
  });

  it('traces transitions with actor names that do not depend on earlier runs', () => {
    const run = () => {
      const scheduler = new Scheduler();
      const trace = new Trace();
      scheduler.trace = trace;
      createActor(chain, { clock: scheduler, inspect: trace.inspector(() => scheduler.now()) }).start();
      createActor(chain, { clock: scheduler, inspect: trace.inspector(() => scheduler.now()) }).start();
      scheduler.runUntilIdle();
      return trace;
    };
    const first = run();
    const second = run();
    expect(first.getLines()).toEqual(second.getLines());
    expect(first.hash()).toBe(second.hash());
    expect(first.getLines()).toContain(`${HOUR}|transition|actor#0|xstate.after.${HOUR}.chain.a->b`);
  });

  it('names an actor in the trace by its systemId when it has one', () => {
    const scheduler = new Scheduler();
    const trace = new Trace();
    createActor(chain, { clock: scheduler, systemId: 'batch:Cutover', inspect: trace.inspector(() => scheduler.now()) }).start();
    scheduler.runUntil(HOUR);
    expect(trace.getLines()).toContain(`${HOUR}|transition|batch:Cutover|xstate.after.${HOUR}.chain.a->b`);
  });
});
