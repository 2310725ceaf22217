import type { Millis, RandomStream } from '../../sim/index.js';
import type { MessageCounts, MessageFate, MessageHop, MessageTrace } from '../result.js';
import { growableFloat64, growableInt32, growableUint8 } from './growable-array.js';
import { Interner } from './interner.js';
import { PathSampler } from './path-sampler.js';

/** Fate codes stored per message (one byte each). */
const PENDING = 0;
const FATE_CODES: readonly MessageFate[] = ['delivered', 'deliveredLate', 'bounced', 'lost'];
const codeOf = (fate: MessageFate): number => FATE_CODES.indexOf(fate) + 1;

export interface LedgerOptions {
  /** A delivery slower than this is delivered late. */
  lateThreshold: Millis;
  /** How many generated messages keep their full path (a uniform sample). */
  sampledPaths: number;
  /** Keep every message's path (small runs, the dashboard's tracer). */
  keepAllPaths: boolean;
  /** Stream for the path sample, so sampling never shifts other draws. */
  sampling: RandomStream;
}

/** What a message still without a fate becomes when a result is taken. */
export type PendingResolution = { fate: 'delivered'; readableAt: Millis; reason: string } | { fate: 'lost'; reason: string };

export interface LedgerSummary {
  messages: MessageCounts;
  /** Bounced and lost messages counted by reason. */
  reasons: Record<string, number>;
  /** Messages whose full path was kept, in id order. */
  traces: MessageTrace[];
}

/** A broken ledger invariant: a bug in the model, never a domain outcome. */
export class LedgerInvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerInvariantError';
  }
}

interface KeptPath {
  label?: string;
  path: MessageHop[];
}

/**
 * One fate per message (issue 6). Per-message data lives in typed columns (about 26 bytes
 * a message); full paths are kept only for explicit messages, a bounded sample of
 * generated ones, or all messages when asked. A fate is set once: setting it twice is a
 * bug and throws, so conservation (sent = delivered + late + bounced + lost) holds by
 * construction and is re-checked by recounting whenever a summary is taken.
 */
export class Ledger {
  private readonly sentAt = growableFloat64();
  private readonly readable = growableFloat64();
  private readonly fates = growableUint8();
  private readonly reasonOf = growableUint8();
  private readonly senderOf = growableInt32();
  private readonly recipientOf = growableInt32();
  private readonly addresses = new Interner();
  private readonly reasonNames = new Interner();
  private readonly kept = new Map<number, KeptPath>();
  private readonly sampler: PathSampler;
  private readonly finalCounts = [0, 0, 0, 0, 0];
  private readonly reasonCounts = new Map<string, number>();

  constructor(private readonly options: LedgerOptions) {
    this.sampler = new PathSampler(options.sampledPaths, options.sampling);
  }

  /** Records a new message and returns its id. `keepPath` pins its full path (explicit messages). */
  send(from: string, to: string, at: Millis, extra: { label?: string; keepPath?: boolean } = {}): number {
    const id = this.sentAt.push(at);
    this.readable.push(Number.NaN);
    this.fates.push(PENDING);
    this.reasonOf.push(0);
    this.senderOf.push(this.addresses.intern(from));
    this.recipientOf.push(this.addresses.intern(to));
    this.finalCounts[PENDING] = (this.finalCounts[PENDING] ?? 0) + 1;
    let keep = this.options.keepAllPaths || extra.keepPath === true;
    if (!keep) {
      const offer = this.sampler.offer(id);
      if (offer.evicted !== undefined) this.kept.delete(offer.evicted);
      keep = offer.keep;
    }
    if (keep) {
      const entry: KeptPath = { path: [{ at, step: 'sent' }] };
      if (extra.label !== undefined) entry.label = extra.label;
      this.kept.set(id, entry);
    }
    return id;
  }

  get sentCount(): number {
    return this.sentAt.length;
  }

  /** Adds a hop to the message's path, when its path is kept (cheap otherwise). */
  hop(id: number, at: Millis, step: string, detail?: string): void {
    const entry = this.kept.get(id);
    if (entry === undefined) return;
    entry.path.push(detail === undefined ? { at, step } : { at, step, detail });
  }

  isKept(id: number): boolean {
    return this.kept.has(id);
  }

  sender(id: number): string {
    return this.addresses.value(this.senderOf.get(id));
  }

  recipient(id: number): string {
    return this.addresses.value(this.recipientOf.get(id));
  }

  sentTime(id: number): Millis {
    return this.sentAt.get(id);
  }

  /** The first moment the recipient could read the message (kept if already set). */
  markReadable(id: number, at: Millis): void {
    if (Number.isNaN(this.readable.get(id))) this.readable.set(id, at);
  }

  readableAt(id: number): Millis | undefined {
    const at = this.readable.get(id);
    return Number.isNaN(at) ? undefined : at;
  }

  fate(id: number): MessageFate | undefined {
    const code = this.fates.get(id);
    return code === PENDING ? undefined : FATE_CODES[code - 1];
  }

  /** The message is in the recipient's live mailbox: delivered, or late when it took longer than the threshold to become readable. */
  deliver(id: number, at: Millis, reason: string): MessageFate {
    this.markReadable(id, at);
    const fate: MessageFate = this.latencyOf(id, this.readable.get(id)) > this.options.lateThreshold ? 'deliveredLate' : 'delivered';
    this.settle(id, fate, reason);
    this.hop(id, at, reason);
    return fate;
  }

