import seedrandom from 'seedrandom';

/**
 * Named random streams derived from one scenario seed. Each concern (arrivals, sync speed,
 * resolver policies, ...) draws from its own stream, so adding draws in one never shifts
 * the sequence of another. Alea is used rather than seedrandom's ARC4 default, which is
 * 5-10x slower (simulation notes §5).
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();
  constructor(readonly seed: number | string) {}

  /**
   * The stream for one concern; the same name always returns the same stream. With a `key`
   * (a mailbox's address, a resolver's index), the concern's stream for that one entity,
   * seeded from (seed, name, key) alone: what an entity draws never depends on how many
   * draws other entities made before it, so the same seed deals each mailbox the same
   * world whatever the concurrency or the order of events (issue 20).
   */
  stream(name: string, key?: string | number): RandomStream {
    const id = key === undefined ? name : `${name}#${key}`;
    let stream = this.streams.get(id);
    if (stream === undefined) {
      stream = new RandomStream(`${this.seed}:${id}`);
      this.streams.set(id, stream);
    }
    return stream;
  }

  /** A fresh, independent family of streams for a sub-part (for example one resolver). */
  fork(name: string): RandomStreams {
    return new RandomStreams(`${this.seed}/${name}`);
  }
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

export class RandomStream {
  /**
   * Uniform in [0, 1) with 53 bits of precision. The generator's own functions are this
   * stream's `next` and `next32`: a call site that always draws from the same stream then
   * calls one function, which the compiler can inline, and the double it returns is not
   * boxed on the heap (a draw through a shared method allocated a heap number each time).
   */
  readonly next: () => number;
  /**
   * Uniform in [0, 1) with 32 bits of precision: one generator step where `next` takes two.
   * For draws that pick among at most a few thousand choices or feed a logarithm, where 32
   * bits are plenty (the generated traffic's arrivals and picks, several per message).
   */
  readonly next32: () => number;
  /** Box-Muller's second value, valid while hasSpare (a number field, never undefined: no heap number per store). */
  private spareNormal = 0;
  private hasSpare = false;

  constructor(readonly key: string) {
    const generator = seedrandom.alea(key);
    this.next = generator.double;
    this.next32 = generator;
  }

  /** Uniform in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Uniform integer in [low, high] (both inclusive). */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponential with the given mean (for example the gap between Poisson arrivals). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Standard normal (Box-Muller, keeping the spare draw). */
  normal(mean = 0, deviation = 1): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + deviation * this.spareNormal;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    this.hasSpare = true;
    return mean + deviation * radius * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal given its median and the standard deviation of its logarithm. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Log-uniform between low and high (both positive). */
  logUniform(low: number, high: number): number {
    return Math.exp(this.uniform(Math.log(low), Math.log(high)));
  }

  /** A Poisson-distributed count with mean lambda (Knuth for small means, normal approximation above 60). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 60) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /**
   * Time of the next arrival of a Poisson process with `ratePerMs` events per millisecond,
   * after `now`, as an integer millisecond (at least now + 1 so the process always advances).
   */
  nextArrival(now: number, ratePerMs: number): number {
    if (ratePerMs <= 0) return Infinity;
    return now + Math.max(1, Math.round(this.exponential(1 / ratePerMs)));
  }

  /** Picks one value with probability proportional to its weight. */
  weighted<T>(choices: readonly Weighted<T>[]): T {
    let total = 0;
    for (const choice of choices) total += Math.max(0, choice.weight);
    if (choices.length === 0 || total <= 0) throw new RangeError('weighted choice needs at least one positive weight');
    let point = this.next() * total;
    for (const choice of choices) {
      point -= Math.max(0, choice.weight);
      if (point < 0) return choice.value;
    }
    return choices[choices.length - 1]!.value;
  }

  /** Picks one element uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
}
