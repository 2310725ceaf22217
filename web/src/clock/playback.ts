import { DAY, HOUR, type Millis } from '../../../sim/index.js';

/** Playback speeds, in simulated time per real second: from one hour to one day (the range). */
export const SPEEDS: readonly { label: string; perSecond: Millis }[] = [
  { label: '1 hour per second', perSecond: HOUR },
  { label: '3 hours per second', perSecond: 3 * HOUR },
  { label: '6 hours per second', perSecond: 6 * HOUR },
  { label: '12 hours per second', perSecond: 12 * HOUR },
  { label: '1 day per second', perSecond: DAY },
];

/** A frame longer than this (a busy tab, a slow step) is counted as this long, so playback never lurches. */
export const LONGEST_FRAME_MS = 250;

/**
 * Where the simulated clock should be after `elapsedMs` of real time at `perSecond`:
 * a whole millisecond, never past the horizon, never backwards.
 */
export function playbackTarget(now: Millis, elapsedMs: number, perSecond: Millis, horizon: Millis): Millis {
  const elapsed = Math.min(Math.max(0, elapsedMs), LONGEST_FRAME_MS);
  return Math.min(horizon, now + Math.max(0, Math.round((elapsed / 1000) * perSecond)));
}

export interface FrameSource {
  request(callback: (timestamp: number) => void): number;
  cancel(handle: number): void;
}

/**
 * Drives the clock from animation frames while playing. The browser's frame timestamps are
 * the only wall-clock input, and they only decide how far to run; the run itself stays exact.
 */
export class Player {
  private handle: number | undefined;
  private last: number | undefined;
  speedIndex = 0;

  constructor(
    private readonly frames: FrameSource,
    private readonly clock: { now(): Millis; horizon: Millis; goTo(time: Millis): void },
    private readonly onFrame: (playing: boolean) => void,
  ) {}

  get playing(): boolean {
    return this.handle !== undefined;
  }

  get perSecond(): Millis {
    return (SPEEDS[this.speedIndex] ?? SPEEDS[0]!).perSecond;
  }

  play(): void {
    if (this.playing || this.clock.now() >= this.clock.horizon) return;
    this.last = undefined;
    this.handle = this.frames.request(this.tick);
    this.onFrame(true);
  }

  pause(): void {
    if (this.handle !== undefined) this.frames.cancel(this.handle);
    this.handle = undefined;
    this.onFrame(false);
  }

  private readonly tick = (timestamp: number): void => {
    const elapsed = this.last === undefined ? 0 : timestamp - this.last;
    this.last = timestamp;
    this.clock.goTo(playbackTarget(this.clock.now(), elapsed, this.perSecond, this.clock.horizon));
    if (this.clock.now() >= this.clock.horizon) {
      this.handle = undefined;
      this.onFrame(false);
      return;
    }
    this.handle = this.frames.request(this.tick);
    this.onFrame(true);
  };
}
