import { DAY, HOUR, MINUTE, SECOND, type Millis, type RandomStream, type Weighted } from '../../sim/index.js';
import type { ResolverMix, ResolverMixPreset } from '../config.js';
import type { ResolverPolicy } from './types.js';

/** A population of resolvers: how policies are drawn. */
export interface ResolverPopulation {
  /** Weight of resolvers that honour the TTL (clamped to their floor and cap). */
  honour: number;
  /** Weight of resolvers that extend TTLs arbitrarily. */
  extend: number;
  /** min-TTL floors: a range [low, high] drawn uniformly, with its weight. */
  minTtlFloors: readonly Weighted<readonly [Millis, Millis]>[];
  /** max-TTL caps with their weights. */
  maxTtlCaps: readonly Weighted<Millis>[];
  /**
   * Extenders keep records at least X: for a share `longShare` of them X ~ log-uniform over
   * `longRange` (multi-day caches), for the rest X ~ lognormal(median, sigma); never above `max`.
   */
  extendedLifetime: {
    readonly median: Millis;
    readonly sigma: number;
    readonly longShare: number;
    readonly longRange: readonly [Millis, Millis];
    readonly max: Millis;
  };
  /** Median and log-spread of other clients' query rate per resolver (per hour). */
  backgroundQueriesPerHourMedian: number;
  backgroundQueriesSigma: number;
}

/** RFC 8767 §4: recommended cap on TTLs, 7 days; also BIND's max-cache-ttl (dns §2.1, §2.7). */
const RFC8767_CAP = 604_800 * SECOND;
/** RFC 8767 and BIND/Unbound/Knot: serve stale records for at most 1 day (dns §2, §7.1). */
export const MAX_STALE: Millis = 1 * DAY;

/**
 * The measured population (dns facts §7.1). Class weights from Bhowmick et al. 2023 (8.74%
 * extend). Floors and caps are sourced values with assumed weights: 0 s BIND/Unbound,
 * 1-5 s PowerDNS/Knot, 30-60 s "tens of seconds" (RFC 9199) and ISPs, 2-10 min and 1 h ISP
 * floors (RIPE Atlas gist); caps 1 day Unbound/PowerDNS/Knot ≥5.6, 7 days BIND, 6 h other.
 * How far extenders extend is unpublished (dns §1.3); their hold time (for four in five a
 * minutes-scale floor, lognormal median 2 min, sigma 1.5; for one in five log-uniform 1-72 h,
 * the ISPs that "update every 2-3 days", dns §3) and the background query rate
 * (median 60 per hour, an assumption: other senders' look-ups through a shared resolver)
 * are calibrated together so this population reproduces Flavel et al. 2014 (dns §1.4): at
 * a 20 s TTL ≥ 90% of look-ups new within 60 s, ~2% stale after 15 minutes. Kept by
 * test/model/dns/switch-over-calibration.test.ts, which runs the resolvers.
 */
const MEASURED: ResolverPopulation = {
  honour: 0.913,
  extend: 0.087,
  minTtlFloors: [
    { value: [0, 0], weight: 0.55 },
    { value: [1 * SECOND, 5 * SECOND], weight: 0.15 },
    { value: [30 * SECOND, 60 * SECOND], weight: 0.2 },
    { value: [120 * SECOND, 600 * SECOND], weight: 0.08 },
    { value: [3_600 * SECOND, 3_600 * SECOND], weight: 0.02 },
  ],
  maxTtlCaps: [
    { value: 86_400 * SECOND, weight: 0.6 },
    { value: RFC8767_CAP, weight: 0.3 },
    { value: 21_600 * SECOND, weight: 0.1 },
  ],
  extendedLifetime: { median: 2 * MINUTE, sigma: 1.5, longShare: 0.2, longRange: [1 * HOUR, 72 * HOUR], max: 72 * HOUR },
  backgroundQueriesPerHourMedian: 60,
  backgroundQueriesSigma: 1,
};

/** For teaching: every resolver keeps a record exactly its TTL (no floor, RFC 8767 cap only). */
const ALL_HONOUR: ResolverPopulation = {
  ...MEASURED,
  honour: 1,
  extend: 0,
  minTtlFloors: [{ value: [0, 0], weight: 1 }],
  maxTtlCaps: [{ value: RFC8767_CAP, weight: 1 }],
};

export const RESOLVER_PRESETS: Readonly<Record<ResolverMixPreset, ResolverPopulation>> = {
  measured: MEASURED,
  'all-honour': ALL_HONOUR,
};

/** A preset by name, or the measured population with explicit class weights. */
export function resolverPopulation(mix: ResolverMixPreset | ResolverMix): ResolverPopulation {
  if (typeof mix === 'string') return RESOLVER_PRESETS[mix];
  return { ...MEASURED, honour: mix.honour, extend: mix.extend };
}

/** How long a resolver with `policy` keeps a record published with `ttl`. */
export function effectiveTtl(policy: ResolverPolicy, ttl: Millis): Millis {
  const clamped = Math.min(Math.max(ttl, policy.minTtl), policy.maxTtl);
  return policy.handling === 'extend' ? Math.max(clamped, policy.extendedLifetime) : clamped;
}

export interface PolicyStreams {
  handling: RandomStream;
  serveStale: RandomStream;
  background: RandomStream;
}

/**
 * Draws one resolver's policy. Each aspect has its own stream, so changing for example the
 * serve-stale fraction does not reshuffle the TTL classes.
 */
export function drawPolicy(
  population: ResolverPopulation,
  streams: PolicyStreams,
  options: { serveStaleFraction: number; earlyRefetchProbability: number; backgroundQueriesPerHourMedian?: number },
): ResolverPolicy {
  const handling = streams.handling.weighted([
    { value: 'honour' as const, weight: population.honour },
    { value: 'extend' as const, weight: population.extend },
  ]);
  const [floorLow, floorHigh] = streams.handling.weighted(population.minTtlFloors);
  const minTtl = floorLow === floorHigh ? floorLow : streams.handling.integer(floorLow / SECOND, floorHigh / SECOND) * SECOND;
  const maxTtl = streams.handling.weighted(population.maxTtlCaps);
  const extension = population.extendedLifetime;
  let extendedLifetime = 0;
  if (handling === 'extend') {
    const [longLow, longHigh] = extension.longRange;
    const drawn = streams.handling.chance(extension.longShare) ? streams.handling.logUniform(longLow, longHigh) : streams.handling.lognormal(extension.median, extension.sigma);
    extendedLifetime = Math.round(Math.min(extension.max, drawn));
  }
  const serveStale = streams.serveStale.chance(options.serveStaleFraction);
  const median = options.backgroundQueriesPerHourMedian ?? population.backgroundQueriesPerHourMedian;
  const backgroundQueriesPerHour = median > 0 ? streams.background.lognormal(median, population.backgroundQueriesSigma) : 0;
  return {
    handling,
    minTtl,
    maxTtl,
    extendedLifetime,
    serveStale,
    maxStale: MAX_STALE,
    earlyRefetchProbability: options.earlyRefetchProbability,
    backgroundQueriesPerHour,
  };
}
