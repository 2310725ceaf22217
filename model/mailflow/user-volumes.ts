import type { RandomStream } from '../../sim/index.js';

/**
 * Each user's daily mail volume (sent plus received), drawn once from a lognormal around
 * the median (dns §7.4: median 80, sigma 0.8), and a weighted pick over users by it:
 * busier users send and receive proportionally more.
 */
export class UserVolumes {
  private readonly cumulative: Float64Array;
  readonly totalPerDay: number;

  constructor(userCount: number, median: number, sigma: number, random: RandomStream) {
    this.cumulative = new Float64Array(userCount);
    let total = 0;
    for (let user = 0; user < userCount; user++) {
      total += random.lognormal(median, sigma);
      this.cumulative[user] = total;
    }
    this.totalPerDay = total;
  }

  get userCount(): number {
    return this.cumulative.length;
  }

  volumeOf(user: number): number {
    return (this.cumulative[user] ?? 0) - (user > 0 ? this.cumulative[user - 1]! : 0);
  }

  /** A user picked with probability proportional to their volume (binary search). */
  pick(random: RandomStream): number {
    const point = random.next() * this.totalPerDay;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > point) high = middle;
      else low = middle + 1;
    }
    return low;
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
