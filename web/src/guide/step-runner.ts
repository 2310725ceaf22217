import { formatDuration, type Millis } from '../../../sim/index.js';
import type { ActionOutcome } from '../../../model/result.js';
import type { DashboardView } from '../session/view.js';
import type { TrainerSession } from '../session/session.js';
import type { ActionAvailability, AdminCommand, LoggedAction } from '../session/types.js';
import type { GuideStep } from './steps.js';

/** What "Do this step" needs from the dashboard: the session's clock, its one action layer and the view. */
export interface StepSession {
  readonly horizon: Millis;
  readonly log: readonly LoggedAction[];
  now(): Millis;
  goTo(time: Millis): void;
  act(command: AdminCommand): ActionOutcome;
  availableActions(): ActionAvailability[];
  view(): DashboardView;
}

/** A trainer session as the guide's "Do this step" drives it: the same action layer as buttons and console. */
export function stepSessionOf(session: TrainerSession<unknown>, view: () => DashboardView): StepSession {
  return {
    horizon: session.horizon,
    get log() { return session.log; },
    now: () => session.now(),
    goTo: (time) => session.goTo(time),
    act: (command) => session.act(command),
    availableActions: () => session.simulation.availableActions(),
    view,
  };
}

export interface StepReport {
  /** done: the step is done; blocked: it cannot be done now (and waiting would not help). */
  result: 'done' | 'blocked';
  text: string;
}

/** Longest a command step waits for time to make it possible (the TXT record, a batch being created or removed). */
export const COMMAND_WAIT_LIMIT: Millis = 6 * 3_600_000;
const COMMAND_WAIT_STEP: Millis = 60_000;
const CONDITION_WAIT_STEP: Millis = 15 * 60_000;

const at = (time: Millis) => (time === 0 ? 'T+0' : `T+${formatDuration(Math.floor(time / 60_000) * 60_000)}`);

/**
 * Carries out one guide step. In free mode a command is given at once, mistakes and all. In
 * guided mode a command step that time makes possible waits (in simulated time) until the
 * service accepts it, and says so; one time cannot help is not given, and the reason is said.
 * A wait step runs the clock until its condition holds, and stops early, saying why, when it
 * cannot come (the batch failed or stopped, or the scenario ends first).
 */
export function doStep(step: GuideStep, session: StepSession, free: boolean): StepReport {
  if (step.command !== undefined) return free ? give(step.command, session, '') : commandStep(step, step.command, session);
  if (step.waitFor !== undefined) return waitStep(step, step.waitFor, session);
  return { result: 'blocked', text: 'This step has nothing to do.' };
}

function give(command: AdminCommand, session: StepSession, prefix: string): StepReport {
  const outcome = session.act(command);
  return outcome.outcome === 'done'
    ? { result: 'done', text: `${prefix}Done at ${at(outcome.at)}: ${outcome.detail}` }
    : { result: 'blocked', text: `${prefix}Refused at ${at(outcome.at)}: ${outcome.detail}` };
}

function commandStep(step: GuideStep, command: AdminCommand, session: StepSession): StepReport {
  const refusal = () => session.availableActions().find((entry) => entry.action === command.action);
  const ready = () => step.readyWhen?.(session.view(), session.log) ?? true;
  const start = session.now();
  const limit = Math.min(session.horizon, start + (step.waitsFor === undefined ? 0 : COMMAND_WAIT_LIMIT));
  let entry = refusal();
  while (!(entry?.allowed === true && ready()) && session.now() < limit) {
    session.goTo(Math.min(limit, session.now() + COMMAND_WAIT_STEP));
    entry = refusal();
  }
  if (entry?.allowed !== true || !ready()) {
    const why = entry?.allowed === true ? `waiting for ${step.waitsFor}` : entry?.reason ?? 'the service does not accept it now';
    const waited = session.now() > start ? ` (waited ${formatDuration(session.now() - start)}, until ${at(session.now())})` : '';
    return { result: 'blocked', text: `Not possible yet${waited}: ${why}.` };
  }
  const waited = session.now() - start;
  return give(command, session, waited > 0 ? `Waited ${formatDuration(waited)} for ${step.waitsFor}. ` : '');
}

const STUCK: Record<string, string> = {
  Failed: 'every mailbox in the batch failed; look at the errors in the mailbox list, fix the cause and start the batch again',
  Stopped: 'the batch is stopped; start it again to go on',
};

function waitStep(step: GuideStep, condition: NonNullable<GuideStep['waitFor']>, session: StepSession): StepReport {
  const start = session.now();
  let view = session.view();
  while (!condition(view, session.log) && session.now() < session.horizon) {
    const stuck = STUCK[view.batch.status];
    if (stuck !== undefined) return { result: 'blocked', text: `Stopped waiting at ${at(session.now())}: ${stuck}.` };
    session.goTo(Math.min(session.horizon, session.now() + CONDITION_WAIT_STEP));
    view = session.view();
  }
  if (!condition(view, session.log)) {
    return { result: 'blocked', text: `The scenario ended (${at(session.horizon)}) before this happened: ${step.title.toLowerCase()}. ${STUCK[view.batch.status] ?? 'Check the findings and the batch status.'}` };
  }
  return { result: 'done', text: `Waited ${formatDuration(Math.max(0, session.now() - start))}, until ${at(session.now())}: ${step.title.toLowerCase()} — done.` };
}
