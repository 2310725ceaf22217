import type { SimulationConfig } from '../../model/config.js';
import type { Finding, MessageTrace, Severity, SimulationResult } from '../../model/result.js';
import { PLAN_PENDING_CAUSES } from '../../model/ledger/index.js';
import { rulesExplaining } from './loss-causes.js';
import { broken, HOLDS, vacuous, type InvariantResult } from './result.js';

/**
 * The checker and the simulator agree (issues 7, 13 and 20). The checker promises that a plan
 * without error findings loses, bounces and strands nothing, and leaves no mail unseen by its
 * user (docs/checker.md); and every such message must be explained by a finding whose rule
 * causes its loss. A disagreement is a bug in one of them, to be fixed, not filtered.
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
/** Causes of the messages a plan is blamed for, with their counts. */
const harmedCauses = (result: SimulationResult): [string, number][] => {
  const causes = result.causes ?? {};
  const entries = (['lost', 'bounced', 'stranded'] as const).flatMap((fate) => Object.entries(causes[fate] ?? {}));
  return [...entries, ...Object.entries(causes.pending ?? {}).filter(([cause]) => PLAN_PENDING_CAUSES.has(cause))];
};
const summary = (result: SimulationResult) => ({ messages: result.messages, reasons: result.reasons });

/** A plan the checker finds clean loses and bounces nothing. */
export function cleanPlanLosesNothing(findings: readonly Finding[], result: SimulationResult, options: AgreementOptions = {}): InvariantResult {
  const blocking = options.blockingSeverities ?? ['error'];
  if (findings.some((finding) => blocking.includes(finding.severity))) return vacuous(`the checker found ${blocking.join(' or ')} findings`);
  if (lostOrBounced(result) === 0) return HOLDS;
  return broken('clean-plan-loses-nothing', `the checker found no ${blocking.join(' or ')} finding, yet ${result.messages.lost} messages were lost, ${result.messages.bounced} bounced, ${result.messages.stranded ?? 0} stranded and ${unseen(result)} unseen by their users`, {
    ...summary(result),
    findings: findings.map((finding) => `${finding.severity} ${finding.rule}`),
  });
}

/**
 * A finding explains a lost or bounced message when its rule can cause the message's reason
 * (loss-causes.ts) and, where it names subjects, one of them is the message's recipient or
 * sender (issue 20: a finding without the matching cause explains nothing).
 */
const explains = (finding: Finding, reason: string, trace?: Pick<MessageTrace, 'to' | 'from'>): boolean =>
  rulesExplaining(reason).includes(finding.rule) &&
  (trace === undefined || finding.subjects === undefined || finding.subjects.length === 0 || finding.subjects.some((subject) => subject === trace.to || subject === trace.from));

/**
 * Every lost or bounced message is explained by a checker finding of an explaining severity
 * whose rule causes its reason and whose subjects (if any) name its mailbox; declared faults
 * speak through the checker's `schedule.declared-faults` finding. The check is per message
 * when every losing message's path was kept (run with `keepingAllPaths` to make sure);
 * otherwise per reason, and the result says so (`vacuous`), so a property can count how
 * often the per-message check ran.
 */
export function lossesExplained(config: SimulationConfig, findings: readonly Finding[], result: SimulationResult, options: AgreementOptions = {}): InvariantResult {
  const losing = lostOrBounced(result);
  if (losing === 0) return vacuous('nothing lost or bounced');
  const severities = options.explainingSeverities ?? ['error', 'warning'];
  const relevant = findings.filter((finding) => severities.includes(finding.severity));
  const findingList = () => relevant.map((finding) => ({ rule: finding.rule, severity: finding.severity, subjects: finding.subjects }));
  const unexplainedReasons = harmedCauses(result).filter(([reason, count]) => count > 0 && !relevant.some((finding) => explains(finding, reason)));
  if (unexplainedReasons.length > 0) {
    const [reason, count] = unexplainedReasons[0]!;
    const known = rulesExplaining(reason);
    return broken('losses-explained', `${count} messages ended "${reason}", and no ${severities.join(' or ')} finding has a rule that causes it (${known.length === 0 ? 'a reason testing/invariants/loss-causes.ts does not know' : known.join(', ')})`, {
      ...summary(result), findings: findingList(),
    });
  }
  const traced = result.traces.filter(harmed);
  const unexplained = traced.filter((trace) => !relevant.some((finding) => explains(finding, trace.reason, trace)));
  if (unexplained.length > 0) {
    const first = unexplained[0]!;
    return broken('losses-explained', `${unexplained.length} lost or bounced messages have no finding whose rule causes their reason and whose subjects name their mailbox; the first, #${first.id} to ${first.to}, ended ${first.fate} (${first.reason})`, {
      unexplained: unexplained.slice(0, 5).map(({ id, label, from, to, sentAt, fate, reason }) => ({ id, label, from, to, sentAt, fate, reason })),
      findings: findingList(),
    });
  }
  if (traced.length < losing) return vacuous('checked by reason only: not every losing path was kept');
  return HOLDS;
}
