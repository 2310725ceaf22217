import { InputError, type Millis, type RandomStream, type RandomStreams, type Scheduler } from '../../sim/index.js';
import type { DeclaredFault, DnsConfig } from '../config.js';
import type { AdditionalDomain } from '../organisation.js';
import { AuthorityReachability } from './authority.js';
import { domainSalt, hashedUniform } from './background.js';
import { drawPolicy, effectiveTtl, resolverPopulation } from './policy.js';
import { ResolverCaches } from './resolver-caches.js';
import type { AuthoritativeZone, Dns, ResolverPolicy } from './types.js';
import { createZone } from './zone.js';

export interface DnsOptions {
  scheduler: Scheduler;
  random: RandomStreams;
  config: DnsConfig;
  /** Declared faults; their dnsAuthorityOutage intervals make the authorities unreachable. */
  faults?: readonly DeclaredFault[];
  /** Accepted domains besides the primary one (config.dns): each gets its own zone and cache entries, domain indexes 1…. */
  additionalDomains?: readonly AdditionalDomain[];
}

/** One zone and what every resolver caches of its MX record. */
interface DomainState {
  zone: AuthoritativeZone;
  caches: ResolverCaches;
  missKeys: readonly number[];
  /** When every resolver was last found answering the zone's last MX host (see shareAnswering). */
  converged: { host: string; states: readonly unknown[]; at: Millis } | undefined;
}

function checkConfig(config: DnsConfig): void {
  const fail = (path: string, expected: string, got: unknown): never => {
    throw new InputError('DNS_CONFIG_INVALID', `dns.${path} must be ${expected}, got ${String(got)}`, { path: `dns.${path}` }, expected);
  };
  if (!Number.isSafeInteger(config.resolverCount) || config.resolverCount < 1) fail('resolverCount', 'a whole number ≥ 1', config.resolverCount);
  const probability = (value: number, path: string) => {
    if (!(value >= 0 && value <= 1)) fail(path, 'a probability between 0 and 1', value);
  };
  probability(config.cacheMissProbability, 'cacheMissProbability');
  probability(config.serveStaleFraction, 'serveStaleFraction');
  if (typeof config.resolverMix !== 'string') {
    const { honour, extend } = config.resolverMix;
    if (!(honour >= 0 && extend >= 0 && honour + extend > 0)) fail('resolverMix', 'weights ≥ 0 with a positive sum', `${honour}/${extend}`);
  } else if (config.resolverMix !== 'measured' && config.resolverMix !== 'all-honour') {
    fail('resolverMix', '"measured", "all-honour" or explicit weights', config.resolverMix);
  }
  const background = config.resolverBackgroundQueriesPerHour;
  if (background !== undefined && !(background >= 0)) fail('resolverBackgroundQueriesPerHour', 'a rate ≥ 0', background);
}

/**
 * The authoritative zone and the external resolvers. Resolvers are lazy: nothing is scheduled
 * per resolver; a look-up replays what happened to its cache since it was last touched.
 */
