import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, RandomStreams } from '../../../sim/index.js';
import type { SenderProfileName } from '../../../model/config.js';
import { EXPIRED_CODE, SENDER_PROFILES } from '../../../model/senders/index.js';
import { NEW, OLD, makeWorld, type World } from './helpers.js';

const mix = { 'exchange-online': 0.35, webmail: 0.3, postfix: 0.15, exim: 0.08, 'exchange-onprem': 0.07, sendmail: 0.05 };

/** Inbound mail from 200 senders, Poisson arrivals over [0, until). */
function sendTraffic(world: World, until: number, perHour: number, seed = 3): void {
  const stream = new RandomStreams(seed).stream('traffic');
  let id = 0;
  for (let at = stream.nextArrival(0, perHour / HOUR); at < until; at = stream.nextArrival(at, perHour / HOUR)) {
    const messageId = id++;
    const sender = stream.integer(0, world.senders.senderCount - 1);
    world.scheduler.at(at, 'test.send', messageId, (argument: number, now) => world.senders.submit(argument, sender, 'ann@contoso.com', now), messageId);
  }
}

const oldHostDeliveries = (world: World) => world.events.filter((event) => event.kind === 'accepted' && event.host === OLD).map((event) => event.at);

describe('MX cutover through caches and sending MTAs', () => {
  const population = { resolverCount: 200, resolverMix: 'all-honour' as const, cacheMissProbability: 0.3, resolverBackgroundQueriesPerHour: 3 };

  it('with all-honour resolvers, nothing reaches the old host after the switch plus the TTL in force', () => {
    const switchAt = 2 * DAY;
    const ttl = 6 * HOUR;
    const world = makeWorld({ dns: { ...population, initialMxTtl: ttl }, senders: { senderCount: 200, profileMix: mix } });
    world.dns.zone.switchMx(NEW, switchAt);
    sendTraffic(world, 4 * DAY, 60);
    world.scheduler.runUntilIdle();
    const old = oldHostDeliveries(world);
    expect(old.filter((at) => at >= switchAt).length).toBeGreaterThan(0); // the window is real
    expect(old.filter((at) => at >= switchAt + ttl)).toEqual([]);
    expect(world.destinations.attempts.filter((attempt) => attempt.host === OLD && attempt.at >= switchAt + ttl)).toEqual([]);
  });

  it('lowering the TTL one old-TTL period before the switch bounds the old-host window by the new TTL', () => {
    const switchAt = 3 * DAY;
    const run = (lower: boolean) => {
      const world = makeWorld({ dns: { ...population, initialMxTtl: DAY }, senders: { senderCount: 200, profileMix: mix } });
      if (lower) world.dns.zone.setMxTtl(HOUR, switchAt - DAY);
      world.dns.zone.switchMx(NEW, switchAt);
      sendTraffic(world, 5 * DAY, 60);
      world.scheduler.runUntilIdle();
      return oldHostDeliveries(world).filter((at) => at >= switchAt + HOUR).length;
    };
    expect(run(true)).toBe(0);
    expect(run(false)).toBeGreaterThan(0); // without lowering, the 1-day TTL keeps mail flowing to the old host
  });

  it('decommissioning the old server while caches still point at it gives deferral, then an NDR after the queue lifetime', () => {
    for (const profile of Object.keys(SENDER_PROFILES) as SenderProfileName[]) {
      const switchAt = DAY;
      const world = makeWorld({ profile, dns: { initialMxTtl: 7 * DAY, resolverCount: 1 } });
      world.senders.submit(1, 0, 'ann@contoso.com', switchAt - MINUTE); // warms the cache with the old host
      world.dns.zone.switchMx(NEW, switchAt);
      world.destinations.oldHostUp = false; // decommissioned at the switch
      world.scheduler.runUntil(switchAt);
      world.senders.submit(2, 0, 'ann@contoso.com', switchAt);
      world.scheduler.runUntilIdle();
      const events = world.events.filter((event) => event.id === 2);
      const lifetime = SENDER_PROFILES[profile].queueLifetime;
      expect(events[0], profile).toMatchObject({ kind: 'deferred', host: OLD, reason: 'connection refused' });
      if (SENDER_PROFILES[profile].expiry === 'at-lifetime') {
        expect(events.at(-1), profile).toMatchObject({ kind: 'bounced', code: EXPIRED_CODE, at: switchAt + lifetime });
      } else {
        // Postfix, Sendmail: returned when the first attempt at or after the lifetime fails.
        const lastAttempt = world.destinations.attempts.filter((attempt) => attempt.messageId === 2).at(-1)!.at;
        expect(events.at(-1), profile).toMatchObject({ kind: 'bounced', code: EXPIRED_CODE, at: lastAttempt });
        expect(lastAttempt, profile).toBeGreaterThanOrEqual(switchAt + lifetime);
      }
      expect(events.filter((event) => event.kind === 'accepted'), profile).toEqual([]);
      const notice = SENDER_PROFILES[profile].delayNoticeAfter;
      expect(events.filter((event) => event.kind === 'notice').length, profile).toBe(notice === null ? 0 : 1);
      expect(world.senders.queuedCount()).toBe(0);
    }
  });

  it('when the cache expires inside the queue lifetime, the deferred message reaches the new host', () => {
    const world = makeWorld({ profile: 'exchange-online', dns: { initialMxTtl: 3 * HOUR, resolverCount: 1 } });
    world.senders.submit(1, 0, 'ann@contoso.com', 0);
    world.dns.zone.switchMx(NEW, HOUR);
    world.destinations.oldHostUp = false;
    world.scheduler.runUntil(HOUR);
    world.senders.submit(2, 0, 'ann@contoso.com', HOUR);
    world.scheduler.runUntilIdle();
    const last = world.events.filter((event) => event.id === 2).at(-1);
    expect(last).toMatchObject({ kind: 'accepted', host: NEW });
    expect(last!.at).toBeGreaterThanOrEqual(3 * HOUR);
    expect(last!.at).toBeLessThan(4 * HOUR + 1);
  });
});
