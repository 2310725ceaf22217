/**
 * The floor of a message (issue 19): the least work the twin could do per message with its
 * own primitives, one random draw (sim/random), one event-queue operation (sim/scheduler,
 * a post and its pop) and one record write (the ledger's MessageRecords), over as many
 * messages as the `max` run sends. `max`'s messages per CPU-second divided by the floor's
 * says how far the model is from what the engine, the random streams and the ledger cost.
 */
import { RandomStreams, Scheduler } from '../sim/index.js';
import { MessageRecords } from '../model/ledger/message-records.js';
import { messageFigures, timed, type CaseFigures } from './measure.js';

/** `max` over 30 days sends this many messages (docs/performance.md); the runner passes the measured count when max ran first. */
export const MAX_MESSAGES = 4_728_151;

export function floorRun(messages = MAX_MESSAGES): CaseFigures {
  const scheduler = new Scheduler();
  const random = new RandomStreams(1).stream('bench.floor');
  const records = new MessageRecords();
  let left = messages;
  const arrive = (sender: number, now: number): void => {
    const draw = random.next();
    records.push(now, sender, sender + 1);
    if (--left > 0) scheduler.post(now + 1 + Math.floor(draw * 1_000), 'floor.arrival', 0, arrive, Math.floor(draw * 2_000));
  };
  const measured = timed(() => {
    scheduler.post(0, 'floor.arrival', 0, arrive, 0);
    scheduler.runUntilIdle();
  });
  if (records.length !== messages || scheduler.processedCount !== messages) throw new Error(`floor wrote ${records.length} records in ${scheduler.processedCount} events, expected ${messages}`);
  return messageFigures(messages, measured, `${messages.toLocaleString('en')} messages, each one draw, one queue post and pop, one record write`);
}
