/** The self-contained HTML report (chart.js inlined, opens offline) and the helpers the CLI shares with it. */
export { renderReport, type ReportOptions } from './render.js';
export { renderSweepReport, type SweepRow, type SweepReportOptions } from './sweep-report.js';
export { escapeHtml, jsonForScript } from './escape.js';
export { verdictOf, hasErrorFindings, type Verdict } from './verdict.js';
export { describeInstant, describeDuration, calendarOf } from './time-labels.js';
export { keyTimeTable, type KeyTimeTable } from './key-times.js';
export { runCharts, type ChartSpec, type ChartDataset } from './charts.js';
export { FATE_WORDS, ATTRIBUTED_FATES, causeWords, causeRows, unseenCount, type CauseRow } from './fate-words.js';
export { eventTimeline, type TimelineEvent, type TimelineKind } from './event-timeline.js';
export { chartMarkers, type ChartMarker } from './chart-markers.js';
