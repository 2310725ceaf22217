import type { DashboardView } from '../session/view.js';
import { causeRows, FATE_WORDS, type CauseRow } from '../../../report/fate-words.js';

export interface CutoverSummary {
  headline: string;
  /** What went wrong, each with the fix (the findings of the run, errors first). */
  causes: { text: string; fix: string }[];
  /** Messages not delivered on time, by root cause, with its words and fix: the rows of the summary, `--json` and the report. */
  messageCauses: (CauseRow & { text: string })[];
}

/**
 * The end-of-cutover summary: what was delivered, late, bounced or lost, and for each cause
 * the run found, what to do differently. It reads the same findings the Findings panel shows.
 */
export function cutoverSummary(view: DashboardView): CutoverSummary {
  const { messages } = view;
  const lostOrBounced = messages.lost + messages.bounced;
  const headline = `${lostOrBounced === 0 ? 'Nothing lost, nothing bounced.' : `${messages.lost.toLocaleString('en-GB')} lost and ${messages.bounced.toLocaleString('en-GB')} bounced.`} `
    + `${messages.delivered.toLocaleString('en-GB')} delivered (${messages.deliveredLate.toLocaleString('en-GB')} late), ${messages.inFlight.toLocaleString('en-GB')} still on the way; `
    + `${view.batch.synced} of ${view.batch.total} mailboxes synced, ${view.batch.failed} failed.`;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const causes = view.findings
    .filter((finding) => finding.severity !== 'info')
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((finding) => ({ text: finding.message, fix: finding.fix }));
  const messageCauses = causeRows({ causes: view.causes ?? {} })
    .map((row) => ({ ...row, text: `${row.count.toLocaleString('en-GB')} ${FATE_WORDS[row.fate]}: ${row.words ?? row.cause}` }));
  return { headline, causes, messageCauses };
}
