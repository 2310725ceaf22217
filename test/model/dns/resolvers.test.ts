import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../sim/index.js';
import { NEW, OLD, makeDns } from './helpers.js';

describe('resolver caches', () => {
  it('caches a record with the TTL in force when it was fetched', () => {
    const { dns } = makeDns({ initialMxTtl: DAY, resolverCount: 1 });
    expect(dns.lookupMx(0, 0)).toBe(OLD); // cold cache: fetched at 0 with TTL 1 d
    dns.zone.setMxTtl(HOUR, 1 * HOUR);
    dns.zone.switchMx(NEW, 2 * HOUR);
    // Lowering the TTL later does not shorten what is already cached.
    expect(dns.lookupMx(0, 23 * HOUR)).toBe(OLD);
    expect(dns.lookupMx(0, DAY - 1)).toBe(OLD);
    expect(dns.lookupMx(0, DAY)).toBe(NEW);
  });

  it('a cache miss answers fresh from another shard; the cached entry stays', () => {
    const { dns } = makeDns({ initialMxTtl: DAY, resolverCount: 1, cacheMissProbability: 1 });
    expect(dns.lookupMx(0, 0)).toBe(OLD);
    dns.zone.switchMx(NEW, HOUR);
    expect(dns.lookupMx(0, HOUR)).toBe(NEW);
    // The entry (old host, valid for a day) is what a look-up without a miss sees.
    expect(dns.shareAnswering(OLD, HOUR)).toBe(1);
  });

  it('misses make some look-ups see the new host early, never the old host late', () => {
    const { dns } = makeDns({ initialMxTtl: DAY, resolverCount: 1, cacheMissProbability: 0.3 });
    dns.lookupMx(0, 0);
    dns.zone.switchMx(NEW, HOUR);
    const answers = Array.from({ length: 200 }, (_, index) => dns.lookupMx(0, HOUR + index));
    const fresh = answers.filter((host) => host === NEW).length;
    expect(fresh).toBeGreaterThan(30);
    expect(fresh).toBeLessThan(90);
    expect(dns.lookupMx(0, DAY)).toBe(NEW);
  });

  it('the measured mix keeps some resolvers on the old host far past the TTL', () => {
    const { dns } = makeDns({ initialMxTtl: 5 * MINUTE, resolverCount: 400, resolverMix: 'measured' });
    for (let resolver = 0; resolver < 400; resolver++) dns.lookupMx(resolver, 0);
    dns.zone.switchMx(NEW, 1);
    const stillOld = (at: number) => Array.from({ length: 400 }, (_, resolver) => dns.lookupMx(resolver, at)).filter((host) => host === OLD).length;
    const atTwoHours = stillOld(2 * HOUR);
    expect(atTwoHours).toBeGreaterThan(0); // extenders (1-72 h) and no one else
    for (let resolver = 0; resolver < 400; resolver++) {
      if (dns.lookupMx(resolver, 2 * HOUR + 1) === OLD) expect(dns.policyOf(resolver).handling).toBe('extend');
    }
    expect(stillOld(72 * HOUR + 2)).toBe(0);
  });

  it('background queries keep a popular resolver warm: after expiry it re-fetches what the zone said then', () => {
    // Very popular resolvers: an expired record is re-fetched within seconds.
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 30, resolverBackgroundQueriesPerHour: 3_600 });
    dns.zone.switchMx(NEW, 10 * HOUR);
    // Just before the switch the caches were re-filled with the old host, valid up to an hour on.
    const oldAfterSwitch = Array.from({ length: 30 }, (_, resolver) => dns.lookupMx(resolver, 10 * HOUR + 10 * MINUTE)).filter((host) => host === OLD);
    expect(oldAfterSwitch.length).toBeGreaterThan(0);
    expect(Array.from({ length: 30 }, (_, resolver) => dns.lookupMx(resolver, 11 * HOUR))).toEqual(Array(30).fill(NEW));
  });

  it('without background queries, a cold resolver fetches the current answer', () => {
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 30 });
    dns.zone.switchMx(NEW, 10 * HOUR);
    expect(Array.from({ length: 30 }, (_, resolver) => dns.lookupMx(resolver, 10 * HOUR))).toEqual(Array(30).fill(NEW));
  });
});

