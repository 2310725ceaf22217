import type { Millis, RandomStream } from '../../sim/index.js';
import type { MessageCounts, MessageFate, MessageHop, MessageTrace } from '../result.js';
import { MAX_PLACE, MAX_REASON, MessageRecords } from './message-records.js';
import { Interner } from './interner.js';
import { NOT_SAMPLED, PathSampler } from './path-sampler.js';

/** Fate codes stored per message (one byte each). */
const PENDING = 0;
/** Fates the ledger settles during a run; `stranded` and `pending` are only ever given at the horizon (summarize). */
const FATE_CODES: readonly MessageFate[] = ['delivered', 'deliveredLate', 'bounced', 'lost', 'recovered'];
/** Fates counted in `reasons` (their causes): everything not readable where its recipient reads mail. */
const REASON_FATES: ReadonlySet<MessageFate> = new Set(['bounced', 'lost', 'stranded', 'pending']);
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
export type PendingResolution = { fate: 'delivered'; readableAt: Millis; reason: string } | { fate: 'lost' | 'stranded' | 'pending'; reason: string };

export interface LedgerSummary {
  messages: MessageCounts;
  /** Bounced, lost, stranded and pending messages counted by reason. */
  reasons: Record<string, number>;
  /** Every message counted by fate, then by cause. */
  causes: Partial<Record<MessageFate, Record<string, number>>>;
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
 * One fate per message (issue 6). Per-message data lives in one 16-byte record a message
 * (message-records.ts); full paths are kept only for explicit messages, a bounded sample of
 * generated ones, or all messages when asked. A fate is set once: setting it twice is a
 * bug and throws, so conservation (sent = delivered + late + bounced + lost) holds by
 * construction and is re-checked by recounting whenever a summary is taken (with stranded,
 * recovered and pending: issue 13).
 */
export class Ledger {
  private readonly records = new MessageRecords();
  private readonly addresses = new Interner();
  private readonly reasonNames = new Interner();
  private readonly kept = new Map<number, KeptPath>();
  private readonly sampler: PathSampler;
  private readonly finalCounts = [0, 0, 0, 0, 0, 0];
  /** Settled messages by fate code and reason index (code × 256 + reason), and those keys in order of first use. */
  private readonly tally = new Float64Array((FATE_CODES.length + 1) * (MAX_REASON + 1));
  private readonly tallyOrder: number[] = [];
  private lastReason: string | undefined;
  private lastReasonIndex = 0;

  constructor(private readonly options: LedgerOptions) {
    this.sampler = new PathSampler(options.sampledPaths, options.sampling);
  }

  /** Records a new message and returns its id. `keepPath` pins its full path (explicit messages). */
  send(from: string, to: string, at: Millis, extra: { label?: string; keepPath?: boolean } = {}): number {
    return this.sendBetween(this.addresses.intern(from), this.addresses.intern(to), at, extra.keepPath === true, extra.label);
  }

  /** The ledger's index for an address (interned once; generated traffic sends by index, issue 9). */
  internAddress(address: string): number {
    return this.addresses.intern(address);
  }

  /** Records a new message between two interned addresses and returns its id: the per-message path, allocating nothing. */
  sendBetween(from: number, to: number, at: Millis, keepPath = false, label?: string): number {
    if (!(from >= 0 && from < this.addresses.size && to >= 0 && to < this.addresses.size)) throw new RangeError(`ledger: unknown address index ${from} or ${to}`);
    const id = this.records.push(at, from, to);
    this.finalCounts[PENDING]!++;
    let keep = this.options.keepAllPaths || keepPath;
    if (!keep) {
      const offer = this.sampler.offer(id);
      if (offer >= 0) {
        this.kept.delete(offer);
        this.records.setKept(offer, false);
      }
      keep = offer !== NOT_SAMPLED;
    }
    if (keep) {
      const entry: KeptPath = { path: [{ at, step: 'sent' }] };
      if (label !== undefined) entry.label = label;
      this.kept.set(id, entry);
      this.records.setKept(id, true);
    }
    return id;
  }

  get sentCount(): number {
    return this.records.length;
  }

  /** Adds a hop to the message's path, when its path is kept (cheap otherwise). */
  hop(id: number, at: Millis, step: string, detail?: string): void {
    // The record's flag first: a byte of a record in cache instead of a map look-up per hop (issue 9).
    if (!(id >= 0 && id < this.records.length) || !this.records.kept(id)) return;
    const entry = this.kept.get(id);
    if (entry === undefined) return;
    entry.path.push(detail === undefined ? { at, step } : { at, step, detail });
  }

