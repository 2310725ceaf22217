import type { InspectionEvent } from 'xstate';
import type { Millis } from './time.js';

/**
 * A compact, replayable record of a run: one line per processed event,
 * `time|kind|entity|detail`. Actor ids are normalised to per-run names (XState's own
 * session ids come from a process-wide counter and differ between runs; simulation notes
 * §1.2). The hash is folded in as events arrive, from numbers rather than from the
 * printed line, so hashing a long run neither keeps nor builds its lines.
 */
export class Trace {
  private readonly lines: string[] | undefined;
  private readonly actorNames = new Map<object, string>();
  private readonly stringHashes = new Map<string, number>();
  private hashHigh = 0x811c9dc5;
  private hashLow = 0x9747b28c;
  private count = 0;
  /** The last few strings hashed, compared by identity before the map (see valueHash). */
  private readonly recentStrings: string[] = ['', '', '', ''];
  private readonly recentHashes: number[] = [0x1b873593, 0x1b873593, 0x1b873593, 0x1b873593];
  private nextRecent = 0;

  constructor(options: { keepLines?: boolean } = {}) {
    this.lines = options.keepLines === false ? undefined : [];
  }

  get lineCount(): number {
    return this.count;
  }

  /** The recorded lines (empty when created with keepLines: false). */
  getLines(): readonly string[] {
    return this.lines ?? [];
  }

  /** Records one line. */
  record(at: Millis, kind: string, entity: string | number, detail: string | number = ''): void {
    if (this.lines !== undefined) this.lines.push(`${at}|${kind}|${entity}|${detail}`);
    this.fold(at, this.valueHash(kind), this.valueHash(entity), this.valueHash(detail));
  }

  /** Called by the scheduler for each processed event. */
  event(event: { at: Millis; kind: string; entity: string | number; argument: unknown }): void {
    if (event.kind === 'xstate.timer') return; // the actor's transition is recorded by the inspector instead
    const argument = event.argument;
    this.record(event.at, event.kind, event.entity, typeof argument === 'number' || typeof argument === 'string' ? argument : '');
  }

  /** A stable per-run name for an actor: its systemId when it has one, else `actor#N` in order of first sight. */
  actorName(actor: object): string {
    let name = this.actorNames.get(actor);
    if (name === undefined) {
      const systemId = (actor as { systemId?: string }).systemId;
      name = systemId ?? `actor#${this.actorNames.size}`;
      this.actorNames.set(actor, name);
    }
    return name;
  }

  /**
   * An XState `inspect` callback that records each transition as
   * `time|transition|actor|event.type->state`. It costs about 20% of XState throughput
   * (simulation notes §1.5), which is why the engine itself pays nothing when tracing is off.
   */
  inspector(now: () => Millis): (inspection: InspectionEvent) => void {
    return (inspection) => {
      if (inspection.type !== '@xstate.snapshot') return;
      const snapshot = inspection.snapshot as { value?: unknown };
      const value = typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value ?? null);
      this.record(now(), 'transition', this.actorName(inspection.actorRef), `${inspection.event.type}->${value}`);
    };
  }

  /** A 64-bit hash of every line so far, as 16 hex digits. Same lines, same hash, on any machine. */
  hash(): string {
    return (this.hashHigh >>> 0).toString(16).padStart(8, '0') + (this.hashLow >>> 0).toString(16).padStart(8, '0');
  }

  /**
   * Numbers hash to themselves (as text would, distinctly from strings); strings are hashed
   * once and cached. Every engine event hashes its kind, entity and detail (one event per
   * message at least), nearly always the same few strings: those are found among the last
   * four by identity before the map (issue 9).
   */
  private valueHash(value: string | number): number {
    if (typeof value === 'number') {
      return Number.isSafeInteger(value) ? (value | 0) ^ Math.imul(Math.floor(value / 4_294_967_296) | 0, 0x27d4eb2d) : this.valueHash(String(value));
    }
    const recent = this.recentStrings;
    for (let index = 0; index < recent.length; index++) if (recent[index] === value) return this.recentHashes[index]!;
    let hash = this.stringHashes.get(value);
    if (hash === undefined) {
      hash = 0x1b873593 ^ value.length;
      for (let index = 0; index < value.length; index++) hash = Math.imul(hash ^ value.charCodeAt(index), 0x5bd1e995) ^ (hash >>> 15);
      if (this.stringHashes.size < 100_000) this.stringHashes.set(value, hash);
    }
    recent[this.nextRecent] = value;
    this.recentHashes[this.nextRecent] = hash;
    this.nextRecent = (this.nextRecent + 1) % recent.length;
    return hash;
  }

  /** Mixes the five words of a line into the hash, in locals: once per engine event, so every message pays it. */
  private fold(at: number, kind: number, entity: number, detail: number): void {
    let high = this.hashHigh;
    let low = this.hashLow;
    for (let index = 0; index < 5; index++) {
      const word = index === 0 ? at | 0 : index === 1 ? Math.floor(at / 4_294_967_296) | 0 : index === 2 ? kind : index === 3 ? entity : detail;
      const mixedHigh = Math.imul(high ^ word, 0x01000193);
      low = Math.imul(low ^ word, 0x5bd1e995) ^ (mixedHigh >>> 13);
      high = mixedHigh ^ (low >>> 17);
    }
    this.hashHigh = high;
    this.hashLow = low;
    this.count++;
  }
}
