import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../scenarios/index.js';
import { causeOf, createSimulation, type SimulationResult } from '../../model/index.js';
import { causeRows, escapeHtml, FATE_WORDS, renderReport } from '../../report/index.js';
import { formatSummary } from '../../cli/index.js';
import { coloursFor } from '../../cli/colour.js';
import { runJson } from '../../cli/run/json-output.js';
import { toView } from '../../web/src/session/from-snapshot.js';
import { cutoverSummary } from '../../web/src/guide/summary.js';

/**
 * One truth for causes (issue 15 point 7): the terminal summary, `run --json`, the report and
 * the dashboard show the same rows (count, words, fix) from the one cause table, for built-ins
 * whose runs end with different causes.
 */

const plain = coloursFor({ env: {}, stdoutIsTTY: false });
/** Fates the ledger settles during the run: the dashboard's live snapshot knows these before the horizon resolves the rest. */
const SETTLED = new Set(['deliveredLate', 'bounced', 'lost', 'recovered']);

const SCENARIOS = ['early-batch-delete', 'licenses-forgotten', 'no-x500-addresses', 'profiles-not-rebuilt'];

describe.each(SCENARIOS)('causes of %s', (name) => {
  const { config } = loadScenario(name);
  const simulation = createSimulation(config);
  simulation.runUntil(config.horizon);
  const result: SimulationResult = simulation.result();
  const rows = causeRows(result);

  it('has causes, each named in words with a fix, counted as the result counts them', () => {
    expect(rows.length).toBeGreaterThan(0);
    for (const fate of Object.keys(result.causes) as (keyof typeof result.causes)[]) {
      for (const key of Object.keys(result.causes[fate]!)) expect(causeOf(key), `${fate} ${key}`).toBeDefined();
    }
    for (const row of rows) {
      expect(row.words, row.cause).toBeDefined();
      expect(row.fix, row.cause).toBeDefined();
      expect(row.count).toBe(result.causes[row.fate]![row.cause]);
    }
    const attributed = rows.reduce((sum, row) => sum + row.count, 0);
    const { deliveredLate, bounced, lost, stranded, recovered, pending } = result.messages;
    expect(attributed).toBe(deliveredLate + bounced + lost + stranded + recovered + pending);
  });

  it('shows the same rows in --json, the summary, the report and the dashboard', () => {
    expect(runJson(result).causeTable).toEqual(rows);

    const summary = formatSummary(result, { replayCommand: 'cutover replay x', colours: plain });
    for (const row of rows.slice(0, 3)) {
      expect(summary).toContain(`${row.count} ${FATE_WORDS[row.fate]}: ${row.words} (${row.cause})`);
      expect(summary).toContain(`fix: ${row.fix}`);
    }

    const html = renderReport(result);
    for (const row of rows) {
      expect(html).toContain(`<td class="num">${escapeHtml(row.count.toLocaleString('en-US'))}</td><td>${escapeHtml(FATE_WORDS[row.fate])}</td><td>${escapeHtml(row.words)} <code>${escapeHtml(row.cause)}</code></td><td>${escapeHtml(row.fix)}</td>`);
    }

    const dashboard = cutoverSummary(toView(simulation.snapshot(), config)).messageCauses;
    const settled = rows.filter((row) => SETTLED.has(row.fate));
    expect(dashboard.map(({ text: _text, ...row }) => row)).toEqual(settled);
    for (const row of dashboard) expect(row.text).toBe(`${row.count.toLocaleString('en-GB')} ${FATE_WORDS[row.fate]}: ${row.words}`);
  });
});