  isKept(id: number): boolean {
    return id >= 0 && id < this.records.length && this.records.kept(id);
  }

  sender(id: number): string {
    return this.addresses.value(this.records.sender(id));
  }

  recipient(id: number): string {
    return this.addresses.value(this.records.recipient(id));
  }

  /** The interned index of the message's sender (see internAddress). */
  senderIndex(id: number): number {
    return this.records.sender(id);
  }

  /** The interned index of the message's recipient (see internAddress). */
  recipientIndex(id: number): number {
    return this.records.recipient(id);
  }

  /** A small code (0-15) the router keeps per message for where it is (0 when never set). */
  place(id: number): number {
    return this.records.place(id);
  }

  setPlace(id: number, code: number): void {
    if (!(code >= 0 && code <= MAX_PLACE)) throw new RangeError(`ledger: a place code is 0-${MAX_PLACE}, got ${code}`);
    this.records.setPlace(id, code);
  }

  sentTime(id: number): Millis {
    return this.records.sentAt(id);
  }

  /** The first moment the recipient could read the message (kept if already set). */
  markReadable(id: number, at: Millis): void {
    this.records.markReadable(id, at);
  }

  readableAt(id: number): Millis | undefined {
    const at = this.records.readable(id);
    return Number.isNaN(at) ? undefined : at;
  }

  fate(id: number): MessageFate | undefined {
    const code = this.records.fate(id);
    return code === PENDING ? undefined : FATE_CODES[code - 1];
  }

  /** The message is in the recipient's live mailbox: delivered, or late when it took longer than the threshold to become readable. */
  deliver(id: number, at: Millis, reason: string): MessageFate {
    const fate: MessageFate = this.records.markReadable(id, at) > this.options.lateThreshold ? 'deliveredLate' : 'delivered';
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

  /** A stranded message brought into the recipient's cloud mailbox by a recovery action, readable from `at` (or earlier). */
  recover(id: number, at: Millis, reason: string): void {
    this.markReadable(id, at);
    this.settle(id, 'recovered', reason);
    this.hop(id, at, 'recovered', reason);
  }

  /** Final fates so far (messages still in flight are not counted; stranded and pending are given at the horizon). */
  counts(): MessageCounts {
    const [, delivered = 0, deliveredLate = 0, bounced = 0, lost = 0, recovered = 0] = this.finalCounts;
    return { sent: this.records.length, delivered, deliveredLate, bounced, lost, stranded: 0, recovered, pending: 0 };
  }

  /** Bounced and lost messages by reason so far (messages in flight not counted). */
  reasonsSoFar(): Record<string, number> {
    return Object.fromEntries(this.settledCounts().reasons);
  }

  /** Settled messages by fate, then by reason, so far (stranded and pending are only given at the horizon). */
  causesSoFar(): Partial<Record<MessageFate, Record<string, number>>> {
    const causes: Partial<Record<MessageFate, Record<string, number>>> = {};
    for (const [fate, byReason] of this.settledCounts().causes) if (byReason.size > 0) causes[fate] = Object.fromEntries(byReason);
    return causes;
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
    const recount = [0, 0, 0, 0, 0, 0];
    const counts = this.counts();
    const { reasons, causes } = this.settledCounts();
    const count = (fate: MessageFate, reason: string) => {
      let byReason = causes.get(fate);
      if (byReason === undefined) causes.set(fate, (byReason = new Map()));
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
      if (REASON_FATES.has(fate)) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    };
    const total = this.records.length;
    for (let id = 0; id < total; id++) {
      const code = this.records.fate(id);
      recount[code] = (recount[code] ?? 0) + 1;
      if (code !== PENDING) continue;
      const resolution = resolvePending(id);
      let fate: MessageFate = resolution.fate;
      if (resolution.fate === 'delivered' && this.latencyOf(id, resolution.readableAt) > this.options.lateThreshold) fate = 'deliveredLate';
      counts[fate]++;
      count(fate, resolution.reason);
    }
    for (let code = 0; code < recount.length; code++) {
      if (recount[code] !== this.finalCounts[code]) throw new LedgerInvariantError(`ledger: ${recount[code]} messages have fate code ${code} but the counter says ${this.finalCounts[code]}`);
    }
    const accounted = counts.delivered + counts.deliveredLate + counts.bounced + counts.lost + counts.stranded + counts.recovered + counts.pending;
    if (accounted !== counts.sent) {
      throw new LedgerInvariantError(`conservation violated: sent ${counts.sent} but delivered ${counts.delivered} + late ${counts.deliveredLate} + bounced ${counts.bounced} + lost ${counts.lost} + stranded ${counts.stranded} + recovered ${counts.recovered} + pending ${counts.pending} = ${accounted}`);
    }
    const traces: MessageTrace[] = [];
    for (const id of [...this.kept.keys()].sort((a, b) => a - b)) traces.push(this.trace(id, resolvePending)!);
    const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const causeRecord: LedgerSummary['causes'] = {};
    for (const [fate, byReason] of causes) if (byReason.size > 0) causeRecord[fate] = sorted(byReason);
    return { messages: counts, reasons: sorted(reasons), causes: causeRecord, traces };
  }

  /** One message's fate and path: the full path when kept, else a compact record (sent, first readable). */
  trace(id: number, resolvePending: (id: number) => PendingResolution): MessageTrace | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.records.length) return undefined;
    const entry = this.kept.get(id);
    const sentAt = this.records.sentAt(id);
    let fate = this.fate(id);
    let reason = this.reasonNames.size > 0 && fate !== undefined ? this.reasonNames.value(this.records.reason(id)) : '';
    let readableAt = this.readableAt(id);
    if (fate === undefined) {
      const resolution = resolvePending(id);
      reason = resolution.reason;
      if (resolution.fate !== 'delivered') fate = resolution.fate;
      else {
        readableAt = resolution.readableAt;
        fate = this.latencyOf(id, readableAt) > this.options.lateThreshold ? 'deliveredLate' : 'delivered';
      }
    }
    const path = entry !== undefined ? entry.path.map((hop) => ({ ...hop })) : this.compactPath(sentAt, readableAt);
    const result: MessageTrace = { id, from: this.sender(id), to: this.recipient(id), sentAt, fate, reason, path };
    if (entry?.label !== undefined) result.label = entry.label;
    if ((fate === 'delivered' || fate === 'deliveredLate' || fate === 'recovered') && readableAt !== undefined) result.latency = readableAt - sentAt;
    return result;
  }

