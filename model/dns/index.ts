/** The organisation's authoritative zone and the external resolver population. */
export { createDns, type DnsOptions } from './create-dns.js';
export { worstCaseOldMxWindow, type OldMxWindowInput } from './old-mx-window.js';
export { RESOLVER_PRESETS, effectiveTtl, type ResolverPopulation } from './policy.js';
export type { AuthoritativeZone, Dns, MxAnswer, ResolverPolicy, TtlHandling, ZoneCommandResult } from './types.js';
