import { assign, createActor, setup } from 'xstate';
import { RandomStreams, Scheduler, Trace } from '../sim/index.js';
import { timed, type CaseFigures } from './measure.js';

/**
 * Hold model, as in the simulation notes §4: a fixed number of pending events; each
 * processed event schedules one more after a random delay. Measures bare engine throughput.
 */
export function holdModel(pending = 1_000, total = 1_000_000, traced = false): CaseFigures {
  const scheduler = new Scheduler({ trace: traced ? new Trace({ keepLines: false }) : undefined });
  const random = new RandomStreams(1).stream('bench.hold');
  let remaining = total - pending;
  const hold = (entity: number, now: number) => {
    if (remaining-- > 0) scheduler.at(now + 1 + Math.floor(random.next() * 10_000), 'hold', entity, hold, entity);
  };
  for (let entity = 0; entity < pending; entity++) scheduler.at(Math.floor(random.next() * 10_000), 'hold', entity, hold, entity);
  const { wallMs, cpuMs } = timed(() => scheduler.runUntilIdle());
  if (scheduler.processedCount !== total) throw new Error(`hold model processed ${scheduler.processedCount}, expected ${total}`);
  return { work: total, unit: 'events', wallMs, cpuMs, detail: `${pending} pending, ${total.toLocaleString('en')} events${traced ? ', hashed' : ''}` };
}

/** XState actors on the engine clock, each taking `transitions` delayed transitions (notes §1.7). */
export function xstateDelays(actors = 1_000, transitions = 200): CaseFigures {
  const machine = setup({
    types: { context: {} as { left: number; delay: number } , input: {} as { delay: number } },
    delays: { step: ({ context }) => context.delay },
    guards: { more: ({ context }) => context.left > 0 },
  }).createMachine({
    initial: 'tick',
    context: ({ input }) => ({ left: transitions, delay: input.delay }),
    states: {
      tick: { after: { step: [{ guard: 'more', target: 'tock', actions: assign({ left: ({ context }) => context.left - 1 }) }, { target: 'done' }] } },
      tock: { after: { step: [{ guard: 'more', target: 'tick', actions: assign({ left: ({ context }) => context.left - 1 }) }, { target: 'done' }] } },
      done: { type: 'final' },
    },
  });
  const scheduler = new Scheduler();
  const random = new RandomStreams(2).stream('bench.xstate');
  const { wallMs, cpuMs } = timed(() => {
    for (let index = 0; index < actors; index++) {
      createActor(machine, { clock: scheduler, input: { delay: 1 + Math.floor(random.next() * 1_000) } }).start();
    }
    scheduler.runUntilIdle();
  });
  const total = scheduler.processedCount;
  if (total !== actors * (transitions + 1)) throw new Error(`xstate bench processed ${total} timers`);
  return { work: total, unit: 'delayed transitions', wallMs, cpuMs, detail: `${actors} actors × ${transitions + 1} transitions` };
}
