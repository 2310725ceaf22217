import fc from 'fast-check';
import { riskyTimelineArbitrary, scenarioArbitrary, preparedScenarioArbitrary, timelineAround, TEXTBOOK_TIMELINE, realEngine, keepingAllPaths, lossesExplained, cleanPlanLosesNothing } from './testing/index.js';
const which = process.argv[2]!, n = Number(process.argv[3] ?? 60), seed = Number(process.argv[4] ?? 5);
const arbs: Record<string, any> = {
  plain: scenarioArbitrary(), prepared: preparedScenarioArbitrary(), prepared2: preparedScenarioArbitrary({ limits: { maxTimelineMutations: 2 } }),
  risky: scenarioArbitrary({ timeline: timelineAround(TEXTBOOK_TIMELINE, { minMutations: 1, maxMutations: 3 }) }),
  preparedRisky: preparedScenarioArbitrary({ timeline: timelineAround(TEXTBOOK_TIMELINE, { minMutations: 1, maxMutations: 3 }) }),
  preparedRisky7: preparedScenarioArbitrary({ timeline: timelineAround(TEXTBOOK_TIMELINE, { minMutations: 1, maxMutations: 3, maxDelay: 7 * 86_400_000 }) }),
  riskyT: preparedScenarioArbitrary({ timeline: riskyTimelineArbitrary({ maxDelay: 7 * 86_400_000 }) }),
  preparedRisky2: preparedScenarioArbitrary({ timeline: timelineAround(TEXTBOOK_TIMELINE, { minMutations: 2, maxMutations: 4 }) }),
};
const counts: Record<string, number> = {}; const t0 = Date.now(); let shown = 0;
for (const config of fc.sample(arbs[which], { seed, numRuns: n }) as any[]) {
  const f = realEngine.checkPlan(config); const r = realEngine.simulate(keepingAllPaths(config));
  for (const [name, res] of [['clean', cleanPlanLosesNothing(f, r)], ['explained', lossesExplained(config, f, r)]] as const) {
    const key = `${name}:${res.ok ? res.vacuous ?? 'EXERCISED' : 'BROKEN'}`; counts[key] = (counts[key] ?? 0) + 1;
    if (!res.ok && shown++ < 6) console.log(name, res.message.slice(0, 300), JSON.stringify((res as any).details?.findings ?? '').slice(0, 400));
  }
}
console.log(which, n, counts, (Date.now() - t0) / n, 'ms');
