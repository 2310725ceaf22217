import type { Millis } from '../../sim/index.js';

/**
 * Other clients' queries to a resolver, as a Poisson process evaluated lazily: no event per
 * resolver. The gap after instant `from` is a pure function of (resolver key, from), so a
 * replay of "what the background queries did since the record expired" is the same however
 * often, and from wherever, it is computed. That is what lets `shareAnswering` be exact
 * without mutating caches or drawing from a random stream. The exponential gap restarts at
 * each expiry, which is correct because a Poisson process is memoryless.
 */

const TWO_POW_32 = 4_294_967_296;

/** murmur3's 32-bit finaliser: a cheap, well-mixed hash step. */
function finalise(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform number in (0, 1) determined by the resolver's key and an instant. */
export function hashedUniform(key: number, at: Millis): number {
  const low = at % TWO_POW_32;
  const high = Math.floor(at / TWO_POW_32);
  const h = finalise(key ^ finalise(low ^ finalise(high + 0x9e3779b9)));
  return (h + 0.5) / TWO_POW_32;
}

/** Time from `from` to the next background query (at least 1 ms), for a rate per millisecond. */
export function backgroundGap(key: number, from: Millis, ratePerMs: number): Millis {
  const uniform = hashedUniform(key, from);
  return Math.max(1, Math.round(-Math.log(uniform) / ratePerMs));
}

/** A 32-bit salt from a domain name, so each zone's cache entries draw their own background queries and misses. */
export function domainSalt(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return finalise(hash);
}
