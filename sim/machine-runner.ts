import { createActor, type AnyActorScope, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';
import type { EventHandler, ScheduledEvent, Scheduler } from './scheduler.js';
import type { Trace } from './trace.js';

export interface MachineRunnerOptions {
  scheduler: Scheduler;
  /** The name in the trace, as an actor's systemId would be. */
  name: string;
  trace?: Trace | undefined;
  /** Called after every transition that changed the snapshot. */
  onTransition?: () => void;
}

type RaiseParams = { event: { type: string }; id: string; delay?: number };
type CancelParams = { sendId: string };

/**
 * One XState machine driven by its pure transition function on the engine, without an
 * actor: a delayed transition (`after`) becomes an engine event of kind `xstate.timer`, and
 * leaving the state cancels it, as an actor with the scheduler as its clock would do. An
 * actor costs ~40-70 µs to create and start and ~20 µs an event (its own system, mailbox
 * and inspection); thousands of license machines per run made that the largest single cost
 * of a short run (issue 9 profile). XState's exported `transition()` builds a throw-away
 * actor and system on every call (~120 µs), so the runner calls the machine's own
 * `getInitialSnapshot` / `transition` (the ActorLogic interface) with one inert scope per
 * machine that collects the actions: ~16 µs to create a license and assign it. The trace
 * gets the line the actor's inspector gave (`EVENT->state`), so trace hashes do not change.
 *
 * Only what such machines use is supported: assign (applied by `transition()` itself) and
 * delayed raises with their cancels; any other action is a defect and throws.
 */
export class MachineRunner<TMachine extends AnyStateMachine> {
  private current: SnapshotFrom<TMachine>;
  private readonly timers = new Map<string, ScheduledEvent<RaiseParams>>();

  constructor(private readonly machine: TMachine, input: InputFrom<TMachine>, private readonly options: MachineRunnerOptions) {
    const [snapshot, actions] = withActions(() => machine.getInitialSnapshot(inertScope(machine), input) as SnapshotFrom<TMachine>);
    this.current = snapshot;
    this.record('xstate.init');
    this.execute(actions);
  }

  get snapshot(): SnapshotFrom<TMachine> {
    return this.current;
  }

  /** Sends an event; false (and nothing changes) when no transition is enabled for it. */
  send(event: EventFromLogic<TMachine>): boolean {
    const [next, actions] = withActions(() => this.machine.transition(this.current, event, inertScope(this.machine)) as SnapshotFrom<TMachine>);
    // XState gives back the very same snapshot when no transition is enabled.
    if (next === this.current) return false;
    this.current = next;
    this.record(event.type);
    this.execute(actions);
    this.options.onTransition?.();
    return true;
  }

  /** Cancels every pending delayed transition (the run is over). */
  stop(): void {
    for (const timer of this.timers.values()) this.options.scheduler.cancel(timer);
    this.timers.clear();
  }

  private readonly fire: EventHandler<RaiseParams> = (raise) => {
    this.timers.delete(raise.id);
    this.send(raise.event as EventFromLogic<TMachine>);
  };

  private execute(actions: readonly Action[]): void {
    for (const action of actions) {
      if (action.type === 'xstate.raise' && typeof (action.params as RaiseParams).delay === 'number') {
        const raise = action.params as RaiseParams;
        this.timers.set(raise.id, this.options.scheduler.after(Math.max(0, raise.delay!), 'xstate.timer', '', this.fire, raise));
      } else if (action.type === 'xstate.cancel') {
        const id = (action.params as CancelParams).sendId;
        this.options.scheduler.cancel(this.timers.get(id));
        this.timers.delete(id);
      } else {
        throw new Error(`${this.options.name}: the machine runner does not run ${action.type} actions`);
      }
    }
  }

  private record(eventType: string): void {
    this.options.trace?.record(this.options.scheduler.now(), 'transition', this.options.name, `${eventType}->${String((this.current as { value: unknown }).value)}`);
  }
}

type Action = { type: string; params?: unknown };

/** Actions the transition being computed asks for, collected by the inert scopes' executor. */
let collected: Action[] = [];

/** Computes a transition and the actions it asks for (transitions run one at a time: nothing here awaits). */
function withActions<T>(compute: () => T): [T, Action[]] {
  collected = [];
  try {
    return [compute(), collected];
  } finally {
    collected = [];
  }
}

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * What a machine needs to compute a transition without running anything: the same shape
 * XState's own `transition()` builds per call (an unstarted actor as `self`, no-op
 * effects), made once per machine and reused. The machines run here spawn no children, so
 * nothing registers in the system between calls.
 */
function inertScope(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (scope === undefined) {
    const self = createActor(machine);
    scope = {
      self, system: self.system, id: '', sessionId: '',
      defer: () => {}, logger: () => {}, stopChild: () => {}, emit: () => {},
      actionExecutor: (action: Action) => { collected.push(action); },
    } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}
