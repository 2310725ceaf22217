import { InputError, type Millis, type Scheduler } from '../../sim/index.js';
import type { PlanAnchor, PlannedAction } from '../config.js';

export const PLAN_ANCHORS: readonly PlanAnchor[] = ['start', 'batchCreated', 'batchStarted', 'initialSyncDone', 'mxSwitched', 'batchRemoved', 'recommendedBatchRemoval'];

export interface PlanRunnerOptions {
  scheduler: Scheduler;
  plan: readonly PlannedAction[];
  /** Runs one planned action at its time (the simulation records the outcome). */
  execute: (action: PlannedAction, index: number, at: Millis) => void;
}

interface Due {
  action: PlannedAction;
  index: number;
}

/**
 * Schedules the admin's plan: each action at its absolute time, or at its anchor's moment
 * plus its delay once the anchor fires. An anchor fires once, the first time its moment
 * comes (a batch started again later does not re-run the actions timed after
 * `batchStarted`); an anchor that never fires leaves its actions unrun, and the
 * simulation reports them.
 */
export class PlanRunner {
  private readonly waiting = new Map<PlanAnchor, Due[]>();
  private readonly fired = new Map<PlanAnchor, Millis>();

  constructor(private readonly options: PlanRunnerOptions) {
    options.plan.forEach((action, index) => checkTiming(action, index));
  }

  /** Schedules the absolute actions and fires the `start` anchor. */
  start(): void {
    const { plan, scheduler } = this.options;
    plan.forEach((action, index) => {
      const timing = action.timing;
      if ('at' in timing) scheduler.at(Math.max(timing.at, scheduler.now()), 'plan.action', action.action, this.run, { action, index });
      else this.waiting.set(timing.after, [...(this.waiting.get(timing.after) ?? []), { action, index }]);
    });
    this.fire('start', scheduler.now());
  }

  /** The anchor's moment has come (only the first call counts). */
  fire(anchor: PlanAnchor, at: Millis): void {
    if (this.fired.has(anchor)) return;
    this.fired.set(anchor, at);
    const missed: Due[] = [];
    for (const due of this.waiting.get(anchor) ?? []) {
      const timing = due.action.timing as { after: PlanAnchor; delay: Millis; window?: readonly Millis[] };
      const when = windowMoment(at + timing.delay, timing.window);
      if (when === undefined) missed.push(due);
      else this.options.scheduler.at(when, 'plan.action', due.action.action, this.run, due);
    }
    // An action whose window has no moment left stays unscheduled, and the simulation reports it.
    if (missed.length > 0) this.waiting.set(anchor, missed);
    else this.waiting.delete(anchor);
  }

  firedAt(anchor: PlanAnchor): Millis | undefined {
    return this.fired.get(anchor);
  }

  /** Planned actions still waiting for an anchor that has not fired. */
  unscheduled(): { action: PlannedAction; index: number; anchor: PlanAnchor }[] {
    return [...this.waiting].flatMap(([anchor, dues]) => dues.map((due) => ({ ...due, anchor }))).sort((a, b) => a.index - b.index);
  }

  private readonly run = (due: Due, now: Millis): void => this.options.execute(due.action, due.index, now);
}

/** The first window moment at or after `earliest` (`earliest` itself without a window). */
export function windowMoment(earliest: Millis, window: readonly Millis[] | undefined): Millis | undefined {
  if (window === undefined) return earliest;
  return window.find((moment) => moment >= earliest);
}

function checkTiming(action: PlannedAction, index: number): void {
  const timing = action.timing;
  const path = `plan[${index}].timing`;
  if ('at' in timing) {
    if (!Number.isSafeInteger(timing.at) || timing.at < 0) throw new InputError('PLAN_TIME_INVALID', `${path}.at must be whole milliseconds ≥ 0, got ${timing.at}`, { path: `${path}.at` });
    return;
  }
  if (!PLAN_ANCHORS.includes(timing.after)) {
    throw new InputError('PLAN_ANCHOR_UNKNOWN', `${path}.after: unknown anchor ${JSON.stringify(timing.after)}`, { path: `${path}.after` }, PLAN_ANCHORS.join(', '));
  }
  if (!Number.isSafeInteger(timing.delay) || timing.delay < 0) throw new InputError('PLAN_TIME_INVALID', `${path}.delay must be whole milliseconds ≥ 0, got ${timing.delay}`, { path: `${path}.delay` });
}
