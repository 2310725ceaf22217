import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND, isInputError } from '../../../sim/index.js';
import { EXPIRED_CODE, SENDER_PROFILES } from '../../../model/senders/index.js';
import { NEW, OLD, makeWorld } from './helpers.js';

describe('sending MTAs', () => {
  it('delivers at the first attempt through the sender resolver', () => {
    const world = makeWorld({ dns: { resolverCount: 4 } });
    world.senders.submit(7, 6, 'ann@contoso.com', 0);
    expect(world.senders.resolverOf(6)).toBe(2);
    expect(world.events).toEqual([{ kind: 'accepted', id: 7, host: OLD, at: 0, attempts: 1 }]);
    expect(world.senders.queuedCount()).toBe(0);
  });

  it('bounces at once on 5xx', () => {
    const world = makeWorld();
    world.destinations.oldHostAnswer = '5xx';
    world.senders.submit(1, 0, 'gone@contoso.com', 5);
    expect(world.events).toEqual([{ kind: 'bounced', id: 1, code: '5.1.1', reason: '550 5.1.1 user unknown', at: 5 }]);
    expect(world.scheduler.pendingCount).toBe(0);
  });

  it('defers on 4xx and delivers on a later attempt, counting attempts', () => {
    const world = makeWorld({ profile: 'exchange-online' });
    world.destinations.oldHostAnswer = '4xx';
    world.senders.submit(1, 0, 'ann@contoso.com', 0);
    expect(world.senders.queuedCount()).toBe(1);
    world.scheduler.runUntil(20 * MINUTE);
    world.destinations.oldHostAnswer = 'accept';
    world.scheduler.runUntilIdle();
    expect(world.events.map((event) => event.kind)).toEqual(['deferred', 'deferred', 'accepted']);
    expect(world.events[2]).toMatchObject({ at: 30 * MINUTE, attempts: 3 });
    expect(world.senders.queuedCount()).toBe(0);
  });

  it('treats a resolver that cannot answer as a temporary failure', () => {
    const world = makeWorld({ profile: 'exchange-online', faults: [{ from: 0, until: 20 * MINUTE }] });
    world.senders.submit(1, 0, 'ann@contoso.com', 0);
    expect(world.events[0]).toMatchObject({ kind: 'deferred', host: undefined, next: 15 * MINUTE });
    world.scheduler.runUntilIdle();
    expect(world.events.at(-1)).toMatchObject({ kind: 'accepted', at: 30 * MINUTE, attempts: 3 });
  });

  it('sends one delay notice at the first deferral after the delay time', () => {
    const world = makeWorld({ profile: 'exchange-online', dns: { initialMxTtl: 30 * DAY } });
    world.destinations.oldHostUp = false;
    world.senders.submit(1, 0, 'ann@contoso.com', 0);
    world.scheduler.runUntilIdle();
    const notices = world.events.filter((event) => event.kind === 'notice');
    expect(notices).toEqual([{ kind: 'notice', id: 1, at: 4 * HOUR + 30 * MINUTE }]);
  });

  it('Postfix sends no delay notice', () => {
    const world = makeWorld({ profile: 'postfix', dns: { initialMxTtl: 30 * DAY } });
    world.destinations.oldHostUp = false;
    world.senders.submit(1, 0, 'ann@contoso.com', 0);
    world.scheduler.runUntilIdle();
    expect(world.events.some((event) => event.kind === 'notice')).toBe(false);
    // The first failed attempt at or after maximal_queue_lifetime (5 d) returns the message.
    const bounce = world.events.at(-1)!;
    expect(bounce).toMatchObject({ kind: 'bounced', code: EXPIRED_CODE });
    expect(bounce.at).toBeGreaterThanOrEqual(5 * DAY);
    expect(bounce.at).toBeLessThan(5 * DAY + 4_000 * SECOND + 300 * SECOND);
    expect(bounce.at).toBe(world.destinations.attempts.at(-1)!.at);
  });

  it('profile overrides change the queue lifetime and the delay notice', () => {
    const world = makeWorld({
      profile: 'exchange-online',
      dns: { initialMxTtl: 30 * DAY },
      senders: { profileOverrides: { 'exchange-online': { queueLifetime: 48 * HOUR, delayNoticeAfter: null } } },
    });
    world.destinations.oldHostUp = false;
    world.senders.submit(1, 0, 'ann@contoso.com', 0);
    world.scheduler.runUntilIdle();
    expect(world.senders.profileOf(0).queueLifetime).toBe(48 * HOUR);
    expect(world.events.some((event) => event.kind === 'notice')).toBe(false);
    expect(world.events.at(-1)).toMatchObject({ kind: 'bounced', at: 48 * HOUR });
  });

  it('draws profiles from the mix and holds no state for delivered messages', () => {
    const world = makeWorld({ senders: { senderCount: 600, profileMix: { 'exchange-online': 0.5, sendmail: 0.5 } } });
    const names = new Set(Array.from({ length: 600 }, (_, sender) => world.senders.profileOf(sender).name));
    expect(names).toEqual(new Set(['exchange-online', 'sendmail']));
    for (let id = 0; id < 5_000; id++) world.senders.submit(id, id % 600, `user${id % 50}@contoso.com`, 0);
    expect(world.senders.queuedCount()).toBe(0);
    expect(world.scheduler.pendingCount).toBe(0);
  });

  it('refuses bad input with stable codes', () => {
    const codeOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return isInputError(error) ? error.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => makeWorld({ senders: { profileMix: { qmail: 1 } as never } }))).toBe('SENDERS_PROFILE_UNKNOWN');
    expect(codeOf(() => makeWorld({ senders: { profileMix: { postfix: 0 } } }))).toBe('SENDERS_CONFIG_INVALID');
    const world = makeWorld();
    expect(codeOf(() => world.senders.submit(1, 99, 'a@b', 0))).toBe('SENDERS_UNKNOWN_SENDER');
    expect(codeOf(() => world.senders.submit(-1, 0, 'a@b', 0))).toBe('SENDERS_MESSAGE_ID_INVALID');
  });

  it('each profile cites its source', () => {
    for (const profile of Object.values(SENDER_PROFILES)) expect(profile.source.length).toBeGreaterThan(10);
    expect(NEW).not.toBe(OLD);
  });
});
