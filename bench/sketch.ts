/**
 * A bare sketch of the twin's mail flow: as many messages as `max` sends, each going through
 * only the steps every message of the model takes, with the project's own primitives, and
 * nothing of the cutover (no migration window, clients, tenant, licences or senders' queues).
 * Measured beside the floor, it shows what issue 19's "within 3× of the floor" asks of a
 * model: the sketch itself lands just inside it (docs/performance.md, *What dominates now*).
 */
import { RandomStreams, Scheduler, Trace } from '../sim/index.js';
import { hashedUniform } from '../model/dns/background.js';
import { MessageRecords } from '../model/ledger/message-records.js';
import { UserVolumes } from '../model/mailflow/user-volumes.js';
import { isMailbox } from '../model/organisation.js';
import { MAX_MESSAGES } from './floor.js';
import { messageFigures, timed, type CaseFigures } from './measure.js';
import { benchConfig } from './scenario-runs.js';

/** The ledger's code for a delivered message (model/ledger/ledger.ts, FATE_CODES). */
const DELIVERED = 1;

export function sketchRun(messages = MAX_MESSAGES): CaseFigures {
  // `max` as the bench runs it: its users and their volumes, its resolvers and its horizon.
  const max = benchConfig('max');
  const flow = max.mailFlow.generated!;
  const users = max.organisation.recipients.filter(isMailbox).length;
  const resolvers = max.dns.resolverCount;
  const missProbability = max.dns.cacheMissProbability;
  // Arrivals spread evenly over the horizon, as `max`'s messages are over its 30 days.
  const meanGapMs = max.horizon / messages;
  const scheduler = new Scheduler({ trace: new Trace({ keepLines: false }) });
  const streams = new RandomStreams(1);
  const arrivals = streams.stream('bench.sketch.arrival');
  const picks = streams.stream('bench.sketch.pick');
  const volumes = new UserVolumes(users, flow.messagesPerUserPerDay, flow.volumeSigma, streams.stream('bench.sketch.volume'));
  const records = new MessageRecords();
  // Every resolver holds the new host until far past the run: a look-up is two array reads and a
  // hash (Moura's cache misses, at max's share, answer fresh).
  const cachedHost = new Int32Array(resolvers).fill(1);
  const expiresAt = new Float64Array(resolvers).fill(Number.MAX_SAFE_INTEGER);
  const delayMinutes = new Uint32Array(24 * 60);
  let left = messages;
  let delivered = 0;

  const deliver = (id: number, now: number): void => {
    records.settle(id, DELIVERED, 0);
    const delay = records.markReadable(id, now);
    delayMinutes[Math.min(delayMinutes.length - 1, Math.floor(delay / 60_000))]!++;
    delivered++;
  };
  const arrive = (_: number, now: number): void => {
    const gap = -Math.log(1 - arrivals.next32()) * meanGapMs;
    const recipient = volumes.pick(picks);
    const sender = volumes.pickOther(picks, recipient);
    const id = records.push(now, sender, recipient);
    const resolver = sender % resolvers;
    // The sender's MX look-up: a cached answer unless the early-refetch test sends it fresh.
    const cached = now < expiresAt[resolver]! && hashedUniform(resolver, now) >= missProbability ? cachedHost[resolver]! : 0;
    deliver(id, now + (cached === 0 ? 1 : 0));
    if (--left > 0) scheduler.post(now + 1 + Math.floor(gap), 'mail.internal', 0, arrive, 0);
  };

  const measured = timed(() => {
    scheduler.post(0, 'mail.internal', 0, arrive, 0);
    scheduler.runUntilIdle();
  });
  if (records.length !== messages || delivered !== messages) throw new Error(`sketch delivered ${delivered} of ${records.length} records, expected ${messages}`);
  return messageFigures(messages, measured, `${messages.toLocaleString('en')} messages, each an arrival draw, a recipient and a sender picked by volume, a record, an MX look-up, a fate, a readable time, a delay bucket, one queue post and pop, the trace folded`);
}
