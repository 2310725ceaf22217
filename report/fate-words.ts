import type { MessageFate, SimulationResult } from '../model/result.js';
import { causeOf, causeText, PLAN_PENDING_CAUSES } from '../model/ledger/index.js';

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

/** One root cause of messages that were not simply delivered: its fate, key, count, plain words and fix. */
export interface CauseRow {
  fate: MessageFate;
  cause: string;
  count: number;
  words?: string;
  fix?: string;
}

/** The fates attributed to a root cause (issue 15 point 7): everything not delivered on time. */
export const ATTRIBUTED_FATES = ['deliveredLate', 'bounced', 'lost', 'stranded', 'recovered', 'pending'] as const satisfies readonly MessageFate[];

/**
 * Every cause of a fate other than on-time delivery (late, bounced, lost, stranded, recovered,
 * pending), largest first, with the words and fix from the one cause table
 * (model/ledger/causes.ts). The summary, `--json` (`causeTable`), the report and the
 * dashboard all show these rows.
 */
export function causeRows(result: Partial<Pick<SimulationResult, 'causes' | 'reasons'>>): CauseRow[] {
  const rows: CauseRow[] = [];
  const causes = result.causes ?? {};
  for (const fate of ATTRIBUTED_FATES) {
    for (const [cause, count] of Object.entries(causes[fate] ?? {})) {
      if (count <= 0) continue;
      const row: CauseRow = { fate, cause, count };
      const text = causeText(fate, cause);
      if (text !== undefined) {
        row.words = text.words;
        if (text.fix !== undefined) row.fix = text.fix;
      }
      rows.push(row);
    }
  }
  // Results without causes (older JSON): bounced and lost by reason.
  if (result.causes === undefined) for (const [cause, count] of Object.entries(result.reasons ?? {})) if (count > 0) rows.push({ fate: 'lost', cause, count });
  return rows.sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1));
}
