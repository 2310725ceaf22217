import type { Millis } from '../../../sim/index.js';
import type { SimulationConfig } from '../../../model/config.js';
import type { ActionOutcome } from '../../../model/result.js';
import type { AdminCommand, LiveSimulation, LoggedAction, SimulationFactory } from './types.js';

/**
 * The trainer's run: one simulation plus the log of commands issued so far. The simulation
 * is deterministic, so rewinding is exact: build a fresh one from the same config and seed,
 * and replay the logged commands at their times. The session always rests at a point where
 * every event at or before `now()` has run, which is what makes the replay identical
 * (a command given at T after running to T is replayed as "run to T, then give it").
 */
export class TrainerSession<Snapshot = unknown> {
  private current: LiveSimulation<Snapshot>;
  private readonly entries: LoggedAction[] = [];
  /** Bumped whenever the simulation is rebuilt, so views can drop what they derived from the old one. */
  generation = 0;

  constructor(readonly config: SimulationConfig, private readonly factory: SimulationFactory<Snapshot>, log: readonly LoggedAction[] = []) {
    this.current = factory(config);
    this.replay(log, Infinity);
  }

  get simulation(): LiveSimulation<Snapshot> {
    return this.current;
  }

  get log(): readonly LoggedAction[] {
    return this.entries;
  }

  get horizon(): Millis {
    return this.config.horizon;
  }

  now(): Millis {
    return this.current.now();
  }

  /** Runs forward to `time`, clamped to the horizon; a time in the past is a rewind. */
  goTo(time: Millis): void {
    const target = Math.max(0, Math.min(Math.round(time), this.horizon));
    if (target < this.now()) this.rewindTo(target);
    else this.current.runUntil(target);
  }

  /** Runs every event of the next event time (all of them, so the replay invariant holds). */
  stepToNextEvent(): boolean {
    const next = this.current.nextEventAt();
    if (next === undefined || next > this.horizon) {
      this.current.runUntil(this.horizon);
      return false;
    }
    this.current.runUntil(next);
    return true;
  }

  /** Gives a command now. Only commands that were carried out are logged: a refusal changes nothing. */
  act(action: AdminCommand): ActionOutcome {
    const at = this.now();
    const outcome = this.current.act(action);
    if (outcome.outcome === 'done') this.entries.push({ at, action: structuredCloneCommand(action) });
    return outcome;
  }

  /** Back to T+0 with no command given: a clean slate (rewinding to 0 would keep the commands given at T+0). */
  restart(): void {
    this.rewindTo(-1);
  }

  /** Re-runs from the start to `time`, keeping the commands given up to then and forgetting later ones. */
  rewindTo(time: Millis): void {
    const kept = this.entries.filter((entry) => entry.at <= time);
    this.current = this.factory(this.config);
    this.generation++;
    this.entries.length = 0;
    this.replay(kept, time);
  }

  private replay(log: readonly LoggedAction[], until: Millis): void {
    const ordered = [...log].sort((a, b) => a.at - b.at);
    for (const entry of ordered) {
      if (entry.at > until || entry.at > this.horizon) break;
      this.current.runUntil(entry.at);
      this.act(entry.action);
    }
    if (until !== Infinity) this.current.runUntil(Math.max(0, Math.min(until, this.horizon)));
  }
}

/** Commands are plain data; a copy keeps later edits of a form from changing the log. */
function structuredCloneCommand(action: AdminCommand): AdminCommand {
  const copy: AdminCommand = { ...action };
  if (action.users !== undefined) copy.users = [...action.users];
  return copy;
}
