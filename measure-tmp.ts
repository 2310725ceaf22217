import fc from 'fast-check';
import { concurrencyCaseArbitrary, ttlCaseArbitrary, removalCaseArbitrary, moreConcurrencyNeverSlower, loweringTtlEarlierSendsNoMoreToOldHost, removingLaterLosesNoMore, realEngine } from './testing/index.js';
const which = process.argv[2]!; const n = Number(process.argv[3] ?? 50); const seed = Number(process.argv[4] ?? 1);
const table: Record<string, [any, any]> = {
  concurrency: [concurrencyCaseArbitrary(), moreConcurrencyNeverSlower],
  ttl: [ttlCaseArbitrary(), loweringTtlEarlierSendsNoMoreToOldHost],
  removal: [removalCaseArbitrary(), removingLaterLosesNoMore],
};
const [arb, rel] = table[which]!;
const reasons: Record<string, number> = {}; let fails = 0; const t0 = Date.now();
for (const [config, knob] of fc.sample(arb, { seed, numRuns: n }) as any[]) {
  const r = rel(config, knob, realEngine.simulate);
  const key = r.ok ? (r.vacuous ?? 'EXERCISED') : 'BROKEN';
  reasons[key] = (reasons[key] ?? 0) + 1;
  if (!r.ok && fails++ < 3) console.log(JSON.stringify(r).slice(0, 400), 'seed', config.seed, 'knob', knob);
}
console.log(which, n, 'seed', seed, reasons, `${((Date.now() - t0) / n).toFixed(0)} ms/case`);