describe('serve-stale', () => {
  const outage = [{ from: 2 * HOUR, until: 3 * DAY }];

  it('serves an expired record only while the authorities are unreachable, up to one day stale', () => {
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 1, serveStaleFraction: 1 }, 1, outage);
    expect(dns.policyOf(0).serveStale).toBe(true);
    expect(dns.lookupMx(0, 0)).toBe(OLD); // expires at 1 h
    expect(dns.authorityReachable(HOUR)).toBe(true);
    expect(dns.lookupMx(0, 90 * MINUTE)).toBe(OLD); // re-fetched while reachable: expires 2.5 h
    expect(dns.lookupMx(0, 4 * HOUR)).toBe(OLD); // stale, outage
    expect(dns.lookupMx(0, 150 * MINUTE + DAY - 1)).toBe(OLD);
    expect(dns.lookupMx(0, 150 * MINUTE + DAY)).toBeUndefined(); // past max-stale
  });

  it('a resolver without serve-stale cannot answer once its record expired in an outage', () => {
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 1, serveStaleFraction: 0 }, 1, outage);
    expect(dns.lookupMx(0, 90 * MINUTE)).toBe(OLD);
    expect(dns.lookupMx(0, 2 * HOUR + 1)).toBe(OLD); // still valid: served from cache
    expect(dns.lookupMx(0, 4 * HOUR)).toBeUndefined();
  });

  it('never serves stale while the authorities answer', () => {
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 1, serveStaleFraction: 1 });
    dns.lookupMx(0, 0);
    dns.zone.switchMx(NEW, 30 * MINUTE);
    expect(dns.lookupMx(0, HOUR)).toBe(NEW);
  });

  it('setAuthorityReachable opens and closes an outage', () => {
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 1 });
    dns.lookupMx(0, 0);
    dns.setAuthorityReachable(false, 2 * HOUR);
    dns.setAuthorityReachable(true, 5 * HOUR);
    expect(dns.lookupMx(0, 3 * HOUR)).toBeUndefined();
    expect(dns.lookupMx(0, 5 * HOUR)).toBe(OLD);
  });
});

describe('background replay across zone changes', () => {
  const config = { initialMxTtl: HOUR, resolverCount: 40, resolverMix: 'measured' as const, serveStaleFraction: 0.5, resolverBackgroundQueriesPerHour: 600 };
  /** Popular resolvers, a zone that changes five times in three hours, and an outage among the changes. */
  const busyZone = () => {
    const made = makeDns(config, 3, [{ from: 4 * HOUR + 10 * MINUTE, until: 4 * HOUR + 50 * MINUTE }]);
    made.dns.zone.setMxTtl(5 * MINUTE, 2 * HOUR);
    made.dns.zone.switchMx(NEW, 3 * HOUR);
    made.dns.zone.setMxTtl(MINUTE, 3 * HOUR + 30 * MINUTE);
    made.dns.zone.switchMx(OLD, 5 * HOUR);
    made.dns.zone.switchMx(NEW, 5 * HOUR + 7 * MINUTE);
    return made;
  };
  const entries = (dns: ReturnType<typeof makeDns>['dns'], at: number) => Array.from({ length: 40 }, (_, resolver) => dns.peekMx(resolver, at));

  it('gives the same entries replayed in one go or in many steps', () => {
    // The stepped copy commits its replay every 13 minutes (each step starts inside a zone
    // state); the whole copy replays from its last checkpoint in one go. A replay is a pure
    // function of the entry, so at each checkpoint both must hold the same entries.
    const whole = busyZone();
    const stepped = busyZone();
    let step = 0;
    for (const checkpoint of [4 * HOUR + 30 * MINUTE, 5 * HOUR + 3 * MINUTE, 6 * HOUR]) {
      for (; step <= checkpoint; step += 13 * MINUTE) {
        stepped.scheduler.runUntil(step);
        stepped.dns.shareAnswering(NEW, step);
      }
      stepped.scheduler.runUntil(checkpoint);
      whole.scheduler.runUntil(checkpoint);
      expect(entries(stepped.dns, checkpoint)).toEqual(entries(whole.dns, checkpoint));
    }
  });

  it('caches what the zone said at each re-fetch: between two switches, both hosts are in the caches', () => {
    const { dns, scheduler } = busyZone();
    scheduler.runUntil(5 * HOUR + 3 * MINUTE);
    const cached = entries(dns, 5 * HOUR + 3 * MINUTE).filter((entry) => entry.cached);
    // Re-fetched since the switch back at 5h: the old host, for a minute (extenders: longer).
    expect(cached.some((entry) => entry.host === OLD)).toBe(true);
    // Fetched before it, under the 1-minute TTL or by an extender: the new host.
    expect(cached.some((entry) => entry.host === NEW)).toBe(true);
  });
});

