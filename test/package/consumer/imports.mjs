// Plain Node 20, no loader: every entry point of the installed package, and one real run.
const entries = ['cutover-twin', 'cutover-twin/scenarios', 'cutover-twin/checker', 'cutover-twin/testing', 'cutover-twin/report', 'cutover-twin/cli'];
const exported = {};
for (const entry of entries) exported[entry] = Object.keys(await import(entry)).sort();
const { simulate } = await import('cutover-twin');
const { builtinScenarioFile, loadScenario } = await import('cutover-twin/scenarios');
const result = simulate(loadScenario(builtinScenarioFile('textbook')).config, {});
const version = (await import('cutover-twin/package.json', { with: { type: 'json' } })).default.version;
process.stdout.write(JSON.stringify({ exported, traceHash: result.traceHash, version }));
