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
import { MAX_MESSAGES } from './floor.js';
import { timed, type CaseFigures } from './measure.js';

/** `max`'s organisation: 2,000 users whose daily volumes are lognormal (median 100 as max.yaml sets it, sigma 0.8: dns §7.4), 4,000 resolvers. */
const USERS = 2_000;
const MEDIAN_PER_DAY = 100;
const VOLUME_SIGMA = 0.8;
const RESOLVERS = 4_000;
/** Mean gap between arrivals, ms: `max`'s 4.73M messages then span about 27 days, as its 30 do. */
const MEAN_GAP_MS = 500;
const DELIVERED = 1;

export function sketchRun(messages = MAX_MESSAGES): CaseFigures {
  const scheduler = new Scheduler({ trace: new Trace({ keepLines: false }) });
  const streams = new RandomStreams(1);
  const arrivals = streams.stream('bench.sketch.arrival');
  const picks = streams.stream('bench.sketch.pick');
  const volumes = new UserVolumes(USERS, MEDIAN_PER_DAY, VOLUME_SIGMA, streams.stream('bench.sketch.volume'));
  const records = new MessageRecords();
  // Every resolver holds the new host until far past the run: the look-up is two array reads and a hash.
  const cachedHost = new Int32Array(RESOLVERS).fill(1);
  const expiresAt = new Float64Array(RESOLVERS).fill(Number.MAX_SAFE_INTEGER);
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
    const gap = -Math.log(1 - arrivals.next32()) * MEAN_GAP_MS;
    const recipient = volumes.pick(picks);
    const sender = volumes.pickOther(picks, recipient);
    const id = records.push(now, sender, recipient);
    const resolver = sender % RESOLVERS;
    // The sender's MX look-up: a cached answer unless the early-refetch test sends it fresh.
    const cached = now < expiresAt[resolver]! && hashedUniform(resolver, now) >= 0.3 ? cachedHost[resolver]! : 0;
    deliver(id, now + (cached === 0 ? 1 : 0));
    if (--left > 0) scheduler.post(now + 1 + Math.floor(gap), 'mail.internal', 0, arrive, 0);
  };

  const { wallMs, cpuMs } = timed(() => {
    scheduler.post(0, 'mail.internal', 0, arrive, 0);
    scheduler.runUntilIdle();
  });
  if (records.length !== messages || delivered !== messages) throw new Error(`sketch delivered ${delivered} of ${records.length} records, expected ${messages}`);
  return {
    work: messages,
    messages,
    unit: 'messages',
    wallMs,
    cpuMs,
    detail: `${messages.toLocaleString('en')} messages, each an arrival draw, a recipient and a sender picked by volume, a record, an MX look-up, a fate, a readable time, a delay bucket, one queue post and pop, the trace folded`,
  };
}
