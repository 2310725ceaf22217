import type { SimulationResult } from '../model/result.js';
import { escapeHtml } from './escape.js';
import { describeDuration, describeInstant } from './time-labels.js';
import { verdictOf } from './verdict.js';
import { causeRows, FATE_WORDS } from './fate-words.js';
import { keyTimeTable } from './key-times.js';

/** The verdict and the headline counts. */
export function summarySection(result: SimulationResult): string {
  const verdict = verdictOf(result);
  const { messages, mailboxes } = result;
  const card = (label: string, value: number | string) =>
    `<div class="card"><div class="value">${escapeHtml(typeof value === 'number' ? value.toLocaleString('en-US') : value)}</div><div class="label">${escapeHtml(label)}</div></div>`;
  return `<div class="verdict ${verdict.ok ? 'ok' : 'bad'}">${verdict.ok ? '✔' : '✖'} ${escapeHtml(verdict.text)}</div>
<div class="cards">
${card('mailboxes synced', `${mailboxes.synced} / ${mailboxes.total}`)}
${card('mailboxes failed', mailboxes.failed)}
${card('messages sent', messages.sent)}
${card('delivered', messages.delivered)}
${card('delivered late', messages.deliveredLate)}
${card('bounced', messages.bounced)}
${card('lost', messages.lost)}
${card('stranded on-prem', messages.stranded ?? 0)}
${card('recovered', messages.recovered ?? 0)}
${card('pending at the end', messages.pending ?? 0)}
</div>${reasonsList(result)}`;
}

function reasonsList(result: SimulationResult): string {
  const rows = causeRows(result);
  if (rows.length === 0) return '';
  const items = rows.map((row) => `<tr><td class="num">${escapeHtml(row.count.toLocaleString('en-US'))}</td><td>${escapeHtml(FATE_WORDS[row.fate])}</td>`
    + `<td>${row.words === undefined ? '' : `${escapeHtml(row.words)} `}<code>${escapeHtml(row.cause)}</code></td><td>${escapeHtml(row.fix ?? '')}</td></tr>`).join('');
  return `<h3 id="causes">Why messages were not simply delivered</h3>
<table class="causes"><thead><tr><th>Messages</th><th>Fate</th><th>Cause</th><th>Fix</th></tr></thead><tbody>${items}</tbody></table>`;
}

export function findingsSection(result: SimulationResult): string {
  const rank = { error: 0, warning: 1, info: 2 };
  const findings = [...result.findings].sort((a, b) => rank[a.severity] - rank[b.severity] || (a.at ?? 0) - (b.at ?? 0));
  const rows = findings.map((finding) => `<tr><td class="severity-${escapeHtml(finding.severity)}">${escapeHtml(finding.severity)}</td>`
    + `<td><code>${escapeHtml(finding.rule)}</code></td><td>${escapeHtml(describeInstant(finding.at, result.startDate, result.timeZone))}</td>`
    + `<td>${escapeHtml(finding.message)}${subjects(finding.subjects)}</td><td>${escapeHtml(finding.fix)}</td><td>${escapeHtml(finding.step)}</td></tr>`);
  const body = rows.length === 0 ? '<tr><td colspan="6">No findings.</td></tr>' : rows.join('\n');
  return `<h2 id="findings">Findings</h2>
<table><thead><tr><th>Severity</th><th>Rule</th><th>When</th><th>Finding</th><th>Fix</th><th>Article step</th></tr></thead>
<tbody>${body}</tbody></table>`;
}

function subjects(list: string[] | undefined): string {
  if (list === undefined || list.length === 0) return '';
  const shown = list.slice(0, 10).map(escapeHtml).join(', ');
  return `<div class="note">${shown}${list.length > 10 ? ` and ${list.length - 10} more` : ''}</div>`;
}

export function recommendationsSection(result: SimulationResult): string {
  const table = keyTimeTable(result, (value) => describeInstant(value, result.startDate, result.timeZone));
  const rows = (entries: [string, string][]) => entries.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
  const initial = result.batch.initialSyncDuration;
  const horizonNote = result.horizonFromPlan === undefined ? ''
    : ` (no horizon given: the plan ends by ${escapeHtml(describeInstant(result.horizonFromPlan.planEndsBy))}, plus a ${escapeHtml(describeDuration(result.horizonFromPlan.margin))} margin)`;
  return `<h2 id="recommendations">Key times</h2>
<h3>${escapeHtml(table.observedTitle)}</h3>
<table><tbody>${rows(table.observed)}</tbody></table>
<h3>${escapeHtml(table.recommendedTitle)}</h3>
<table><tbody>${rows(table.recommended)}</tbody></table>
<p class="note">Initial sync of this run took ${escapeHtml(describeDuration(initial))}; horizon ${escapeHtml(describeDuration(result.horizon))}${horizonNote}.</p>`;
}

export function mailboxSection(result: SimulationResult, limit = 500): string {
  const outcomes = result.mailboxes.outcomes;
  const rows = outcomes.slice(0, limit).map((mailbox) => `<tr><td>${escapeHtml(mailbox.displayName)}</td><td>${escapeHtml(mailbox.address)}</td>`
    + `<td>${escapeHtml(mailbox.status)}</td><td class="num">${escapeHtml(Math.round(mailbox.percentComplete))}%</td>`
    + `<td class="num">${escapeHtml(mailbox.itemsSynced)}</td><td class="num">${escapeHtml(mailbox.skippedLarge + mailbox.skippedBad)}</td>`
    + `<td>${escapeHtml(mailbox.license.state)}</td><td>${escapeHtml(mailbox.error ?? '')}</td></tr>`);
  const more = outcomes.length > limit ? `<p class="note">${outcomes.length - limit} more mailboxes are in the JSON output.</p>` : '';
  return `<h2 id="mailboxes">Mailboxes</h2>
<table><thead><tr><th>Display name</th><th>Address</th><th>Status</th><th class="num">Done</th><th class="num">Items</th><th class="num">Skipped</th><th>License</th><th>Error</th></tr></thead>
<tbody>${rows.join('\n') || '<tr><td colspan="8">No mailboxes.</td></tr>'}</tbody></table>${more}`;
}

export function replaySection(result: SimulationResult, replayCommand: string): string {
  return `<h2 id="replay">Replay this run</h2>
<p>The run is deterministic: the same scenario and seed give the same timeline, bit for bit (trace hash <code>${escapeHtml(result.traceHash)}</code>).</p>
<pre>${escapeHtml(replayCommand)}</pre>`;
}
