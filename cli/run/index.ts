/** `cutover run` and `cutover replay`: one simulation, its summary, JSON and migration reports. */
export { addReplayCommand } from './replay.js';
export { addRunCommand } from './command.js';
export { findingsJson, recommendationsJson } from './json-output.js';
export { formatFindings, formatSummary } from './summary.js';
