import type { ActionType } from '../model/config.js';
import type { SimulationResult } from '../model/result.js';

/** What an entry of the event timeline is about; the dashboard and the report colour them by it. */
export type TimelineKind = 'admin' | 'dns' | 'batch' | 'users' | 'finding';

export interface TimelineEvent {
  at: number;
  kind: TimelineKind;
  /** Short title, for example `Batch Synced` or `switchMx done`. */
  what: string;
  detail: string;
  /** An admin command the service refused, or a finding of severity error. */
  bad: boolean;
}

/** Commands that change DNS: the timeline lists them as DNS changes (TTL, MX switch, CNAME, TXT). */
const DNS_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>(['setMxTtl', 'switchMx', 'createAutodiscoverCname', 'publishVerificationTxt']);

/** At equal times an action comes first: it causes the statuses and findings after it. */
const ORDER: Record<TimelineKind, number> = { admin: 0, dns: 1, batch: 2, users: 3, finding: 4 };

/**
 * Every event a trainer points at, in time order, from the run's data only: admin actions
 * (done and refused; DNS commands as DNS changes), batch status changes, users reaching a
 * status (grouped: one entry per status and time, not one per mailbox) and timed findings.
 */
export function eventTimeline(result: SimulationResult): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const action of result.actions) {
    const refused = action.outcome === 'refused';
    events.push({ at: action.at, kind: DNS_ACTIONS.has(action.action) ? 'dns' : 'admin', what: `${action.action} ${refused ? 'refused' : 'done'}`, detail: action.detail, bad: refused });
  }
  for (const change of result.batch.statusHistory) events.push({ at: change.at, kind: 'batch', what: `Batch ${change.status}`, detail: '', bad: change.status === 'Failed' });
  events.push(...userEvents(result));
  for (const finding of result.findings) {
    if (finding.at === undefined) continue;
    events.push({ at: finding.at, kind: 'finding', what: `Finding: ${finding.rule}`, detail: finding.message, bad: finding.severity === 'error' });
  }
  return events.sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}

/** Users whose initial sync finished, grouped by the minute it finished in; failed users at the batch's initial-sync time. */
function userEvents(result: SimulationResult): TimelineEvent[] {
  const synced = new Map<number, string[]>();
  const failed: string[] = [];
  for (const mailbox of result.mailboxes.outcomes) {
    if (mailbox.initialSyncDoneAt !== undefined) {
      const minute = Math.floor(mailbox.initialSyncDoneAt / 60_000) * 60_000;
      synced.set(minute, [...(synced.get(minute) ?? []), mailbox.address]);
    } else if (mailbox.status === 'Failed') failed.push(`${mailbox.address}${mailbox.error === undefined ? '' : `: ${mailbox.error}`}`);
  }
  const events: TimelineEvent[] = [...synced].map(([at, addresses]) => ({
    at, kind: 'users' as const, what: addresses.length === 1 ? '1 mailbox Synced' : `${addresses.length} mailboxes Synced`, detail: listOf(addresses), bad: false,
  }));
  const failedAt = result.batch.statusHistory.find((change) => ['Synced', 'SyncedWithErrors', 'Failed'].includes(change.status))?.at;
  if (failed.length > 0 && failedAt !== undefined) {
    events.push({ at: failedAt, kind: 'users', what: failed.length === 1 ? '1 mailbox Failed' : `${failed.length} mailboxes Failed`, detail: listOf(failed), bad: true });
  }
  return events;
}

const LISTED = 5;
const listOf = (items: string[]): string => items.length <= LISTED ? items.join(', ') : `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