export function createDns(options: DnsOptions): Dns {
  const { scheduler, random, config } = options;
  checkConfig(config);
  const zone = createZone({
    mxHost: config.oldMxHost,
    mxTtl: config.initialMxTtl,
    verificationTxtPublished: config.verificationTxtPublished,
    autodiscoverCnameExists: config.autodiscoverCnameExists,
  });
  const authority = new AuthorityReachability();
  for (const [from, until] of mergedOutages(options.faults ?? [])) authority.addOutage(from, until);

  const population = resolverPopulation(config.resolverMix);
  const streams = {
    handling: random.stream('dns.policy'),
    serveStale: random.stream('dns.serve-stale'),
    background: random.stream('dns.background-rate'),
  };
  const policyOptions = {
    serveStaleFraction: config.serveStaleFraction,
    earlyRefetchProbability: config.cacheMissProbability,
    backgroundQueriesPerHourMedian: config.resolverBackgroundQueriesPerHour,
  };
  const policies: ResolverPolicy[] = [];
  const keys: number[] = [];
  const keyStream = random.stream('dns.background-key');
  for (let resolver = 0; resolver < config.resolverCount; resolver++) {
    policies.push(drawPolicy(population, streams, policyOptions));
    keys.push(Math.floor(keyStream.next() * 4_294_967_296));
  }
  const caches = new ResolverCaches(policies, zone, authority, keys);
  warmStart(caches, policies, config.initialMxTtl, config.oldMxHost, random.stream('dns.warmup'));
  // Each resolver's early re-fetches are a pure function of its own key and the instant of the
  // look-up (issue 20), never of how many look-ups other resolvers answered first: two runs of
  // one seed that ask a resolver at the same instant see the same miss.
  const missStream = random.stream('dns.cache-miss');
  const missKeys = policies.map(() => Math.floor(missStream.next() * 4_294_967_296));
  const domains: DomainState[] = [{ zone, caches, missKeys, converged: undefined }];
  // A further domain's zone is cached by the same resolvers with the same policies; its entries
  // have their own background queries and misses (keys salted by the name) and warm start.
  for (const extra of options.additionalDomains ?? []) {
    const salt = domainSalt(extra.name);
    const extraZone = createZone({
      mxHost: config.oldMxHost, mxTtl: extra.initialMxTtl,
      verificationTxtPublished: extra.verificationTxtPublished, autodiscoverCnameExists: extra.autodiscoverCnameExists,
    });
    const extraCaches = new ResolverCaches(policies, extraZone, authority, keys.map((key) => (key ^ salt) >>> 0));
    warmStart(extraCaches, policies, extra.initialMxTtl, config.oldMxHost, random.stream('dns.warmup', extra.name));
    domains.push({ zone: extraZone, caches: extraCaches, missKeys: missKeys.map((key) => (key ^ salt) >>> 0), converged: undefined });
  }
  const domainState = (domain: number): DomainState => {
    const state = domains[domain];
    if (state === undefined) throw new InputError('DNS_DOMAIN_UNKNOWN', `no accepted domain ${domain} (there are ${domains.length})`);
    return state;
  };

  const reachableAt = (at: Millis) => authority.alwaysReachable || authority.reachableAt(at);
  const checkResolver = (resolver: number) => {
    if (!Number.isInteger(resolver) || resolver < 0 || resolver >= config.resolverCount) {
      throw new InputError('DNS_RESOLVER_UNKNOWN', `no resolver ${resolver} (there are ${config.resolverCount})`);
    }
  };

  return {
    zone,
    zones: domains.map((state) => state.zone),
    resolverCount: config.resolverCount,
    lookupMx(resolver, now, domain = 0) {
      checkResolver(resolver);
      const { caches, zone, missKeys } = domain === 0 ? domains[0]! : domainState(domain);
      caches.replayed(resolver, now, true);
      const reachable = reachableAt(now);
      const policy = policies[resolver]!;
      const host = caches.host[resolver]!;
      if (host >= 0 && now < caches.expiresAt[resolver]!) {
        // Moura 2018: ~30% of look-ups miss a cache that should hold the record (anycast
        // shards, flushes). The miss is answered fresh by another shard while this entry
        // stays, as the facts' shard model has it (dns §7.1): re-fetching early can only
        // shorten the old-MX window, and it does not wipe an extender's long-lived entry.
        if (policy.earlyRefetchProbability > 0 && hashedUniform(missKeys[resolver]!, now) < policy.earlyRefetchProbability) {
          // The shard without the record cannot reach the authorities in an outage.
          return reachable ? zone.mx(now).host : undefined;
        }
        return caches.hostName(host);
      }
      if (reachable) return caches.hostName(caches.fetch(resolver, now));
      // RFC 8767: stale data only when the authorities cannot be reached, up to max-stale.
      if (host >= 0 && policy.serveStale && now < caches.expiresAt[resolver]! + policy.maxStale) return caches.hostName(host);
      return undefined;
    },
    shareAnswering(host, now, domain = 0) {
      const state = domainState(domain);
      const { caches, zone, converged } = state;
      const states = zone.mxTimeline();
      // A host the zone has not named by `now` is in no cache: the hourly chart asks this of
      // the new host every hour before the switch, which replayed every resolver (issue 9).
      if (!states.some((state) => state.host === host && state.at <= now)) return 0;
      // Once every resolver answers the zone's last host, each keeps answering it while the
      // zone stays as it was (the states are rebuilt on any change) and the authorities
      // cannot fail: a valid entry holds it and an expired one fetches it again.
      if (converged !== undefined && converged.host === host && converged.states === states && now >= converged.at && authority.alwaysReachable) return 1;
      // Committing the replay up to the engine's present is invisible to later look-ups
      // (the replay is a pure function of the entry); past that, replay without writing.
      const committed = Math.min(now, scheduler.now());
      const reachable = reachableAt(now);
      let count = 0;
      for (let resolver = 0; resolver < config.resolverCount; resolver++) {
        caches.replayed(resolver, committed, true);
        if (now > committed) caches.replayed(resolver, now, false);
        if (caches.answerFromScratch(resolver, now, reachable) === host) count++;
      }
      const last = states[states.length - 1]!;
      if (count === config.resolverCount && last.host === host && last.at <= now) state.converged = { host, states, at: now };
      return count / config.resolverCount;
    },
    peekMx(resolver, now, domain = 0) {
      checkResolver(resolver);
      const { caches } = domainState(domain);
      // As in shareAnswering: committing up to the engine's present is invisible; past it, scratch only.
      const committed = Math.min(now, scheduler.now());
      caches.replayed(resolver, committed, true);
      if (now > committed) caches.replayed(resolver, now, false);
      return caches.peekFromScratch(resolver, now, reachableAt(now));
    },
    policyOf(resolver) {
      checkResolver(resolver);
      return { ...policies[resolver]! };
    },
    setAuthorityReachable(reachable, at) {
      if (!Number.isSafeInteger(at) || at < 0) throw new InputError('DNS_TIME_INVALID', `setAuthorityReachable: bad time ${at}`);
      authority.set(reachable, at);
    },
    authorityReachable: (at) => reachableAt(at),
  };
}

