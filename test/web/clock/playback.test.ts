import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { LONGEST_FRAME_MS, Player, SPEEDS, playbackTarget } from '../../../web/src/clock/playback.js';

describe('playback', () => {
  test('speeds run from one simulated hour to one simulated day per second', () => {
    expect(SPEEDS[0]?.perSecond).toBe(HOUR);
    expect(SPEEDS[SPEEDS.length - 1]?.perSecond).toBe(DAY);
  });

  test('half a second at one hour per second advances half an hour', () => {
    expect(playbackTarget(1000, 200, HOUR, 10 * DAY)).toBe(1000 + HOUR / 5);
  });

  test.prop([fc.nat({ max: 30 * DAY }), fc.double({ min: -100, max: 5000, noNaN: true }), fc.constantFrom(...SPEEDS.map((s) => s.perSecond)), fc.nat({ max: 30 * DAY })], { numRuns: 200 })(
    'the target is a whole millisecond, never backwards, never past the horizon, never more than one long frame ahead',
    (now, elapsed, perSecond, horizonOffset) => {
      const horizon = now + horizonOffset;
      const target = playbackTarget(now, elapsed, perSecond, horizon);
      expect(Number.isInteger(target)).toBe(true);
      expect(target).toBeGreaterThanOrEqual(now);
      expect(target).toBeLessThanOrEqual(horizon);
      expect(target - now).toBeLessThanOrEqual(Math.round((LONGEST_FRAME_MS / 1000) * perSecond));
    },
  );

  test('the player runs frame by frame and stops by itself at the horizon', () => {
    const queue: ((timestamp: number) => void)[] = [];
    const frames = { request: (callback: (t: number) => void) => queue.push(callback), cancel: () => { queue.length = 0; } };
    let now = 0;
    const clock = { now: () => now, horizon: 2 * HOUR, goTo: (time: number) => { now = time; } };
    const states: boolean[] = [];
    const player = new Player(frames, clock, (playing) => states.push(playing));
    player.play();
    let timestamp = 0;
    while (queue.length > 0 && timestamp < 100_000) {
      queue.shift()!(timestamp);
      timestamp += 100;
    }
    expect(now).toBe(2 * HOUR);
    expect(player.playing).toBe(false);
    expect(states[states.length - 1]).toBe(false);
    player.play(); // at the horizon: nothing to play
    expect(player.playing).toBe(false);
  });
});
