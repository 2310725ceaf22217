import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, RandomStreams, SECOND } from '../../../sim/index.js';
import { RESOLVER_PRESETS, effectiveTtl, type ResolverPolicy } from '../../../model/dns/index.js';
import { drawPolicy, resolverPopulation } from '../../../model/dns/policy.js';

const base: ResolverPolicy = {
  handling: 'honour', minTtl: 0, maxTtl: 7 * DAY, extendedLifetime: 0, serveStale: false, maxStale: DAY, earlyRefetchProbability: 0, backgroundQueriesPerHour: 0,
};

function draw(count: number, mix: Parameters<typeof resolverPopulation>[0], seed = 7): ResolverPolicy[] {
  const random = new RandomStreams(seed);
  const streams = { handling: random.stream('h'), serveStale: random.stream('s'), background: random.stream('b') };
  return Array.from({ length: count }, () => drawPolicy(resolverPopulation(mix), streams, { serveStaleFraction: 0.25, earlyRefetchProbability: 0.3 }));
}

describe('resolver TTL policies', () => {
  it('honour keeps the TTL', () => {
    expect(effectiveTtl(base, 5 * MINUTE)).toBe(5 * MINUTE);
    expect(effectiveTtl(base, 0)).toBe(0);
  });

  it('clamp raises short TTLs to the floor and cuts long ones to the cap', () => {
    const clamping = { ...base, minTtl: 60 * SECOND, maxTtl: DAY };
    expect(effectiveTtl(clamping, 20 * SECOND)).toBe(60 * SECOND);
    expect(effectiveTtl(clamping, HOUR)).toBe(HOUR);
    expect(effectiveTtl(clamping, 2 * DAY)).toBe(DAY);
  });

  it('extend keeps every record at least its extended lifetime', () => {
    const extending = { ...base, handling: 'extend' as const, extendedLifetime: 30 * HOUR };
    expect(effectiveTtl(extending, 5 * MINUTE)).toBe(30 * HOUR);
    expect(effectiveTtl(extending, 2 * DAY)).toBe(2 * DAY);
  });

  it('the measured mix has about 8.7% extenders with lifetimes up to 72 h, a median near 5 min', () => {
    const policies = draw(4_000, 'measured');
    const extenders = policies.filter((policy) => policy.handling === 'extend');
    expect(extenders.length / policies.length).toBeGreaterThan(0.07);
    expect(extenders.length / policies.length).toBeLessThan(0.105);
    for (const policy of extenders) {
      expect(policy.extendedLifetime).toBeGreaterThan(0);
      expect(policy.extendedLifetime).toBeLessThanOrEqual(72 * HOUR);
    }
    const lifetimes = extenders.map((policy) => policy.extendedLifetime).sort((a, b) => a - b);
    const median = lifetimes[Math.floor(lifetimes.length / 2)]!;
    expect(median).toBeGreaterThan(2 * MINUTE);
    expect(median).toBeLessThan(12 * MINUTE);
    const floors = new Set(policies.map((policy) => policy.minTtl));
    expect(floors.has(0)).toBe(true);
    expect(floors.has(3_600 * SECOND)).toBe(true);
    expect(new Set(policies.map((policy) => policy.maxTtl))).toEqual(new Set([86_400 * SECOND, 604_800 * SECOND, 21_600 * SECOND]));
    const stale = policies.filter((policy) => policy.serveStale).length / policies.length;
    expect(stale).toBeGreaterThan(0.2);
    expect(stale).toBeLessThan(0.3);
  });

  it('all-honour has no floors, no extenders and the RFC 8767 cap', () => {
    for (const policy of draw(500, 'all-honour')) {
      expect(policy).toMatchObject({ handling: 'honour', minTtl: 0, maxTtl: 604_800 * SECOND, extendedLifetime: 0 });
    }
    expect(RESOLVER_PRESETS['all-honour'].extend).toBe(0);
  });

  it('explicit weights replace the class shares', () => {
    expect(draw(200, { honour: 0, extend: 1 }).every((policy) => policy.handling === 'extend')).toBe(true);
  });
});
