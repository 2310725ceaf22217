import { formatDuration } from '../../sim/index.js';
import type { MxLookup } from './types.js';

/**
 * An MX look-up in the words of the tracer: which resolver, whether it answered from its
 * cache (and how long that answer still lives) or asked the domain's name servers.
 */
export function mxLookupWords(lookup: MxLookup): string {
  const answer = lookup.host ?? 'no answer (the name servers did not reply)';
  const fromCache = lookup.before.cached && lookup.before.host === lookup.host;
  const source = fromCache
    ? `cached answer, TTL left ${formatDuration(Math.max(0, Math.round((lookup.before.expiresAt - lookup.at) / 1000) * 1000))}`
    : 'asked the domain\'s name servers';
  return `resolver ${lookup.resolver} → ${answer} (${source})`;
}
