import type { SimulationConfig } from '../../model/config.js';
import type { Finding, MessageTrace, Severity, SimulationResult } from '../../model/result.js';
import { PLAN_PENDING_CAUSES } from '../../model/ledger/index.js';
import { broken, HOLDS, type InvariantResult } from './result.js';

/**
 * The checker and the simulator agree (issue 7, 13). The checker promises that a plan
 * without error findings loses, bounces and strands nothing, and leaves no mail unseen by
 * its user (docs/checker.md); and every such message must be explained by a finding or a
 * declared fault. A disagreement is a bug in one of them, to be fixed, not filtered.
 */

export interface AgreementOptions {
  /** Severities that make a plan not clean (default: error). */
  blockingSeverities?: readonly Severity[];
  /** Severities that can explain a loss (default: error and warning). */
  explainingSeverities?: readonly Severity[];
}

/** Mail pending because of the plan (unread under an old profile or without a password, or in an Outbox), not the horizon. */
const unseen = (result: SimulationResult): number => Object.entries(result.causes?.pending ?? {}).reduce((sum, [cause, count]) => sum + (PLAN_PENDING_CAUSES.has(cause) ? count : 0), 0);
/** Messages a plan can be blamed for (issue 13): lost, bounced, stranded on-prem, or unseen by their user. */
const lostOrBounced = (result: SimulationResult): number => result.messages.lost + result.messages.bounced + (result.messages.stranded ?? 0) + unseen(result);
const harmed = (trace: MessageTrace): boolean => trace.fate === 'lost' || trace.fate === 'bounced' || trace.fate === 'stranded' || (trace.fate === 'pending' && PLAN_PENDING_CAUSES.has(trace.reason));
const summary = (result: SimulationResult) => ({ messages: result.messages, reasons: result.reasons });

/** A plan the checker finds clean loses and bounces nothing. */
export function cleanPlanLosesNothing(findings: readonly Finding[], result: SimulationResult, options: AgreementOptions = {}): InvariantResult {
  const blocking = options.blockingSeverities ?? ['error'];
  if (findings.some((finding) => blocking.includes(finding.severity))) return HOLDS;
  if (lostOrBounced(result) === 0) return HOLDS;
  return broken('clean-plan-loses-nothing', `the checker found no ${blocking.join(' or ')} finding, yet ${result.messages.lost} messages were lost, ${result.messages.bounced} bounced, ${result.messages.stranded ?? 0} stranded and ${unseen(result)} unseen by their users`, {
    ...summary(result),
    findings: findings.map((finding) => `${finding.severity} ${finding.rule}`),
  });
}

/** A finding explains a message when it concerns everyone (no subjects) or the message's sender or recipient. */
const explains = (finding: Finding, trace: MessageTrace): boolean =>
  finding.subjects === undefined || finding.subjects.length === 0 || finding.subjects.some((subject) => subject === trace.to || subject === trace.from);

/**
 * Every lost or bounced message is explained by at least one checker finding (of an
 * explaining severity, about everyone or about the message's sender or recipient) or by a
 * declared fault. Messages whose path was not kept are checked by count: some finding or
 * fault must exist.
 */
export function lossesExplained(config: SimulationConfig, findings: readonly Finding[], result: SimulationResult, options: AgreementOptions = {}): InvariantResult {
  if (lostOrBounced(result) === 0 || config.faults.length > 0) return HOLDS;
  const severities = options.explainingSeverities ?? ['error', 'warning'];
  const relevant = findings.filter((finding) => severities.includes(finding.severity));
  if (relevant.length === 0) {
    return broken('losses-explained', `${lostOrBounced(result)} messages were lost or bounced, and there is no ${severities.join(' or ')} finding and no declared fault`, summary(result));
  }
  const unexplained = result.traces.filter((trace) => harmed(trace) && !relevant.some((finding) => explains(finding, trace)));
  if (unexplained.length > 0) {
    const first = unexplained[0]!;
    return broken('losses-explained', `${unexplained.length} lost or bounced messages concern no recipient named by a finding; the first, #${first.id} to ${first.to}, ended ${first.fate} (${first.reason})`, {
      unexplained: unexplained.slice(0, 5).map(({ id, label, from, to, sentAt, fate, reason }) => ({ id, label, from, to, sentAt, fate, reason })),
      findings: relevant.map((finding) => ({ rule: finding.rule, severity: finding.severity, subjects: finding.subjects })),
    });
  }
  return HOLDS;
}
