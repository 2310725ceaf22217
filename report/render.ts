import { formatDuration } from '../sim/index.js';
import type { SimulationResult } from '../model/result.js';
import { runCharts } from './charts.js';
import { renderPage } from './page.js';
import { findingsSection, mailboxSection, recommendationsSection, replaySection, summarySection } from './sections.js';
import { migrationStatisticsSection } from './migration-statistics-section.js';
import { timelineSection } from './timeline.js';
import { describeInstant } from './time-labels.js';

export interface ReportOptions {
  /** The command that replays this run; defaults to `cutover replay <scenario> --seed <seed>`. */
  replayCommand?: string;
  /** Where the scenario came from, shown under the title. */
  scenarioFile?: string;
  /** Rows in the mailbox table before the rest is left to the JSON output. */
  mailboxLimit?: number;
}

/** The run report: one HTML file with everything inline. Every scenario string is escaped. */
export function renderReport(result: SimulationResult, options: ReportOptions = {}): string {
  const replayCommand = options.replayCommand ?? `cutover replay ${result.scenario} --seed ${result.seed}`;
  const from = options.scenarioFile === undefined || options.scenarioFile === result.scenario ? '' : ` from ${options.scenarioFile}`;
  const start = result.startDate === undefined ? '' : `, starting ${describeInstant(0, result.startDate, result.timeZone).replace(/ \(T\+0\)$/, '')}`;
  return renderPage({
    title: `Cutover rehearsal: ${result.scenario}`,
    subtitle: `Scenario ${result.scenario}${from}, seed ${result.seed}, ${formatDuration(result.horizon)} simulated${start}.`,
    before: summarySection(result),
    charts: runCharts(result),
    after: [
      timelineSection(result),
      findingsSection(result),
      recommendationsSection(result),
      mailboxSection(result, options.mailboxLimit),
      migrationStatisticsSection(result, options.mailboxLimit),
      replaySection(result, replayCommand),
    ].join('\n'),
    footer: `cutover-twin · ${result.events} engine events · trace hash ${result.traceHash}`,
  });
}
