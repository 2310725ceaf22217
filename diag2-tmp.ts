import fc from 'fast-check';
import { preparedScenarioArbitrary, scenarioArbitrary, realEngine, keepingAllPaths, lossesExplained } from './testing/index.js';
const which = process.argv[2]!; const n = Number(process.argv[3] ?? 60);
const arb = which === 'prepared' ? preparedScenarioArbitrary() : scenarioArbitrary();
let shown = 0;
for (const config of fc.sample(arb, { seed: 5, numRuns: n }) as any[]) {
  const f = realEngine.checkPlan(config); const r = realEngine.simulate(keepingAllPaths(config));
  const res = lossesExplained(config, f, r);
  if (res.ok || shown++ > 3) continue;
  console.log('=== findings', f.map((x) => `${x.severity} ${x.rule} ${x.subjects ?? ''}`).join(' | '));
  console.log('plan', r.actions.map((a: any) => `${a.action}@${(a.at / 3600000).toFixed(1)}${a.outcome === 'done' ? '' : ':' + a.outcome}`).join(' '));
  console.log('faults', JSON.stringify(config.faults), 'recipients', config.organisation.recipients.map((x: any) => x.address + (x.hidden ? '(hidden)' : '')).join(','));
  for (const t of r.traces.filter((t: any) => t.fate === 'lost' || t.fate === 'bounced').slice(0, 2)) console.log(' lost', t.from, '->', t.to, t.reason, t.path.map((h: any) => `${h.step}@${(h.at / 3600000).toFixed(1)}`).join(' '));
}
