import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, SECOND, type Millis } from '../../../sim/index.js';
import type { SenderProfileName } from '../../../model/config.js';
import { EXPIRED_CODE, SENDER_PROFILES, type ConnectionFailure } from '../../../model/senders/index.js';
import { makeWorld, OLD, type World } from './helpers.js';

/**
 * Senders as real MTAs: the attempt's duration counts (the next wait runs from its end), the
 * message expires at the first failed attempt at or after the lifetime where the software
 * decides at a deferral, and a failing destination is dead for a window. The Postfix times are
 * those measured against real Postfix 3.7 (issue 14), whose queue scans fell 6 s past the
 * 300 s grid; the message is submitted so this sender's scans fall the same way.
 */
const SCAN_OFFSET = 6 * SECOND;

function failingWorld(profile: SenderProfileName, failure: ConnectionFailure): { world: World; submittedAt: Millis } {
  const world = makeWorld({ profile, dns: { initialMxTtl: 30 * DAY } });
  world.destinations.oldHostUp = false;
  world.destinations.oldHostFailure = failure;
  const grid = SENDER_PROFILES[profile].queueRunInterval;
  const phase = world.senders.queuePhaseOf(3);
  const submittedAt = grid > 0 ? (((phase - SCAN_OFFSET) % grid) + grid) % grid + grid : 0;
  world.scheduler.at(submittedAt, 'test.send', 1, (id: number, now) => world.senders.submit(id, 3, 'ann@contoso.com', now), 1);
  return { world, submittedAt };
}

/** Attempt start times of message 1, in minutes after its submission. */
function attemptMinutes(world: World, submittedAt: Millis): number[] {
  return world.destinations.attempts.filter((attempt) => attempt.messageId === 1).map((attempt) => Math.round((attempt.at - submittedAt) / (6 * SECOND)) / 10);
}

describe('Postfix as measured (issue 14)', () => {
  it('refused: 0, 5.1, 15.1, 35.1, 75.1, 145.1 min, then every 70 min', () => {
    const { world, submittedAt } = failingWorld('postfix', 'refused');
    world.scheduler.runUntil(submittedAt + 290 * MINUTE);
    expect(attemptMinutes(world, submittedAt)).toEqual([0, 5.1, 15.1, 35.1, 75.1, 145.1, 215.1, 285.1]);
  });

  it('dropped (30 s connect timeout): 0, 10.1, 25.1, 55.1, 115.1, 185.1 min', () => {
    const { world, submittedAt } = failingWorld('postfix', 'connect-timeout');
    world.scheduler.runUntil(submittedAt + 190 * MINUTE);
    expect(attemptMinutes(world, submittedAt)).toEqual([0, 10.1, 25.1, 55.1, 115.1, 185.1]);
    // The deferral is logged when the attempt gives up, 30 s after it started.
    const deferred = world.events.filter((event) => event.kind === 'deferred');
    expect(deferred[0]).toMatchObject({ at: submittedAt + 30 * SECOND, host: OLD, reason: 'connection timed out' });
  });

  it('accepted and never greeted (300 s): 0, 10.1, 35.1, 85.1, 160.1 min, then every 75 min', () => {
    const { world, submittedAt } = failingWorld('postfix', 'greeting-timeout');
    world.scheduler.runUntil(submittedAt + 315 * MINUTE);
    expect(attemptMinutes(world, submittedAt)).toEqual([0, 10.1, 35.1, 85.1, 160.1, 235.1, 310.1]);
  });

  it('bounces when the first attempt at or after maximal_queue_lifetime fails: 5.0105 d, not 5.000 d', () => {
    const { world, submittedAt } = failingWorld('postfix', 'refused');
    world.scheduler.runUntilIdle();
    const minutes = attemptMinutes(world, submittedAt);
    expect(minutes.at(-2)).toBe(7145.1);
    expect(minutes.at(-1)).toBe(7215.1);
    const bounce = world.events.find((event) => event.kind === 'bounced')!;
    expect(bounce).toMatchObject({ code: EXPIRED_CODE, at: submittedAt + 7215.1 * MINUTE });
    expect((bounce.at - submittedAt) / DAY).toBeCloseTo(5.0105, 4);
    expect(world.senders.queuedCount()).toBe(0);
  });
});

