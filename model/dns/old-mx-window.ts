import { InputError, type Millis } from '../../sim/index.js';
import type { ResolverMix, ResolverMixPreset } from '../config.js';
import { resolverPopulation } from './policy.js';

export interface OldMxWindowInput {
  /** When the MX is switched to the tenant. */
  switchAt: Millis;
  /** The MX TTL in force at T+0. */
  initialTtl: Millis;
  /** TTL changes (lowering, restoring), in any order; those at or after the switch do not matter. */
  ttlChanges?: readonly { at: Millis; ttl: Millis }[];
  /** The resolver population (default 'measured'). */
  mix?: ResolverMixPreset | ResolverMix;
}

/**
 * The longest time after the switch that any resolver policy in the mix may keep answering
 * the old host (the plan checker's bound; serve-stale during an authority outage excluded).
 *
 * A record fetched while TTL x was in force, during [from, until), expires at most
 * `until + lifetime(x)`; the worst lifetime in the population is clamp(x, highest floor,
 * highest cap) for honouring resolvers and max(that, longest extension) for extenders
 * (72 h: dns §7.1). Early re-fetches only shorten it. So the window is the largest
 * `until + lifetime(x) - switchAt` over the TTL periods before the switch. Lowering the TTL
 * at least one old lifetime before the switch therefore leaves only the new TTL's lifetime.
 */
export function worstCaseOldMxWindow(input: OldMxWindowInput): Millis {
  const { switchAt, initialTtl } = input;
  for (const value of [switchAt, initialTtl, ...(input.ttlChanges ?? []).flatMap((change) => [change.at, change.ttl])]) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new InputError('DNS_WINDOW_INPUT_INVALID', `worstCaseOldMxWindow: times and TTLs must be whole milliseconds ≥ 0, got ${value}`);
    }
  }
  const population = resolverPopulation(input.mix ?? 'measured');
  const positive = <T>(items: readonly { value: T; weight: number }[]) => items.filter((item) => item.weight > 0).map((item) => item.value);
  const highestFloor = Math.max(0, ...positive(population.minTtlFloors).map(([, high]) => high));
  const highestCap = Math.max(...positive(population.maxTtlCaps));
  const longestExtension = population.extend > 0 ? population.extendedLifetime.max : 0;
  const lifetime = (ttl: Millis) => Math.max(Math.min(Math.max(ttl, highestFloor), highestCap), longestExtension);

  const changes = [...(input.ttlChanges ?? [])].filter((change) => change.at < switchAt).sort((a, b) => a.at - b.at);
  let window = 0;
  let ttl = initialTtl;
  for (const change of changes) {
    // Fetched just before this change, with the TTL in force until then.
    window = Math.max(window, change.at + lifetime(ttl) - switchAt);
    ttl = change.ttl;
  }
  // Fetched just before the switch.
  return Math.max(window, lifetime(ttl));
}
