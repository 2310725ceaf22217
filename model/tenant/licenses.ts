import { MachineRunner, type Millis, type Scheduler, type Trace } from '../../sim/index.js';
import { done, refused, type CommandResult } from './command-result.js';
import { assignmentRefusal, licenseMachine, type LicenseStateName } from './license.js';

export interface LicenseView {
  state: LicenseStateName;
  provisionedAt: Millis;
  graceEndsAt: Millis;
  assignedAt?: Millis;
  disabledAt?: Millis;
  deletedAt?: Millis;
}

export interface LicensesOptions {
  scheduler: Scheduler;
  grace: Millis;
  retention: Millis;
  /** Licenses available for assignment. */
  pool: number;
  /** Told about every state change of a license (grace → licensed / disabled → deleted). */
  onChange: (address: string, state: LicenseStateName, at: Millis) => void;
  /** The run's trace: each license's transitions are recorded as `license:<address>`. */
  trace?: Trace | undefined;
}

/**
 * One license machine per cloud mailbox, and the tenant's license pool. Each machine runs
 * by pure transitions on the engine (sim/machine-runner.ts), not as an actor: a run creates
 * one per migrated mailbox (issue 9).
 */
export class Licenses {
  private readonly actors = new Map<string, MachineRunner<typeof licenseMachine>>();
  private available: number;

  constructor(private readonly options: LicensesOptions) {
    this.available = options.pool;
  }

  /** Starts the grace period of a mailbox created now (at provisioning). Creating it twice does nothing. */
  create(address: string, at: Millis): void {
    if (this.actors.has(address)) return;
    const { scheduler, grace, retention, trace } = this.options;
    let last: LicenseStateName = 'grace';
    const runner: MachineRunner<typeof licenseMachine> = new MachineRunner(licenseMachine, { provisionedAt: at, grace, retention }, {
      scheduler, name: `license:${address}`, trace,
      onTransition: () => {
        const state = runner.snapshot.value as LicenseStateName;
        if (state === last) return;
        last = state;
        this.options.onChange(address, state, scheduler.now());
      },
    });
    this.actors.set(address, runner);
  }

  has(address: string): boolean {
    return this.actors.has(address);
  }

  state(address: string): LicenseStateName | 'none' {
    const actor = this.actors.get(address);
    return actor === undefined ? 'none' : (actor.snapshot.value as LicenseStateName);
  }

  view(address: string): LicenseView | undefined {
    const actor = this.actors.get(address);
    if (actor === undefined) return undefined;
    const { value, context } = actor.snapshot;
    const view: LicenseView = { state: value as LicenseStateName, provisionedAt: context.provisionedAt, graceEndsAt: context.graceEndsAt };
    if (context.assignedAt !== undefined) view.assignedAt = context.assignedAt;
    if (context.disabledAt !== undefined) view.disabledAt = context.disabledAt;
    if (context.deletedAt !== undefined) view.deletedAt = context.deletedAt;
    return view;
  }

  /** Addresses of every cloud mailbox with a license machine, in creation order. */
  addresses(): string[] {
    return [...this.actors.keys()];
  }

  get remaining(): number {
    return this.available;
  }

  /**
   * Assigns licenses to the given mailboxes (all cloud mailboxes when absent), as far as
   * the pool allows. Done when at least one was assigned (the detail names the rest);
   * refused, with the reasons, when none could be.
   */
  assign(addresses: readonly string[] | undefined, at: Millis): CommandResult {
    const targets = addresses ?? this.addresses().filter((address) => this.state(address) !== 'licensed');
    if (targets.length === 0) return refused('no unlicensed cloud mailbox exists yet (mailboxes are created at provisioning)');
    let assigned = 0;
    const problems = new Map<string, string[]>();
    for (const address of targets) {
      const actor = this.actors.get(address);
      const why = actor === undefined ? 'no cloud mailbox (not provisioned)' : assignmentRefusal(this.state(address) as LicenseStateName, this.available);
      if (why !== undefined) {
        problems.set(why, [...(problems.get(why) ?? []), address]);
        continue;
      }
      this.available--;
      assigned++;
      actor!.send({ type: 'assign', at });
    }
    const problemText = [...problems].map(([why, who]) => `${who.length} not licensed: ${why} (${who.slice(0, 3).join(', ')}${who.length > 3 ? ', ...' : ''})`).join('; ');
    if (assigned === 0) return refused(problemText);
    return done(`licensed ${assigned} mailbox${assigned === 1 ? '' : 'es'}${problemText ? `; ${problemText}` : ''}; ${this.options.pool >= Number.MAX_SAFE_INTEGER ? 'pool unlimited' : `${this.available} left in the pool`}`);
  }

  /** Mailboxes still in grace and the shortest time left before one is disabled. */
  grace(now: Millis): { count: number; shortestLeft: Millis | null } {
    let count = 0;
    let shortestLeft: Millis | null = null;
    for (const actor of this.actors.values()) {
      const { value, context } = actor.snapshot;
      if (value !== 'grace') continue;
      count++;
      const left = context.graceEndsAt - now;
      if (shortestLeft === null || left < shortestLeft) shortestLeft = left;
    }
    return { count, shortestLeft };
  }

  stop(): void {
    for (const actor of this.actors.values()) actor.stop();
  }
}