  private compactPath(sentAt: Millis, readableAt: Millis | undefined): MessageHop[] {
    const path: MessageHop[] = [{ at: sentAt, step: 'sent' }];
    if (readableAt !== undefined) path.push({ at: readableAt, step: 'readable' });
    return path;
  }

  private latencyOf(id: number, readableAt: Millis): Millis {
    return readableAt - this.records.sentAt(id);
  }

  /** Gives the message its fate, once: its record's fate and reason in one write, and the tally. */
  private settle(id: number, fate: MessageFate, reason: string): void {
    // Most fates share a handful of reason strings: skip the interner when it is the last one seen.
    let reasonIndex = this.lastReasonIndex;
    if (reason !== this.lastReason) {
      reasonIndex = this.reasonNames.intern(reason);
      this.lastReason = reason;
      this.lastReasonIndex = reasonIndex;
    }
    if (reasonIndex > MAX_REASON) throw new LedgerInvariantError(`too many distinct reasons (${reasonIndex + 1}); reasons must be a small fixed set`);
    const code = codeOf(fate);
    const current = this.records.settle(id, code, reasonIndex);
    if (current !== PENDING) {
      throw new LedgerInvariantError(`message ${id} already ended as ${FATE_CODES[current - 1]}; it cannot also end as ${fate} (${reason})`);
    }
    this.finalCounts[PENDING]!--;
    this.finalCounts[code]!++;
    const key = code * (MAX_REASON + 1) + reasonIndex;
    if (this.tally[key]!++ === 0) this.tallyOrder.push(key);
  }

  /**
   * Settled messages by fate then reason, and bounced or lost ones by reason, as maps in
   * the order each first occurred (as counting into maps message by message would give).
   */
  private settledCounts(): { reasons: Map<string, number>; causes: Map<MessageFate, Map<string, number>> } {
    const reasons = new Map<string, number>();
    const causes = new Map<MessageFate, Map<string, number>>(FATE_CODES.map((fate) => [fate, new Map()]));
    for (const key of this.tallyOrder) {
      const fate = FATE_CODES[Math.floor(key / (MAX_REASON + 1)) - 1]!;
      const reason = this.reasonNames.value(key % (MAX_REASON + 1));
      const count = this.tally[key]!;
      causes.get(fate)!.set(reason, count);
      if (fate === 'bounced' || fate === 'lost') reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    }
    return { reasons, causes };
  }

}
