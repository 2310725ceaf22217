/**
 * The property-testing kit of cutover-twin (issue 7): fast-check arbitraries for scenarios
 * and admin timelines, the invariants as plain functions, and a writer that turns a config
 * back into a scenario file (for counterexamples). See docs/testing.md.
 */
export * from './arbitraries/index.js';
export * from './invariants/index.js';
export { scenarioFileText, scenarioFileData, scenarioFileProblems } from './scenario-file.js';
export { realEngine } from './engine.js';
