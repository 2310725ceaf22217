import { MESSAGE_FATES as FATES, type SimulationResult } from '../../model/result.js';
import { broken, HOLDS, type InvariantResult } from './result.js';

/** Fates counted by reason in `result.reasons` (everything not readable where its recipient reads mail). */
const REASON_FATES = ['bounced', 'lost', 'stranded', 'pending'] as const;

/**
 * Conservation (issue 6, 13, PRODUCT "Ledger"): every message has exactly one fate and the
 * counts add up: sent = delivered + late + bounced + lost + stranded + recovered + pending,
 * no count negative, the reasons sum to bounced + lost + stranded + pending, the causes of
 * each fate sum to its count, each kept path has one known fate, and no fate has more kept
 * paths than its count.
 */
export function conservation(result: SimulationResult): InvariantResult {
  const name = 'conservation';
  const { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending } = result.messages;
  const counts = { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending };
  for (const [key, value] of Object.entries(counts)) {
    if (!Number.isSafeInteger(value) || value < 0) return broken(name, `messages.${key} is ${value}, not a whole number ≥ 0`, counts);
  }
  if (delivered + deliveredLate + bounced + lost + stranded + recovered + pending !== sent) {
    return broken(name, `sent ${sent} ≠ delivered ${delivered} + late ${deliveredLate} + bounced ${bounced} + lost ${lost} + stranded ${stranded} + recovered ${recovered} + pending ${pending}`, counts);
  }
  const reasonTotal = Object.values(result.reasons).reduce((sum, count) => sum + count, 0);
  const notRead = REASON_FATES.reduce((sum, fate) => sum + counts[fate], 0);
  if (reasonTotal !== notRead) {
    return broken(name, `the reasons add up to ${reasonTotal}, but bounced + lost + stranded + pending = ${notRead}`, { reasons: result.reasons, bounced, lost, stranded, pending });
  }
  for (const fate of FATES) {
    const byCause = Object.values(result.causes?.[fate] ?? {}).reduce((sum, count) => sum + count, 0);
    if (result.causes !== undefined && byCause !== counts[fate]) return broken(name, `the causes of ${fate} add up to ${byCause}, but its count is ${counts[fate]}`, { causes: result.causes[fate], count: counts[fate] });
  }
  const seen = new Set<number>();
  for (const trace of result.traces) {
    if (seen.has(trace.id)) return broken(name, `message ${trace.id} has more than one kept path`, { id: trace.id });
    seen.add(trace.id);
    if (!FATES.includes(trace.fate)) return broken(name, `message ${trace.id} has no known fate (${String(trace.fate)})`, trace);
    if ((REASON_FATES as readonly string[]).includes(trace.fate) && !(trace.reason in result.reasons)) {
      return broken(name, `message ${trace.id} is ${trace.fate} for "${trace.reason}", a reason the counts do not have`, { trace, reasons: result.reasons });
    }
  }
  for (const fate of FATES) {
    const kept = result.traces.filter((trace) => trace.fate === fate).length;
    if (kept > counts[fate]) return broken(name, `${kept} kept paths are ${fate}, but the count of ${fate} is ${counts[fate]}`, counts);
  }
  return HOLDS;
}