  /** The sender got a non-delivery report. */
  bounce(id: number, at: Millis, reason: string): void {
    this.settle(id, 'bounced', reason);
    this.hop(id, at, 'ndr', reason);
  }

  /** Accepted somewhere, and it will never reach the recipient's live mailbox. */
  lose(id: number, at: Millis, reason: string): void {
    this.settle(id, 'lost', reason);
    this.hop(id, at, 'lost', reason);
  }

  /** Final fates so far (messages still in flight are not counted). */
  counts(): MessageCounts {
    const [, delivered = 0, deliveredLate = 0, bounced = 0, lost = 0] = this.finalCounts;
    return { sent: this.sentAt.length, delivered, deliveredLate, bounced, lost };
  }

  /** Bounced and lost messages by reason so far (messages in flight not counted). */
  reasonsSoFar(): Record<string, number> {
    return Object.fromEntries(this.reasonCounts);
  }

  get pendingCount(): number {
    return this.finalCounts[PENDING] ?? 0;
  }

  /**
   * Counts, reasons and kept paths as of now, resolving each message still without a fate
   * through `resolvePending` (without changing the ledger, so the run can go on).
   * Re-checks conservation and throws LedgerInvariantError if it does not hold.
   */
  summarize(resolvePending: (id: number) => PendingResolution): LedgerSummary {
    const recount = [0, 0, 0, 0, 0];
    const counts = this.counts();
    const reasons = new Map(this.reasonCounts);
    const total = this.sentAt.length;
    for (let id = 0; id < total; id++) {
      const code = this.fates.get(id);
      recount[code] = (recount[code] ?? 0) + 1;
      if (code !== PENDING) continue;
      const resolution = resolvePending(id);
      if (resolution.fate === 'lost') {
        counts.lost++;
        reasons.set(resolution.reason, (reasons.get(resolution.reason) ?? 0) + 1);
      } else if (this.latencyOf(id, resolution.readableAt) > this.options.lateThreshold) counts.deliveredLate++;
      else counts.delivered++;
    }
    for (let code = 0; code < recount.length; code++) {
      if (recount[code] !== this.finalCounts[code]) throw new LedgerInvariantError(`ledger: ${recount[code]} messages have fate code ${code} but the counter says ${this.finalCounts[code]}`);
    }
    const accounted = counts.delivered + counts.deliveredLate + counts.bounced + counts.lost;
    if (accounted !== counts.sent) {
      throw new LedgerInvariantError(`conservation violated: sent ${counts.sent} but delivered ${counts.delivered} + late ${counts.deliveredLate} + bounced ${counts.bounced} + lost ${counts.lost} = ${accounted}`);
    }
    const traces: MessageTrace[] = [];
    for (const id of [...this.kept.keys()].sort((a, b) => a - b)) traces.push(this.trace(id, resolvePending)!);
    return { messages: counts, reasons: Object.fromEntries([...reasons].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), traces };
  }

  /** One message's fate and path: the full path when kept, else a compact record (sent, first readable). */
  trace(id: number, resolvePending: (id: number) => PendingResolution): MessageTrace | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.sentAt.length) return undefined;
    const entry = this.kept.get(id);
    const sentAt = this.sentAt.get(id);
    let fate = this.fate(id);
    let reason = this.reasonNames.size > 0 && fate !== undefined ? this.reasonNames.value(this.reasonOf.get(id)) : '';
    let readableAt = this.readableAt(id);
    if (fate === undefined) {
      const resolution = resolvePending(id);
      reason = resolution.reason;
      if (resolution.fate === 'lost') fate = 'lost';
      else {
        readableAt = resolution.readableAt;
        fate = this.latencyOf(id, readableAt) > this.options.lateThreshold ? 'deliveredLate' : 'delivered';
      }
    }
    const path = entry !== undefined ? entry.path.map((hop) => ({ ...hop })) : this.compactPath(sentAt, readableAt);
    const result: MessageTrace = { id, from: this.sender(id), to: this.recipient(id), sentAt, fate, reason, path };
    if (entry?.label !== undefined) result.label = entry.label;
    if ((fate === 'delivered' || fate === 'deliveredLate') && readableAt !== undefined) result.latency = readableAt - sentAt;
    return result;
  }

  private compactPath(sentAt: Millis, readableAt: Millis | undefined): MessageHop[] {
    const path: MessageHop[] = [{ at: sentAt, step: 'sent' }];
    if (readableAt !== undefined) path.push({ at: readableAt, step: 'readable' });
    return path;
  }

  private latencyOf(id: number, readableAt: Millis): Millis {
    return readableAt - this.sentAt.get(id);
  }

  private settle(id: number, fate: MessageFate, reason: string): void {
    const current = this.fates.get(id);
    if (current !== PENDING) {
      throw new LedgerInvariantError(`message ${id} already ended as ${FATE_CODES[current - 1]}; it cannot also end as ${fate} (${reason})`);
    }
    const code = codeOf(fate);
    this.fates.set(id, code);
    this.finalCounts[PENDING] = (this.finalCounts[PENDING] ?? 0) - 1;
    this.finalCounts[code] = (this.finalCounts[code] ?? 0) + 1;
    const reasonIndex = this.reasonNames.intern(reason);
    if (reasonIndex > 255) throw new LedgerInvariantError(`too many distinct reasons (${reasonIndex + 1}); reasons must be a small fixed set`);
    this.reasonOf.set(id, reasonIndex);
    if (fate === 'bounced' || fate === 'lost') this.reasonCounts.set(reason, (this.reasonCounts.get(reason) ?? 0) + 1);
  }
}
