import type { MessageFate, SimulationResult } from '../../model/result.js';
import { broken, HOLDS, type InvariantResult } from './result.js';

const FATES: readonly MessageFate[] = ['delivered', 'deliveredLate', 'bounced', 'lost'];

/**
 * Conservation (issue 6, PRODUCT "Ledger"): every message has exactly one fate and the
 * counts add up: sent = delivered + late + bounced + lost, no count negative, the lost and
 * bounced reasons sum to lost + bounced, each kept path has one known fate, and no fate
 * has more kept paths than its count.
 */
export function conservation(result: SimulationResult): InvariantResult {
  const name = 'conservation';
  const { sent, delivered, deliveredLate, bounced, lost } = result.messages;
  const counts = { sent, delivered, deliveredLate, bounced, lost };
  for (const [key, value] of Object.entries(counts)) {
    if (!Number.isSafeInteger(value) || value < 0) return broken(name, `messages.${key} is ${value}, not a whole number ≥ 0`, counts);
  }
  if (delivered + deliveredLate + bounced + lost !== sent) {
    return broken(name, `sent ${sent} ≠ delivered ${delivered} + late ${deliveredLate} + bounced ${bounced} + lost ${lost}`, counts);
  }
  const reasonTotal = Object.values(result.reasons).reduce((sum, count) => sum + count, 0);
  if (reasonTotal !== bounced + lost) {
    return broken(name, `the lost and bounced reasons add up to ${reasonTotal}, but bounced + lost = ${bounced + lost}`, { reasons: result.reasons, bounced, lost });
  }
  const seen = new Set<number>();
  for (const trace of result.traces) {
    if (seen.has(trace.id)) return broken(name, `message ${trace.id} has more than one kept path`, { id: trace.id });
    seen.add(trace.id);
    if (!FATES.includes(trace.fate)) return broken(name, `message ${trace.id} has no known fate (${String(trace.fate)})`, trace);
    if ((trace.fate === 'lost' || trace.fate === 'bounced') && !(trace.reason in result.reasons)) {
      return broken(name, `message ${trace.id} is ${trace.fate} for "${trace.reason}", a reason the counts do not have`, { trace, reasons: result.reasons });
    }
  }
  for (const fate of FATES) {
    const kept = result.traces.filter((trace) => trace.fate === fate).length;
    if (kept > counts[fate]) return broken(name, `${kept} kept paths are ${fate}, but the count of ${fate} is ${counts[fate]}`, counts);
  }
  return HOLDS;
}
