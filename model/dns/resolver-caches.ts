import type { Millis } from '../../sim/index.js';
import type { AuthorityReachability } from './authority.js';
import { backgroundGap } from './background.js';
import { effectiveTtl } from './policy.js';
import type { AuthoritativeZone, ResolverPolicy } from './types.js';

const NO_HOST = -1;

/**
 * Every resolver's one cached MX entry, in typed arrays: host (an index into a small host
 * table), when it was fetched and when it expires. A record is cached with the TTL the zone
 * published at the moment it was fetched, run through the resolver's policy.
 */
export class ResolverCaches {
  readonly host: Int32Array;
  readonly fetchedAt: Float64Array;
  readonly expiresAt: Float64Array;
  private readonly backgroundRatePerMs: Float64Array;
  private readonly backgroundKey: Uint32Array;
  private readonly hosts: string[] = [];
  private readonly hostIndex = new Map<string, number>();
  // Scratch result of `replayed`, reused so the hot path allocates nothing.
  private scratchHost = NO_HOST;
  private scratchExpiresAt = 0;

  constructor(
    readonly policies: readonly ResolverPolicy[],
    private readonly zone: AuthoritativeZone,
    private readonly authority: AuthorityReachability,
    backgroundKeys: readonly number[],
  ) {
    const count = policies.length;
    this.host = new Int32Array(count).fill(NO_HOST);
    this.fetchedAt = new Float64Array(count);
    this.expiresAt = new Float64Array(count);
    this.backgroundRatePerMs = new Float64Array(count);
    this.backgroundKey = new Uint32Array(count);
    for (let resolver = 0; resolver < count; resolver++) {
      this.backgroundRatePerMs[resolver] = policies[resolver]!.backgroundQueriesPerHour / 3_600_000;
      this.backgroundKey[resolver] = backgroundKeys[resolver]! >>> 0;
    }
  }

  internHost(host: string): number {
    let index = this.hostIndex.get(host);
    if (index === undefined) {
      index = this.hosts.length;
      this.hosts.push(host);
      this.hostIndex.set(host, index);
    }
    return index;
  }

  hostName(index: number): string | undefined {
    return index === NO_HOST ? undefined : this.hosts[index];
  }

  /** Caches what the zone answers at `at`, as resolver `resolver` would. */
  fetch(resolver: number, at: Millis): number {
    const answer = this.zone.mx(at);
    const host = this.internHost(answer.host);
    this.host[resolver] = host;
    this.fetchedAt[resolver] = at;
    this.expiresAt[resolver] = at + effectiveTtl(this.policies[resolver]!, answer.ttl);
    return host;
  }

  /** Sets the entry as it stood at T+0 (see createDns: warm start). */
  seed(resolver: number, host: string, fetchedAt: Millis, expiresAt: Millis): void {
    this.host[resolver] = this.internHost(host);
    this.fetchedAt[resolver] = fetchedAt;
    this.expiresAt[resolver] = expiresAt;
  }

  /**
   * Replays the background queries since the entry expired, up to `limit` (inclusive): each
   * one that reaches the authorities re-fetches and caches what the zone answered then, with
   * the TTL then in force. Returns the resulting entry in the scratch fields; writes it back
   * only when `commit` is set. Pure apart from that write.
   */
  replayed(resolver: number, limit: Millis, commit: boolean): void {
    let host = this.host[resolver]!;
    let fetchedAt = this.fetchedAt[resolver]!;
    let expiresAt = this.expiresAt[resolver]!;
    const rate = this.backgroundRatePerMs[resolver]!;
    if (rate > 0 && host !== NO_HOST && expiresAt <= limit) {
      const key = this.backgroundKey[resolver]!;
      const policy = this.policies[resolver]!;
      // The zone's MX states (a handful), walked forward with the queries, whose times only
      // increase: a re-fetch within one state then costs a hash and a logarithm, not a search,
      // an answer object and a host look-up. A short TTL re-fetches thousands of times a day.
      const states = this.zone.mxTimeline();
      let state = 0;
      let stateEnd = states.length > 1 ? states[1]!.at : Infinity;
      let stateHost = this.internHost(states[0]!.host);
      let lifetime = effectiveTtl(policy, states[0]!.ttl);
      let from = expiresAt;
      for (;;) {
        const queryAt = from + backgroundGap(key, from, rate);
        if (queryAt > limit) break;
        if (!this.authority.alwaysReachable && !this.authority.reachableAt(queryAt)) {
          // The query fails; the entry stays (stale). Resume after the outage.
          from = this.authority.nextReachable(queryAt);
          if (from > limit) break;
          continue;
        }
        if (queryAt >= stateEnd) {
          do {
            state++;
            stateEnd = state + 1 < states.length ? states[state + 1]!.at : Infinity;
          } while (queryAt >= stateEnd);
          stateHost = this.internHost(states[state]!.host);
          lifetime = effectiveTtl(policy, states[state]!.ttl);
        }
        host = stateHost;
        fetchedAt = queryAt;
        expiresAt = queryAt + lifetime;
        if (expiresAt > limit) break;
        from = expiresAt;
      }
      if (commit) {
        this.host[resolver] = host;
        this.fetchedAt[resolver] = fetchedAt;
        this.expiresAt[resolver] = expiresAt;
      }
    }
    this.scratchHost = host;
    this.scratchExpiresAt = expiresAt;
  }

  /**
   * The host resolver `resolver` would answer with at `now`, from the entry left in the
   * scratch fields by `replayed`: a valid entry; else a fresh answer when the authorities
   * are reachable; else a stale entry if the policy serves stale; else nothing.
   */
  answerFromScratch(resolver: number, now: Millis, reachable: boolean): string | undefined {
    const host = this.scratchHost;
    if (host !== NO_HOST && now < this.scratchExpiresAt) return this.hosts[host];
    if (reachable) return this.zone.mx(now).host;
    const policy = this.policies[resolver]!;
    if (host !== NO_HOST && policy.serveStale && now < this.scratchExpiresAt + policy.maxStale) return this.hosts[host];
    return undefined;
  }

  /**
   * What `answerFromScratch` would answer, with where it came from and when a cached answer
   * expires (for a look-up shown to a person: Resolve-DnsName, the tracer). Reads the scratch
   * fields `replayed` left.
   */
  peekFromScratch(resolver: number, now: Millis, reachable: boolean): { host: string | undefined; cached: boolean; expiresAt: Millis } {
    const host = this.scratchHost;
    if (host !== NO_HOST && now < this.scratchExpiresAt) return { host: this.hosts[host], cached: true, expiresAt: this.scratchExpiresAt };
    if (reachable) {
      const answer = this.zone.mx(now);
      return { host: answer.host, cached: false, expiresAt: now + effectiveTtl(this.policies[resolver]!, answer.ttl) };
    }
    const policy = this.policies[resolver]!;
    if (host !== NO_HOST && policy.serveStale && now < this.scratchExpiresAt + policy.maxStale) return { host: this.hosts[host], cached: true, expiresAt: this.scratchExpiresAt };
    return { host: undefined, cached: false, expiresAt: now };
  }
}
