import type { Millis } from '../../sim/index.js';
import type { SenderProfile } from './profiles.js';

/** What the schedule needs to know about one deferred message. */
export interface RetryState {
  /** The failure just seen. */
  now: Millis;
  /** Failed attempts so far, this one included (≥ 1). */
  failures: number;
  submittedAt: Millis;
  firstFailureAt: Millis;
  /** The interval used for the previous retry (0 before the first). */
  previousInterval: Millis;
  /** Phase of the sender's queue runs. */
  queuePhase: Millis;
  /** The failure was a 4xx for the message rather than a connection failure. */
  messageLevel: boolean;
}

export interface NextRetry {
  /** When the next attempt happens (Infinity: the schedule has no more attempts). */
  at: Millis;
  /** The interval the schedule asked for (kept to grow exponential schedules). */
  interval: Millis;
}

/** The first queue run strictly after `after`, runs at phase + k × interval. */
export function nextQueueRun(after: Millis, interval: Millis, phase: Millis): Millis {
  const runs = Math.floor((after - phase) / interval) + 1;
  return phase + runs * interval;
}

/** The retry interval the profile's schedule asks for after this failure. */
export function retryInterval(profile: SenderProfile, state: RetryState): Millis {
  if (state.messageLevel && profile.messageRetryInterval !== undefined) return profile.messageRetryInterval;
  const schedule = profile.schedule;
  switch (schedule.kind) {
    case 'steps': {
      let remaining = state.failures;
      for (const step of schedule.steps) {
        if (remaining <= step.count) return step.interval;
        remaining -= step.count;
      }
      return schedule.thereafter;
    }
    case 'backoff':
      return Math.min(Math.max(state.now - state.submittedAt, schedule.minimum), schedule.maximum);
    case 'exponential':
      return state.previousInterval <= 0 ? schedule.first : Math.min(Math.round(state.previousInterval * schedule.factor), schedule.maximum);
    case 'rules': {
      const elapsed = state.now - state.firstFailureAt;
      const rule = schedule.rules.find((candidate) => elapsed < candidate.until);
      if (rule === undefined) return Infinity;
      if (rule.kind === 'fixed') return rule.interval;
      // A geometric rule starts at `first` and grows from the previous geometric interval.
      return state.previousInterval < rule.first ? rule.first : Math.round(state.previousInterval * rule.factor);
    }
  }
}

/**
 * When the message is tried next: after the schedule's interval, on the sender's next queue
 * run when the software retries only on queue runs (Postfix, Exim, Sendmail).
 */
export function nextRetry(profile: SenderProfile, state: RetryState): NextRetry {
  const interval = retryInterval(profile, state);
  if (interval === Infinity) return { at: Infinity, interval };
  const due = state.now + interval;
  if (profile.queueRunInterval <= 0) return { at: Math.max(due, state.now + 1), interval };
  // Due exactly on a run: that run takes it; otherwise the first run after it.
  const at = nextQueueRun(Math.max(due, state.now + 1) - 1, profile.queueRunInterval, state.queuePhase);
  return { at, interval };
}

/** When the message expires (NDR 4.4.7). */
export function expiryOf(profile: SenderProfile, submittedAt: Millis, firstFailureAt: Millis): Millis {
  return (profile.lifetimeFrom === 'first-failure' ? firstFailureAt : submittedAt) + profile.queueLifetime;
}
