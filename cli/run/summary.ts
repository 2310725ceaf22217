import type { Finding, SimulationResult } from '../../model/result.js';
import { causeRows, describeDuration, describeInstant, FATE_WORDS, hasErrorFindings, keyTimeTable, verdictOf } from '../../report/index.js';
import type { Colours } from '../colour.js';
import { terminalSafe } from '../colour.js';

export interface SummaryOptions {
  replayCommand: string;
  colours: Colours;
  /** Extra lines at the end (for example where the report was written). */
  notes?: string[];
}

const MAX_FINDINGS = 6;
const MAX_REASONS = 3;

/**
 * The terminal summary of a run. It fits one screen (at most 40 lines): the verdict, the key
 * times, the counts, the top findings and the command that replays the run.
 */
export function formatSummary(result: SimulationResult, options: SummaryOptions): string {
  const { colours } = options;
  const at = (value: number | null | undefined) => describeInstant(value, result.startDate, result.timeZone);
  const verdict = verdictOf(result);
  const lines: string[] = [];
  const start = result.startDate === undefined ? '' : `, T+0 = ${at(0).replace(/ \(T\+0\)$/, '')}`;
  lines.push(colours.bold(`cutover-twin · ${terminalSafe(result.scenario)} · seed ${result.seed} · ${describeDuration(result.horizon)} simulated${start}`));
  if (result.horizonFromPlan) lines.push(colours.dim(`(no horizon given: the plan ends by ${describeInstant(result.horizonFromPlan.planEndsBy)}, plus a ${describeDuration(result.horizonFromPlan.margin)} margin)`));
  lines.push(verdict.ok ? colours.green(`✔ ${verdict.text}`) : colours.red(`✖ ${verdict.text}`));
  lines.push('');

  lines.push(...batchLines(result));
  lines.push(...keyTimeLines(result, at), '');

  const { mailboxes, messages } = result;
  lines.push(`Mailboxes   ${mailboxes.total} total · ${mailboxes.synced} synced · ${mailboxes.failed} failed`);
  const statistics = result.migrationStatistics.batch;
  if (statistics !== null) {
    const skipped = result.migrationStatistics.users.reduce((sum, user) => sum + user.SkippedItemCount, 0);
    lines.push(`  Get-MigrationBatch: FailedInitialSyncCount ${statistics.FailedInitialSyncCount} · FailedIncrementalSyncCount ${statistics.FailedIncrementalSyncCount} · ${skipped} items skipped · DataConsistencyScore ${statistics.DataConsistencyScore}`);
  }
  const more = (['stranded', 'recovered', 'pending'] as const).filter((fate) => (messages[fate] ?? 0) > 0).map((fate) => ` · ${messages[fate]} ${FATE_WORDS[fate]}`).join('');
  lines.push(`Messages    ${messages.sent} sent · ${messages.delivered} delivered · ${messages.deliveredLate} late · ${messages.bounced} bounced · ${messages.lost} lost${more}`);
  const causes = causeRows(result);
  for (const row of causes.slice(0, MAX_REASONS)) {
    lines.push(`  ${row.count} ${FATE_WORDS[row.fate]}: ${row.words === undefined ? terminalSafe(row.cause) : `${row.words} (${row.cause})`}`);
    if (row.fix !== undefined) lines.push(colours.dim(`      fix: ${row.fix}`));
  }
  if (causes.length > MAX_REASONS) lines.push(`  … ${causes.length - MAX_REASONS} more cause(s)`);
  const refused = result.actions.filter((action) => action.outcome === 'refused');
  if (refused.length > 0) {
    const first = refused[0]!;
    lines.push(colours.yellow(`Refused     ${refused.length} action(s); first: ${first.action} at ${at(first.at)}: ${terminalSafe(first.detail)}`));
  }
  lines.push('');
  lines.push(...formatFindings(result.findings, colours, MAX_FINDINGS, false, at));
  lines.push('');
  lines.push(`Trace hash  ${result.traceHash} (${result.events} events)`);
  lines.push(`Replay      ${options.replayCommand}`);
  for (const note of options.notes ?? []) lines.push(note);
  if (hasErrorFindings(result) && verdict.ok) lines.push(colours.red('Exit code 1: the plan has error findings.'));
  return lines.join('\n') + '\n';
}

/**
 * The batch's path: the first time it reached each status, and where it ended, wrapped to at
 * most two lines (incremental passes repeat IncrementalSyncing/Synced every day).
 */
export function batchLines(result: SimulationResult, width = 100): string[] {
  const history = result.batch.statusHistory;
  if (history.length === 0) return ['Batch       never created'];
  const seen = new Set<string>();
  const steps: string[] = [];
  for (const change of history) {
    if (seen.has(change.status)) continue;
    seen.add(change.status);
    steps.push(`${change.status} ${describeInstant(change.at)}`);
  }
  const last = history[history.length - 1]!;
  const ending = steps.at(-1)?.startsWith(`${last.status} `) ? '' : ` (now ${last.status})`;
  const lines = ['Batch       '];
  for (const [index, step] of steps.entries()) {
    const piece = `${index === 0 ? '' : ' → '}${step}`;
    if (lines.at(-1)!.length + piece.length > width && lines.length < 2) lines.push(`            → ${step}`);
    else lines[lines.length - 1] += piece;
  }
  lines[lines.length - 1] += `${ending}, ${history.length} status changes`;
  return lines;
}

/** The key times (report/key-times.ts, the same rows the report shows), as text. */
export function keyTimeLines(result: SimulationResult, at: (value: number) => string): string[] {
  const table = keyTimeTable(result, at);
  const row = ([label, value]: [string, string]) => `  ${label.padEnd(28)} ${value}`;
  return [table.observedTitle, ...table.observed.map(row), table.recommendedTitle, ...table.recommended.map(row)];
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Findings, worst first, one line each, with a count line above them. */
export function formatFindings(findings: readonly Finding[], colours: Colours, limit: number, withFix = false, at: (value: number) => string = describeInstant): string[] {
  const count = (severity: Finding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  const lines = [`Findings    ${count('error')} error · ${count('warning')} warning · ${count('info')} info`];
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.at ?? 0) - (b.at ?? 0));
  for (const finding of sorted.slice(0, limit)) {
    const mark = finding.severity === 'error' ? colours.red('✖') : finding.severity === 'warning' ? colours.yellow('!') : colours.dim('i');
    const when = finding.at === undefined ? '' : ` ${at(finding.at)}`;
    lines.push(`  ${mark} ${finding.rule}${when}: ${terminalSafe(finding.message)}`);
    if (withFix) lines.push(colours.dim(`      fix: ${terminalSafe(finding.fix)} (${terminalSafe(finding.step)})`));
  }
  if (sorted.length > limit) lines.push(colours.dim(`  … ${sorted.length - limit} more (see --json or --report)`));
  return lines;
}
