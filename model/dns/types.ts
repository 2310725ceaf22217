import type { Millis } from '../../sim/index.js';

/** The MX record as the authority serves it at some instant. */
export interface MxAnswer {
  host: string;
  ttl: Millis;
}

/** What a zone command did: applied, or refused with the reason (never silently ignored). */
export interface ZoneCommandResult {
  outcome: 'done' | 'refused';
  detail: string;
}

/**
 * The organisation's authoritative zone. It keeps every change with its time, so "the TTL in
 * force when a record was fetched" and "what the authority answered at t" are exact. Changes
 * may be registered ahead of time (a plan) or when they happen; either way `mx(at)` answers
 * from the history.
 */
export interface AuthoritativeZone {
  /** The MX record in force at `at` (default: the latest change). */
  mx(at?: Millis): MxAnswer;
  /** Lower or restore the MX TTL from `at` on. */
  setMxTtl(ttl: Millis, at: Millis): ZoneCommandResult;
  /** Point the MX at `host` (the tenant's) from `at` on; the TTL stays what it is then. */
  switchMx(host: string, at: Millis): ZoneCommandResult;
  publishVerificationTxt(at: Millis): ZoneCommandResult;
  verificationTxtPublishedAt(): Millis | undefined;
  createAutodiscoverCname(at: Millis): ZoneCommandResult;
  autodiscoverCnameCreatedAt(): Millis | undefined;
  /** Every change in time order, the initial records first (at 0). */
  history(): { at: Millis; change: string }[];
  /** The MX records in time order: each entry holds from its `at` until the next one. */
  mxTimeline(): readonly MxState[];
}

/** The MX record the zone publishes from `at` on. */
export interface MxState {
  at: Millis;
  host: string;
  ttl: Millis;
}

/** How a resolver treats the TTLs it is given (sampled once per resolver). */
export type TtlHandling = 'honour' | 'extend';

export interface ResolverPolicy {
  handling: TtlHandling;
  /** Floor applied to every TTL (min-cache-ttl and the like). */
  minTtl: Millis;
  /** Cap applied to every TTL (max-cache-ttl and the like). */
  maxTtl: Millis;
  /** 'extend' only: the resolver keeps every record at least this long (0 for 'honour'). */
  extendedLifetime: Millis;
  /** Serves expired records while (and only while) the authorities are unreachable (RFC 8767). */
  serveStale: boolean;
  /** How long past expiry a stale record may still be served. */
  maxStale: Millis;
  /** Chance that one look-up re-fetches although the record is cached (anycast shards, flushes). */
  earlyRefetchProbability: number;
  /** Other clients' queries reaching this resolver, per hour (they re-fetch expired records). */
  backgroundQueriesPerHour: number;
}

export interface Dns {
  /** The primary domain's zone (zones[0]). */
  readonly zone: AuthoritativeZone;
  /** Every accepted domain's zone, by domain index (model/accepted-domains.ts). */
  readonly zones: readonly AuthoritativeZone[];
  readonly resolverCount: number;
  /** The MX host resolver `resolver` answers with at `now` for domain `domain` (default the primary), or undefined when it cannot answer. */
  lookupMx(resolver: number, now: Millis, domain?: number): string | undefined;
  /** Share of resolvers whose answer at `now` for domain `domain` would be `host` (pure: no cache change, no random draw). */
  shareAnswering(host: string, now: Millis, domain?: number): number;
  policyOf(resolver: number): ResolverPolicy;
  /**
   * What resolver `resolver` would answer at `now` without looking anything up (no random draw,
   * no cache change a later look-up could see): the host, whether it is a cached answer, and
   * when that answer expires. For people asking (Resolve-DnsName in the console).
   */
  peekMx(resolver: number, now: Millis, domain?: number): { host: string | undefined; cached: boolean; expiresAt: Millis };
  /** The authorities become unreachable (or reachable again) from `at` on. */
  setAuthorityReachable(reachable: boolean, at: Millis): void;
  /** Whether the authorities answer at `at`. */
  authorityReachable(at: Millis): boolean;
}
