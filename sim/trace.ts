import type { InspectionEvent } from 'xstate';
import type { Millis } from './time.js';

/**
 * A compact, replayable record of a run: one line per processed event,
 * `time|kind|entity|detail`. Actor ids are normalised to per-run ordinals (XState's own
 * session ids come from a process-wide counter and differ between runs; simulation notes
 * §1.2). The hash is computed as lines arrive, so a long run can be hashed without
 * keeping its lines.
 */
export class Trace {
  private readonly lines: string[] | undefined;
  private readonly actorNames = new Map<object, string>();
  private hashHigh = 0x811c9dc5;
  private hashLow = 0x01000193;
  private count = 0;

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
  record(at: Millis, kind: string, entity: string | number, detail = ''): void {
    const line = `${at}|${kind}|${entity}|${detail}`;
    this.lines?.push(line);
    this.mix(line);
    this.count++;
  }

  /** Called by the scheduler for each processed event. */
  event(event: { at: Millis; kind: string; entity: string | number; argument: unknown }): void {
    if (event.kind === 'xstate.timer') return; // the actor's transition is recorded by the inspector instead
    const argument = event.argument;
    const detail = typeof argument === 'number' || typeof argument === 'string' ? String(argument) : '';
    this.record(event.at, event.kind, event.entity, detail);
  }

  /** A stable per-run name for an actor: its systemId when it has one, else `actor#N` in order of first sight. */
  actorName(actor: object): string {
    let name = this.actorNames.get(actor);
    if (name === undefined) {
      const systemId = (actor as { _systemId?: string })._systemId;
      name = systemId ?? `actor#${this.actorNames.size}`;
      this.actorNames.set(actor, name);
    }
    return name;
  }

  /**
   * An XState `inspect` callback that records each transition as
   * `time|transition|actor|event.type->state`. Pass it only when tracing, as inspection
   * costs about 20% of throughput (simulation notes §1.5).
   */
  inspector(now: () => Millis): (inspection: InspectionEvent) => void {
    return (inspection) => {
      if (inspection.type !== '@xstate.snapshot') return;
      const snapshot = inspection.snapshot as { value?: unknown };
      const value = typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value ?? null);
      this.record(now(), 'transition', this.actorName(inspection.actorRef), `${inspection.event.type}->${value}`);
    };
  }

  /** A 64-bit FNV-1a style hash of every line so far, as 16 hex digits. Same lines, same hash. */
  hash(): string {
    return (this.hashHigh >>> 0).toString(16).padStart(8, '0') + (this.hashLow >>> 0).toString(16).padStart(8, '0');
  }

  private mix(line: string): void {
    let high = this.hashHigh;
    let low = this.hashLow;
    for (let index = 0; index < line.length; index++) {
      const code = line.charCodeAt(index);
      high = Math.imul(high ^ code, 0x01000193);
      low = Math.imul(low ^ code, 0x5bd1e995) ^ (high >>> 13);
    }
    // a line separator so that ["ab","c"] and ["a","bc"] differ
    this.hashHigh = Math.imul(high ^ 10, 0x01000193);
    this.hashLow = Math.imul(low ^ 10, 0x5bd1e995);
  }
}