describe('shareAnswering', () => {
  it('equals the share of look-ups answering the host, and consumes no random draws', () => {
    const config = { initialMxTtl: 2 * HOUR, resolverCount: 200, resolverMix: 'measured' as const, cacheMissProbability: 0.3, resolverBackgroundQueriesPerHour: 4 };
    const withShare = makeDns(config, 11);
    const without = makeDns(config, 11);
    for (const { dns } of [withShare, without]) dns.zone.switchMx(NEW, 5 * HOUR);
    const lookups = (dns: typeof withShare.dns, at: number) => Array.from({ length: 200 }, (_, resolver) => dns.lookupMx(resolver, at));
    const shares: number[] = [];
    for (const at of [4 * HOUR, 5 * HOUR + 30 * MINUTE, 6 * HOUR, 9 * HOUR]) {
      shares.push(withShare.dns.shareAnswering(NEW, at));
      expect(lookups(withShare.dns, at)).toEqual(lookups(without.dns, at));
    }
    expect(shares[0]).toBe(0);
    expect(shares[1]!).toBeGreaterThan(0);
    expect(shares[1]!).toBeLessThan(1);
    expect(shares[2]!).toBeGreaterThanOrEqual(shares[1]!);
  });

  it('matches look-ups exactly when there are no cache misses', () => {
    const { dns, scheduler } = makeDns({ initialMxTtl: 3 * HOUR, resolverCount: 100, resolverMix: 'measured', resolverBackgroundQueriesPerHour: 3 }, 5);
    dns.zone.switchMx(NEW, 2 * HOUR);
    scheduler.runUntil(HOUR); // part of the replay is committed up to the engine's present
    for (const at of [HOUR, 3 * HOUR, 4 * HOUR, 30 * HOUR]) {
      const share = dns.shareAnswering(NEW, at);
      const answered = Array.from({ length: 100 }, (_, resolver) => dns.lookupMx(resolver, at)).filter((host) => host === NEW).length;
      expect(share).toBe(answered / 100);
    }
  });

  it('stays at 1 once every resolver answers the last host, and sees the zone change again', () => {
    const { dns } = makeDns({ initialMxTtl: HOUR, resolverCount: 60, resolverMix: 'measured', cacheMissProbability: 0, resolverBackgroundQueriesPerHour: 3 }, 7);
    const fraction = (host: string, at: number) => Array.from({ length: 60 }, (_, resolver) => dns.lookupMx(resolver, at)).filter((answer) => answer === host).length / 60;
    dns.zone.switchMx(NEW, HOUR);
    const shares = Array.from({ length: 5 * 24 }, (_, hour) => dns.shareAnswering(NEW, (hour + 1) * HOUR));
    const first = shares.indexOf(1);
    expect(first).toBeGreaterThan(0);
    expect(shares.slice(first).every((share) => share === 1)).toBe(true);
    expect(fraction(NEW, 5 * DAY)).toBe(1);
    dns.zone.switchMx(OLD, 5 * DAY + HOUR);
    // The zone changed: the share is computed again, and follows the look-ups down to 0.
    for (const at of [5 * DAY + 2 * HOUR, 6 * DAY, 9 * DAY]) expect(dns.shareAnswering(NEW, at)).toBe(fraction(NEW, at));
    expect(dns.shareAnswering(NEW, 9 * DAY)).toBe(0);
  });
});