describe('attempt durations and expiry for every profile', () => {
  it('a timed-out attempt defers when it gives up, and the profile waits from then', () => {
    for (const profile of Object.keys(SENDER_PROFILES) as SenderProfileName[]) {
      for (const failure of ['connect-timeout', 'greeting-timeout'] as const) {
        const { world, submittedAt } = failingWorld(profile, failure);
        world.scheduler.runUntil(submittedAt + 6 * 60 * MINUTE);
        const timeout = failure === 'connect-timeout' ? SENDER_PROFILES[profile].connectTimeout : SENDER_PROFILES[profile].greetingTimeout;
        const starts = world.destinations.attempts.map((attempt) => attempt.at);
        const deferrals = world.events.filter((event) => event.kind === 'deferred');
        expect(deferrals.map((event) => event.at), `${profile} ${failure}`).toEqual(starts.map((at) => at + timeout).filter((at) => at <= submittedAt + 6 * 60 * MINUTE));
        deferrals.forEach((event, index) => {
          if (index + 1 < starts.length) expect(starts[index + 1]!, `${profile} ${failure}`).toBe(event.kind === 'deferred' ? event.next : NaN);
        });
      }
    }
  });

  it('never attempts after the bounce, and bounces no earlier than the lifetime', () => {
    for (const profile of Object.keys(SENDER_PROFILES) as SenderProfileName[]) {
      const { world, submittedAt } = failingWorld(profile, 'refused');
      world.scheduler.runUntilIdle();
      const bounce = world.events.find((event) => event.kind === 'bounced')!;
      const lifetime = SENDER_PROFILES[profile].queueLifetime;
      const last = world.destinations.attempts.at(-1)!.at;
      expect(last, profile).toBeLessThanOrEqual(bounce.at);
      expect(bounce.at - submittedAt, profile).toBeGreaterThanOrEqual(lifetime);
      if (SENDER_PROFILES[profile].expiry === 'first-failed-attempt-after') expect(bounce.at, profile).toBe(last);
      else if (SENDER_PROFILES[profile].lifetimeFrom === 'submission') expect(bounce.at, profile).toBe(submittedAt + lifetime);
    }
  });
});

describe('dead destinations', () => {
  const run = (profile: SenderProfileName, secondAfter: Millis): { suspended: boolean; attempted: boolean } => {
    const world = makeWorld({ profile, dns: { initialMxTtl: 30 * DAY } });
    world.destinations.oldHostUp = false;
    world.senders.submit(1, 3, 'ann@contoso.com', 0);
    world.scheduler.at(secondAfter, 'test.send', 2, (id: number, now) => world.senders.submit(id, 3, 'ann@contoso.com', now), 2);
    world.scheduler.runUntil(secondAfter);
    const first = world.events.find((event) => event.id === 2 && event.kind === 'deferred');
    return {
      suspended: first !== undefined && first.kind === 'deferred' && /suspended/.test(first.reason),
      attempted: world.destinations.attempts.some((attempt) => attempt.messageId === 2 && attempt.at === secondAfter),
    };
  };

  it('Postfix defers other mail for a dead domain without a connection for minimal_backoff_time (300 s)', () => {
    expect(run('postfix', 100 * SECOND)).toEqual({ suspended: true, attempted: false });
    expect(run('postfix', 301 * SECOND)).toEqual({ suspended: false, attempted: true });
  });

  it('profiles without a documented window try every message', () => {
    for (const profile of ['exchange-onprem', 'exchange-online', 'webmail', 'exim', 'sendmail'] as const) {
      expect(SENDER_PROFILES[profile].deadDestination, profile).toBeNull();
      expect(run(profile, 100 * SECOND), profile).toEqual({ suspended: false, attempted: true });
    }
  });
});
