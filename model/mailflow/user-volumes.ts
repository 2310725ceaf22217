import type { RandomStream } from '../../sim/index.js';

/**
 * Each user's daily mail volume (sent plus received), drawn once from a lognormal around
 * the median (dns §7.4: median 80, sigma 0.8), and a weighted pick over users by it:
 * busier users send and receive proportionally more.
 */
export class UserVolumes {
  private readonly cumulative: Float64Array;
  readonly totalPerDay: number;
  /** guide[k]: the first user whose cumulative volume exceeds the start of slice k of the total. */
  private readonly guide: Int32Array;
  private readonly slicesPerUnit: number;

  constructor(userCount: number, median: number, sigma: number, random: RandomStream) {
    this.cumulative = new Float64Array(userCount);
    let total = 0;
    for (let user = 0; user < userCount; user++) {
      total += random.lognormal(median, sigma);
      this.cumulative[user] = total;
    }
    this.totalPerDay = total;
    this.slicesPerUnit = userCount / (total > 0 ? total : 1);
    this.guide = new Int32Array(userCount);
    let user = 0;
    for (let slice = 0; slice < userCount; slice++) {
      const start = slice / this.slicesPerUnit;
      while (user < userCount - 1 && this.cumulative[user]! <= start) user++;
      this.guide[slice] = user;
    }
  }

  get userCount(): number {
    return this.cumulative.length;
  }

  volumeOf(user: number): number {
    return (this.cumulative[user] ?? 0) - (user > 0 ? this.cumulative[user - 1]! : 0);
  }

  /**
   * A user picked with probability proportional to their volume: the first user whose
   * cumulative volume exceeds a uniform point. A guide table (one entry per user: where each
   * equal slice of the total starts) gives the answer in about one step instead of a binary
   * search, with exactly the same result for the same draw (every generated message picks
   * once or twice, issue 9).
   */
  pick(random: RandomStream): number {
    const point = random.next32() * this.totalPerDay; // 32 bits: one generator step (sim/random.ts)
    const cumulative = this.cumulative;
    const last = cumulative.length - 1;
    let index = this.guide[Math.min(last, Math.floor(point * this.slicesPerUnit))] ?? 0;
    while (index > 0 && cumulative[index - 1]! > point) index--; // rounding at a slice edge
    while (index < last && cumulative[index]! <= point) index++;
    return index;
  }

  /** A user other than `except`, by volume (when there is anyone else). */
  pickOther(random: RandomStream, except: number): number {
    if (this.cumulative.length < 2) return except;
    for (;;) {
      const user = this.pick(random);
      if (user !== except) return user;
    }
  }
}
