import type { SimulationResult } from '../model/result.js';

/** The one-line answer a planner wants first: was any mail lost or bounced? */
export interface Verdict {
  ok: boolean;
  text: string;
}

export function verdictOf(result: Pick<SimulationResult, 'messages'>): Verdict {
  const { lost, bounced } = result.messages;
  if (lost === 0 && bounced === 0) return { ok: true, text: 'nothing lost, nothing bounced' };
  return { ok: false, text: `${lost} lost, ${bounced} bounced` };
}

/** Error findings also fail a plan (exit code 1), so CI can gate a change on them. */
export const hasErrorFindings = (result: Pick<SimulationResult, 'findings'>): boolean =>
  result.findings.some((finding) => finding.severity === 'error');
