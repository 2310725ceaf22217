import { assign, createActor, setup } from 'xstate';
import { RandomStreams } from './random.js';
import { Scheduler } from './scheduler.js';
import { HOUR, formatDuration } from './time.js';
import { Trace } from './trace.js';

/**
 * A small demonstration of the engine on its own: mailboxes (XState actors on the
 * engine clock) wait for one of a few sync slots, sync for a random time, then run an
 * incremental pass every 24 h, while plain engine events deliver a Poisson stream of
 * messages. Used by the engine's determinism test across processes.
 */
export interface EngineDemoSummary {
  seed: number;
  events: number;
  transitions: number;
  messages: number;
  initialSyncDoneAt: number;
  traceHash: string;
}

const mailboxMachine = setup({
  types: {
    context: {} as { syncTime: number; passes: number },
    input: {} as { syncTime: number },
    events: {} as { type: 'slotGranted' },
  },
  delays: { syncTime: ({ context }) => context.syncTime },
}).createMachine({
  id: 'mailbox',
  initial: 'Queued',
  context: ({ input }) => ({ syncTime: input.syncTime, passes: 0 }),
  states: {
    Queued: { on: { slotGranted: 'Syncing' } },
    Syncing: { after: { syncTime: 'Synced' } },
    Synced: { after: { [24 * HOUR]: 'IncrementalSyncing' } },
    IncrementalSyncing: { after: { [10 * 60_000]: { target: 'Synced', actions: assign({ passes: ({ context }) => context.passes + 1 }) } } },
  },
});

export function runEngineDemo(seed = 1, mailboxes = 20, slots = 5, horizon = 3 * 24 * HOUR): EngineDemoSummary {
  const trace = new Trace({ keepLines: false });
  const scheduler = new Scheduler({ trace });
  const random = new RandomStreams(seed);
  const sizes = random.stream('demo.sync');
  const arrivals = random.stream('demo.arrivals');
  const inspect = trace.inspector(() => scheduler.now());

  const queue: Array<{ send(event: { type: 'slotGranted' }): void }> = [];
  let free = slots;
  let done = 0;
  let initialSyncDoneAt = -1;
  const grant = () => {
    while (free > 0 && queue.length > 0) {
      free--;
      queue.shift()!.send({ type: 'slotGranted' });
    }
  };
  for (let index = 0; index < mailboxes; index++) {
    const actor = createActor(mailboxMachine, {
      clock: scheduler,
      inspect,
      input: { syncTime: Math.round(sizes.lognormal(2 * HOUR, 0.5)) },
    });
    let first = true;
    actor.subscribe((snapshot) => {
      if (snapshot.value === 'Synced' && first) {
        first = false;
        free++;
        done++;
        if (done === mailboxes) initialSyncDoneAt = scheduler.now();
        grant();
      }
    });
    actor.start();
    queue.push(actor);
  }
  grant();

  let messages = 0;
  const deliver = (recipient: number, now: number) => {
    messages++;
    const next = arrivals.nextArrival(now, 1 / 60_000);
    if (next <= horizon) scheduler.at(next, 'message', arrivals.integer(0, mailboxes - 1), deliver, recipient);
  };
  scheduler.at(arrivals.nextArrival(0, 1 / 60_000), 'message', 0, deliver, 0);
  scheduler.runUntil(horizon);
  return { seed, events: scheduler.processedCount, transitions: trace.lineCount - messages, messages, initialSyncDoneAt, traceHash: trace.hash() };
}

export function describeDemo(summary: EngineDemoSummary): string {
  return [
    'cutover-twin engine demonstration',
    `  seed ${summary.seed}: ${summary.events} events, ${summary.transitions} machine transitions, ${summary.messages} messages`,
    `  initial sync of every mailbox done at T+${formatDuration(summary.initialSyncDoneAt)}`,
    `  trace hash ${summary.traceHash} (the same seed gives the same hash on any machine)`,
  ].join('\n');
}

// `npm start` runs this file directly until the scenario command line lands.
if (typeof process !== 'undefined' && process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  console.log(describeDemo(runEngineDemo(Number(process.argv[2] ?? 1))));
}
