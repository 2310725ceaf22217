import type { SimulationResult } from '../model/result.js';
import { unseenCount } from './fate-words.js';

/** The one-line answer a planner wants first: was any mail lost, bounced, stranded or left unseen by its user? */
export interface Verdict {
  ok: boolean;
  text: string;
}

export function verdictOf(result: Pick<SimulationResult, 'messages'> & Partial<Pick<SimulationResult, 'causes'>>): Verdict {
  const { lost, bounced } = result.messages;
  const stranded = result.messages.stranded ?? 0;
  const unseen = unseenCount(result);
  if (lost === 0 && bounced === 0 && stranded === 0 && unseen === 0) return { ok: true, text: 'nothing lost, nothing bounced' };
  const extra = [stranded > 0 ? `${stranded} stranded on-prem (recoverable)` : '', unseen > 0 ? `${unseen} unseen by their users` : ''].filter(Boolean);
  return { ok: false, text: [`${lost} lost`, `${bounced} bounced`, ...extra].join(', ') };
}

/** Error findings also fail a plan (exit code 1), so CI can gate a change on them. */
export const hasErrorFindings = (result: Pick<SimulationResult, 'findings'>): boolean =>
  result.findings.some((finding) => finding.severity === 'error');
