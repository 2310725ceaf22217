import type { Millis } from '../../sim/index.js';

/**
 * When the organisation's authoritative name servers answer. Kept as a sorted list of
 * transitions so that a cache replay can ask about any past instant. Serve-stale only
 * applies inside these outages (dns facts §7.1; RFC 8767).
 */
export class AuthorityReachability {
  /** Transition times and the state from each one on; reachable before the first. */
  private readonly times: Millis[] = [];
  private readonly states: boolean[] = [];

  set(reachable: boolean, at: Millis): void {
    let index = this.times.length;
    while (index > 0 && this.times[index - 1]! > at) index--;
    // A later call at the same instant replaces the earlier one.
    if (index > 0 && this.times[index - 1] === at) {
      this.states[index - 1] = reachable;
      return;
    }
    this.times.splice(index, 0, at);
    this.states.splice(index, 0, reachable);
  }

  /** Adds an outage [from, until) (a declared dnsAuthorityOutage fault). */
  addOutage(from: Millis, until: Millis): void {
    if (until <= from) return;
    this.set(false, from);
    this.set(true, until);
  }

  private indexAt(at: Millis): number {
    let low = 0;
    let high = this.times.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.times[middle]! <= at) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  reachableAt(at: Millis): boolean {
    const index = this.indexAt(at);
    return index < 0 ? true : this.states[index]!;
  }

  /** The first instant ≥ `at` at which the authorities answer (Infinity if never again). */
  nextReachable(at: Millis): Millis {
    let index = this.indexAt(at);
    if (index < 0 || this.states[index]!) return at;
    for (index++; index < this.times.length; index++) if (this.states[index]!) return this.times[index]!;
    return Infinity;
  }

  /** True when no outage was ever declared (the common case: skips all checks). */
  get alwaysReachable(): boolean {
    return this.times.length === 0;
  }
}
