import fc from 'fast-check';
import { DAY, HOUR, MINUTE } from '../../sim/index.js';
import type { DnsConfig, ResolverMix, ResolverMixPreset } from '../../model/config.js';
import { DEFAULT_DNS } from '../../model/defaults.js';
import { limitsWith, type ScenarioLimits } from './limits.js';
import { mostly } from './weighted.js';

/**
 * The resolver TTL-handling mix: a preset, or explicit honour/extend weights. Shrinks to
 * 'all-honour', the mix in which a TTL means what it says.
 */
export const resolverMixArbitrary = (): fc.Arbitrary<ResolverMixPreset | ResolverMix> =>
  fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant<ResolverMixPreset>('all-honour'), weight: 2 },
    { arbitrary: fc.constant<ResolverMixPreset>('measured'), weight: 3 }, // Bhowmick et al. 2023 (dns §1)
    { arbitrary: fc.record({ honour: fc.integer({ min: 0, max: 100 }), extend: fc.integer({ min: 0, max: 20 }) }).filter((mix) => mix.honour + mix.extend > 0), weight: 1 },
  );

/** MX TTLs people actually run: the shrink target is the 1-hour TTL the article asks for (CUT "Reduce email delays"). */
export const mxTtlArbitrary = (): fc.Arbitrary<number> =>
  fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom(HOUR, 5 * MINUTE, DAY, 2 * DAY), // facts §9: 86,400 s is a common default
    fc.integer({ min: 1, max: 48 * 60 }).map((minutes) => minutes * MINUTE),
  );

/** The DNS side of a scenario for `domain`: the zone at T+0 and a small resolver population. */
export function dnsArbitrary(domain: string, limitOverrides: Partial<ScenarioLimits> = {}): fc.Arbitrary<DnsConfig> {
  const limits = limitsWith(limitOverrides);
  return fc
    .record({
      initialMxTtl: mxTtlArbitrary(),
      verificationTxtPublished: mostly(false, fc.constant(true), 1, 4),
      autodiscoverCnameExists: mostly(false, fc.constant(true), 1, 10),
      resolverCount: fc.integer({ min: 1, max: Math.max(1, limits.maxResolvers) }),
      resolverMix: resolverMixArbitrary(),
      // dns §1.1: misses ~30% of the time; shrinks to 0 (every cache works)
      cacheMissProbability: mostly(0, fc.constantFrom(DEFAULT_DNS.cacheMissProbability, 0.1, 0.5), 3, 2),
      serveStaleFraction: mostly(DEFAULT_DNS.serveStaleFraction, fc.constantFrom(0, 0.2, 0.3)),
      // assumption (no source): background queries keep caches warm; kept light so small cases stay fast
      resolverBackgroundQueriesPerHour: mostly(0, fc.constantFrom(0.5, 1, 3), 1, 2),
    })
    .map((draw) => ({ ...draw, ...mxHosts(domain) }));
}

/** The old (on-prem) and new (tenant) MX hosts of a domain, as scenario files derive them. */
export const mxHosts = (domain: string): Pick<DnsConfig, 'oldMxHost' | 'newMxHost'> => ({
  oldMxHost: `mail.${domain}`,
  // DNSANY: <token>.mail.protection.outlook.com; a domain-derived token
  newMxHost: `${domain.replace(/\./g, '-')}.mail.protection.outlook.com`,
});
