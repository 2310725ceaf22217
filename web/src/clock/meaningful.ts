import type { Millis } from '../../../sim/index.js';
import type { DashboardView } from '../session/view.js';

/**
 * What makes an event worth stopping at for a class: an admin action, a change of the batch's
 * status or counts, a DNS change, the first mail to the new host, a license state change, a
 * new finding, the on-prem server going away, a message lost or bounced. Engine events (a
 * message delivered, a cache refreshed) are not; the string changes exactly when one of those does.
 */
export function meaningfulState(view: DashboardView, actions: number, allowed: readonly { allowed: boolean; reason?: string }[] = []): string {
  const { batch, dns, licenses, messages } = view;
  return [
    actions, batch.status, batch.synced, batch.failed, batch.stopped, batch.lastSyncedAt ?? '',
    dns.mxHost, dns.mxTtl, dns.autodiscoverCname, dns.verificationTxtPublished, dns.shareOnNewMx > 0,
    licenses.licensed, licenses.disabled, view.onPremRunning, messages.bounced, messages.lost,
    view.findings.map((finding) => finding.rule).join(','),
    // What the admin may do now changes with every action the plan gives (verifying, the endpoint).
    // Numbers are dropped from the reasons: "decommissioned 3h ago" is not news every minute.
    allowed.map((entry) => (entry.allowed ? '+' : (entry.reason ?? '-').replace(/\d+/g, '#'))).join(';'),
  ].join('|');
}

/** Longest "step to next event" runs looking for something meaningful before it stops anyway. */
export const MEANINGFUL_STEP_LIMIT: Millis = 2 * 86_400_000;
/** The clock shows whole seconds; events closer than this are one stop. */
export const MEANINGFUL_STEP_GRAIN: Millis = 60_000;

export interface SteppableSession {
  readonly horizon: Millis;
  now(): Millis;
  goTo(time: Millis): void;
  nextEventAt(): Millis | undefined;
  state(): string;
}

/** Runs the clock to the next meaningful event (within a minute), or the limit or horizon; false when nothing happened. */
export function stepToMeaningful(session: SteppableSession): boolean {
  const before = session.state();
  const limit = Math.min(session.horizon, session.now() + MEANINGFUL_STEP_LIMIT);
  while (session.now() < limit) {
    const next = session.nextEventAt();
    if (next === undefined) {
      session.goTo(limit);
      break;
    }
    // Events at the present instant (T+0 before anything ran) are run where they are.
    session.goTo(next <= session.now() ? next : Math.min(limit, Math.max(next, session.now() + MEANINGFUL_STEP_GRAIN)));
    if (session.state() !== before) return true;
  }
  return session.state() !== before;
}
