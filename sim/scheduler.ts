import type { Millis } from './time.js';
import type { Trace } from './trace.js';
import { EventHeap } from './event-heap.js';

/**
 * A handler is a long-lived function (created once, not per event) that receives the
 * event's argument. Keeping handlers shared and arguments plain keeps the hot loop free
 * of per-event closures.
 */
export type EventHandler<A = unknown> = (argument: A, now: Millis) => void;

/** One pending event. Returned by `schedule` as the handle used to cancel it. */
export interface ScheduledEvent<A = unknown> {
  readonly at: Millis;
  readonly seq: number;
  readonly kind: string;
  readonly entity: string | number;
  readonly handler: EventHandler<A>;
  readonly argument: A;
  cancelled: boolean;
}

/** The scheduler's own, mutable view of an event: `post` events are reused once they have run. */
interface PooledEvent {
  at: Millis;
  seq: number;
  kind: string;
  entity: string | number;
  handler: EventHandler<any>;
  argument: unknown;
  cancelled: boolean;
  pooled: boolean;
}

export type RunOutcome = 'idle' | 'time-reached' | 'step-limit';

/**
 * The one event queue of a simulation: a binary heap ordered by (time, insertion sequence),
 * so events at the same millisecond run in the order they were scheduled.
 *
 * It is also XState v5's `Clock` (setTimeout / clearTimeout): pass it as
 * `createActor(machine, { clock: scheduler })` and every `after` delay fires in simulated
 * time, exactly at its deadline, with chained delays cascading (unlike XState's
 * SimulatedClock, which jumps to the target time; see the simulation notes §1.3).
 */
export class Scheduler {
  private readonly queue = new EventHeap<PooledEvent>();
  /** Records of `post` events that have run, ready for reuse. */
  private readonly pool: PooledEvent[] = [];
  private sequence = 0;
  private current: Millis = 0;
  private processed = 0;
  private live = 0;
  /** When set, each processed event is recorded; when unset the loop pays one comparison. */
  trace: Trace | undefined;

  constructor(options: { trace?: Trace } = {}) {
    this.trace = options.trace;
  }

  /** Current simulated time in milliseconds since the scenario started. */
  now(): Millis {
    return this.current;
  }

  /** Events processed so far (cancelled events are not counted). */
  get processedCount(): number {
    return this.processed;
  }

  /** Events waiting, cancelled ones excluded. */
  get pendingCount(): number {
    return this.live;
  }

  /** Schedules `handler(argument)` at an absolute time; refuses the past and non-integer times. */
  at<A>(at: Millis, kind: string, entity: string | number, handler: EventHandler<A>, argument: A): ScheduledEvent<A> {
    this.checkTime(at, kind);
    const event: PooledEvent = { at, seq: this.sequence++, kind, entity, handler: handler as EventHandler<any>, argument, cancelled: false, pooled: false };
    this.queue.push(event);
    this.live++;
    return event as ScheduledEvent<A>;
  }

  /**
   * Schedules like `at` but returns no handle, so the event cannot be cancelled, and its
   * record is reused once it has run: for the per-message events (arrivals, retries) that
   * would otherwise allocate one object each (issue 9). Order and tracing are those of `at`.
   */
  post<A>(at: Millis, kind: string, entity: string | number, handler: EventHandler<A>, argument: A): void {
    this.checkTime(at, kind);
    let event = this.pool.pop();
    if (event === undefined) {
      event = { at, seq: this.sequence++, kind, entity, handler: handler as EventHandler<any>, argument, cancelled: false, pooled: true };
    } else {
      event.at = at;
      event.seq = this.sequence++;
      event.kind = kind;
      event.entity = entity;
      event.handler = handler as EventHandler<any>;
      event.argument = argument;
      event.cancelled = false;
    }
    this.queue.push(event);
    this.live++;
  }

  private checkTime(at: Millis, kind: string): void {
    if (!Number.isSafeInteger(at)) throw new RangeError(`scheduler: time must be an integer number of milliseconds, got ${at}`);
    if (at < this.current) throw new RangeError(`scheduler: cannot schedule "${kind}" at ${at} ms, which is before now (${this.current} ms)`);
  }

  /** Schedules after a delay from now. */
  after<A>(delay: Millis, kind: string, entity: string | number, handler: EventHandler<A>, argument: A): ScheduledEvent<A> {
    if (delay < 0) throw new RangeError(`scheduler: delay must not be negative, got ${delay}`);
    return this.at(this.current + delay, kind, entity, handler, argument);
  }

  /** Cancels a pending event. Cancelling twice, or after it ran, does nothing. */
  cancel(event: ScheduledEvent<any> | undefined): void {
    if (event === undefined || event.cancelled) return;
    // It stays in the heap and is skipped when popped (lazy deletion).
    event.cancelled = true;
    this.live--;
  }

  /** Time of the next live event, or undefined when idle. */
  peekTime(): Millis | undefined {
    this.dropCancelledHead();
    return this.queue.peek()?.at;
  }

  private dropCancelledHead(): void {
    let head = this.queue.peek();
    while (head !== undefined && head.cancelled) {
      this.queue.pop();
      head = this.queue.peek();
    }
  }

  /**
   * Runs events in order while their time is at or before `until` and fewer than
   * `maxSteps` have run. With a finite `until`, the clock ends at `until` even when the
   * queue empties earlier, as time passes with or without events.
   */
  run(until: Millis = Infinity, maxSteps: number = Infinity): RunOutcome {
    const queue = this.queue;
    let steps = 0;
    for (;;) {
      if (steps >= maxSteps) return 'step-limit';
      const head = queue.peek();
      if (head === undefined) break;
      if (head.at > until) break;
      queue.pop();
      if (head.cancelled) continue;
      this.current = head.at;
      head.cancelled = true; // marks it as done, so a late cancel is a no-op
      this.live--;
      this.processed++;
      steps++;
      if (this.trace !== undefined) this.trace.event(head);
      head.handler(head.argument, head.at);
      if (head.pooled) {
        head.argument = undefined; // nothing kept alive through the pool
        this.pool.push(head);
      }
    }
    if (until !== Infinity) {
      if (until > this.current) this.current = until;
      return 'time-reached';
    }
    return 'idle';
  }

  /** Runs until simulated time `until` (inclusive). */
  runUntil(until: Millis): RunOutcome {
    if (until < this.current) throw new RangeError(`scheduler: cannot run until ${until} ms, which is before now (${this.current} ms)`);
    return this.run(until);
  }

  /** Runs until no event is left, or `maxSteps` events have run. */
  runUntilIdle(maxSteps: number = Infinity): RunOutcome {
    return this.run(Infinity, maxSteps);
  }

  /** Runs at most `count` events. */
  step(count = 1): RunOutcome {
    return this.run(Infinity, count);
  }

  // ---- XState v5 Clock -------------------------------------------------------------

  /** XState calls this for `after` delays and delayed sends. */
  setTimeout(fn: (...args: any[]) => void, timeout: number): ScheduledEvent<() => void> {
    return this.after(Math.max(0, timeout), 'xstate.timer', '', runTimerCallback, fn);
  }

  /** XState calls this when a state with a pending delay is left, or an actor stops. */
  clearTimeout(id: unknown): void {
    this.cancel(id as ScheduledEvent<any> | undefined);
  }
}

const runTimerCallback: EventHandler<() => void> = (fn) => fn();