/**
 * A resolver's cache at T+0 as if it had been serving clients for ever: with background
 * queries at rate λ and a lifetime L, the entry is present a share L / (L + 1/λ) of the
 * time (an alternating renewal process), with its age uniform in [0, L) when present.
 */
function warmStart(caches: ResolverCaches, policies: readonly ResolverPolicy[], initialMxTtl: Millis, oldMxHost: string, stream: RandomStream): void {
  policies.forEach((policy, resolver) => {
    const lifetime = effectiveTtl(policy, initialMxTtl);
    const meanGap = policy.backgroundQueriesPerHour > 0 ? 3_600_000 / policy.backgroundQueriesPerHour : Infinity;
    const presentShare = lifetime / (lifetime + meanGap);
    const draw = stream.next();
    const age = Math.floor(stream.next() * lifetime);
    if (lifetime > 0 && draw < presentShare) caches.seed(resolver, oldMxHost, -age, lifetime - age);
    // Absent: an entry that just expired; the next background query re-fetches it.
    else caches.seed(resolver, oldMxHost, -lifetime, 0);
  });
}

/** Overlapping outages merged, so that the end of one does not end another. */
function mergedOutages(faults: readonly DeclaredFault[]): [Millis, Millis][] {
  const outages = faults
    .filter((fault) => fault.kind === 'dnsAuthorityOutage' && fault.until > fault.from)
    .map((fault) => [fault.from, fault.until] as [Millis, Millis])
    .sort((a, b) => a[0] - b[0]);
  const merged: [Millis, Millis][] = [];
  for (const outage of outages) {
    const last = merged[merged.length - 1];
    if (last !== undefined && outage[0] <= last[1]) last[1] = Math.max(last[1], outage[1]);
    else merged.push([outage[0], outage[1]]);
  }
  return merged;
}
