import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../../scenarios/index.js';
import { simulate } from '../../../model/simulation.js';

describe('MX look-ups on kept paths', () => {
  test('keeping every path (and so peeking at every look-up) changes nothing in the run', () => {
    const { config } = loadScenario('scenarios/ttl-not-lowered.yaml');
    const sampled = simulate(config, {});
    const all = simulate(config, { keepAllPaths: true });
    expect(all.traceHash).toBe(sampled.traceHash);
    expect(all.messages).toEqual(sampled.messages);
    const lookups = all.traces.flatMap((trace) => trace.path.filter((hop) => hop.step === 'mx-lookup'));
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.some((hop) => hop.detail!.includes('cached answer, TTL left'))).toBe(true);
  });
});
