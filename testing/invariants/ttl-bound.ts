import type { Millis } from '../../sim/index.js';
import type { DnsConfig } from '../../model/config.js';
import { RESOLVER_PRESETS } from '../../model/dns/index.js';

/**
 * The longest a resolver of the scenario's mix may keep an MX record published with `ttl`:
 * honouring resolvers keep it the TTL raised to their min-TTL floor (and never beyond their
 * cap), extenders at least their extended lifetime (model/dns/policy.ts, effectiveTtl). Past
 * switch + this bound no entry fetched after the lowering can still name the old host.
 */
export function ttlLoweringBound(dns: Pick<DnsConfig, 'resolverMix'>, ttl: Millis): Millis {
  const mix = dns.resolverMix;
  const population = typeof mix === 'string' ? RESOLVER_PRESETS[mix] : { ...RESOLVER_PRESETS.measured, honour: mix.honour, extend: mix.extend };
  const floor = Math.max(0, ...population.minTtlFloors.map((entry) => entry.value[1]));
  const honoured = Math.max(ttl, floor);
  return population.extend > 0 ? Math.max(honoured, population.extendedLifetime.max) : honoured;
}
