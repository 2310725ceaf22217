import type { MessageFate, SimulationResult } from '../model/result.js';
import { causeOf, PLAN_PENDING_CAUSES } from '../model/ledger/index.js';

/** Each fate in plain words, in the order counts show them (issue 13). */
export const FATE_WORDS: Record<MessageFate, string> = {
  delivered: 'delivered',
  deliveredLate: 'delivered late',
  bounced: 'bounced',
  lost: 'lost',
  stranded: 'stranded on-prem',
  recovered: 'recovered',
  pending: 'pending',
};

/** A cause key in plain words, when the ledger's list has it (destination bounces keep their key). */
export const causeWords = (key: string): string | undefined => causeOf(key)?.words;

/** Mail pending because of the plan (unread under an old profile or without a password, or in an Outbox). */
export function unseenCount(result: Partial<Pick<SimulationResult, 'causes'>>): number {
  let count = 0;
  for (const [cause, n] of Object.entries(result.causes?.pending ?? {})) if (PLAN_PENDING_CAUSES.has(cause)) count += n;
  return count;
}

/** Every cause of a non-delivered fate (bounced, lost, stranded, recovered, pending), largest first. */
export function causeRows(result: Pick<SimulationResult, 'causes' | 'reasons'>): { fate: MessageFate; cause: string; count: number; words?: string }[] {
  const rows: { fate: MessageFate; cause: string; count: number; words?: string }[] = [];
  const causes = result.causes ?? {};
  for (const fate of ['bounced', 'lost', 'stranded', 'recovered', 'pending'] as const) {
    for (const [cause, count] of Object.entries(causes[fate] ?? {})) {
      if (count <= 0) continue;
      const words = causeWords(cause);
      rows.push(words === undefined ? { fate, cause, count } : { fate, cause, count, words });
    }
  }
  // Results without causes (older JSON): bounced and lost by reason.
  if (result.causes === undefined) for (const [cause, count] of Object.entries(result.reasons)) if (count > 0) rows.push({ fate: 'lost', cause, count });
  return rows.sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1));
}
