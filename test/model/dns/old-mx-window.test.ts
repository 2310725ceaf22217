import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DAY, HOUR, MINUTE, isInputError } from '../../../sim/index.js';
import { worstCaseOldMxWindow } from '../../../model/dns/index.js';
import { NEW, OLD, makeDns } from './helpers.js';

describe('worstCaseOldMxWindow', () => {
  it('all-honour: the TTL in force at the switch', () => {
    expect(worstCaseOldMxWindow({ switchAt: 3 * DAY, initialTtl: HOUR, mix: 'all-honour' })).toBe(HOUR);
  });

  it('lowering one old TTL before the switch leaves only the new TTL', () => {
    const input = { switchAt: 3 * DAY, initialTtl: DAY, mix: 'all-honour' as const };
    expect(worstCaseOldMxWindow({ ...input, ttlChanges: [{ at: 2 * DAY, ttl: HOUR }] })).toBe(HOUR);
    // Lowered only 6 h before: entries fetched with the 1 d TTL outlive the switch by 18 h.
    expect(worstCaseOldMxWindow({ ...input, ttlChanges: [{ at: 3 * DAY - 6 * HOUR, ttl: HOUR }] })).toBe(18 * HOUR);
    // A restore after the switch does not matter.
    expect(worstCaseOldMxWindow({ ...input, ttlChanges: [{ at: 2 * DAY, ttl: HOUR }, { at: 4 * DAY, ttl: DAY }] })).toBe(HOUR);
  });

  it('measured: floors raise short TTLs, caps cut long ones, extenders reach 72 h', () => {
    expect(worstCaseOldMxWindow({ switchAt: DAY, initialTtl: 5 * MINUTE, mix: { honour: 1, extend: 0 } })).toBe(HOUR);
    expect(worstCaseOldMxWindow({ switchAt: DAY, initialTtl: 30 * DAY, mix: { honour: 1, extend: 0 } })).toBe(7 * DAY);
    expect(worstCaseOldMxWindow({ switchAt: DAY, initialTtl: 5 * MINUTE })).toBe(72 * HOUR);
  });

  it('refuses bad input with a stable code', () => {
    try {
      worstCaseOldMxWindow({ switchAt: -1, initialTtl: HOUR });
      expect.unreachable();
    } catch (error) {
      expect(isInputError(error) && error.code).toBe('DNS_WINDOW_INPUT_INVALID');
    }
  });
});

const ttlArbitrary = fc.integer({ min: 0, max: 2 * DAY });

describe('all-honour property', () => {
  test.prop(
    {
      initialTtl: ttlArbitrary,
      lowered: fc.option(fc.record({ at: fc.integer({ min: 0, max: 4 * DAY }), ttl: ttlArbitrary }), { nil: undefined }),
      switchAt: fc.integer({ min: 1, max: 4 * DAY }),
      seed: fc.integer(),
      lookups: fc.array(fc.record({ resolver: fc.integer({ min: 0, max: 19 }), at: fc.integer({ min: 0, max: 10 * DAY }) }), { maxLength: 60 }),
      background: fc.constantFrom(0, 3, 60),
    },
    { numRuns: 150 },
  )('no look-up at or after switch + the TTL in force returns the old host', ({ initialTtl, lowered, switchAt, seed, lookups, background }) => {
    const { dns } = makeDns({ initialMxTtl: initialTtl, resolverCount: 20, cacheMissProbability: 0.3, resolverBackgroundQueriesPerHour: background }, seed);
    if (lowered !== undefined) dns.zone.setMxTtl(lowered.ttl, lowered.at);
    dns.zone.switchMx(NEW, switchAt);
    const bound = switchAt + worstCaseOldMxWindow({ switchAt, initialTtl, ttlChanges: lowered ? [lowered] : [], mix: 'all-honour' });
    for (const { resolver, at } of [...lookups].sort((a, b) => a.at - b.at)) {
      const host = dns.lookupMx(resolver, at);
      if (at >= bound) expect(host).toBe(NEW);
      if (at < switchAt) expect(host).toBe(OLD);
    }
  });
});
