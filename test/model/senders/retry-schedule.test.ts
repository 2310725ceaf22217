import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, SECOND } from '../../../sim/index.js';
import type { SenderProfileName } from '../../../model/config.js';
import { SENDER_PROFILES } from '../../../model/senders/index.js';
import { nextQueueRun, nextRetry } from '../../../model/senders/retry-schedule.js';
import { makeWorld } from './helpers.js';

/** Attempt times of a message that fails every time, from the pure schedule (queue phase given). */
function attemptTimes(name: SenderProfileName, count: number, phase = 0): number[] {
  const profile = SENDER_PROFILES[name];
  const times = [0];
  let previousInterval = 0;
  while (times.length < count) {
    const now = times[times.length - 1]!;
    const next = nextRetry(profile, { now, failures: times.length, submittedAt: 0, firstFailureAt: 0, previousInterval, queuePhase: phase, messageLevel: false });
    previousInterval = next.interval;
    times.push(next.at);
  }
  return times;
}

const minutes = (values: number[]) => values.map((value) => value * MINUTE);

describe('retry schedules (first attempts at the documented times)', () => {
  it('Exchange on-prem: 4 × 1 min, 6 × 5 min, then every 10 min', () => {
    expect(attemptTimes('exchange-onprem', 13)).toEqual(minutes([0, 1, 2, 3, 4, 9, 14, 19, 24, 29, 34, 44, 54]));
  });

  it('Exchange Online: 15 min, 15 min, then hourly', () => {
    expect(attemptTimes('exchange-online', 6)).toEqual(minutes([0, 15, 30, 90, 150, 210]));
  });

  it('webmail: exponential from 5 min, capped at 2 h', () => {
    expect(attemptTimes('webmail', 8)).toEqual(minutes([0, 5, 15, 35, 75, 155, 275, 395]));
  });

  it('Postfix: clamp(age, 300 s, 4000 s) on the 300 s queue grid', () => {
    expect(attemptTimes('postfix', 9)).toEqual([0, 300, 600, 1200, 2400, 4800, 9000, 13200, 17400].map((s) => s * SECOND));
    // With a queue phase, every retry falls on that sender's grid.
    const phased = attemptTimes('postfix', 9, 17 * SECOND);
    for (const at of phased.slice(1)) expect((at - 17 * SECOND) % (300 * SECOND)).toBe(0);
  });

  it('Exim: 15 min for 2 h, then ×1.5 from 1 h, on 30 min queue runs', () => {
    expect(attemptTimes('exim', 9)).toEqual(minutes([0, 30, 60, 90, 120, 180, 270, 420, 630]));
  });

  it('Exim: every 6 h after 16 h, and no attempt past 4 days from the first failure', () => {
    const times = attemptTimes('exim', 30);
    const late = times.filter((at) => at > 16 * HOUR && at < 4 * DAY);
    for (let index = 1; index < late.length; index++) expect(late[index]! - late[index - 1]!).toBe(6 * HOUR);
    expect(times[times.length - 1]).toBe(Infinity);
  });

  it('Sendmail: hourly queue runs', () => {
    expect(attemptTimes('sendmail', 5)).toEqual(minutes([0, 60, 120, 180, 240]));
  });

  it('Exchange retries a message-level 4xx on MessageRetryInterval (15 min)', () => {
    const next = nextRetry(SENDER_PROFILES['exchange-onprem'], { now: 0, failures: 1, submittedAt: 0, firstFailureAt: 0, previousInterval: 0, queuePhase: 0, messageLevel: true });
    expect(next.at).toBe(15 * MINUTE);
  });

  it('queue runs fall on the phase grid, strictly after the given time', () => {
    expect(nextQueueRun(0, HOUR, 0)).toBe(HOUR);
    expect(nextQueueRun(10 * MINUTE, HOUR, 20 * MINUTE)).toBe(20 * MINUTE);
    expect(nextQueueRun(20 * MINUTE, HOUR, 20 * MINUTE)).toBe(80 * MINUTE);
  });

  it('the sending MTAs follow the schedule end to end', () => {
    for (const profile of ['exchange-onprem', 'exchange-online', 'webmail', 'postfix', 'exim', 'sendmail'] as const) {
      const world = makeWorld({ profile, dns: { initialMxTtl: 30 * DAY } });
      world.destinations.oldHostUp = false;
      world.senders.submit(1, 3, 'ann@contoso.com', 0);
      world.scheduler.runUntil(12 * HOUR);
      const phase = world.senders.queuePhaseOf(3);
      const expected = attemptTimes(profile, 200, phase).filter((at) => at <= 12 * HOUR);
      expect(world.destinations.attempts.map((attempt) => attempt.at), profile).toEqual(expected);
    }
  });
});
