import type { ActionType } from './config.js';
import type { AdditionalDomain, Organisation } from './organisation.js';

/** The actions on one accepted domain's records or verification; they take an optional `domain` (default the primary). */
export const DOMAIN_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>(['publishVerificationTxt', 'verifyDomain', 'setMxTtl', 'switchMx', 'createAutodiscoverCname']);

/**
 * The organisation's accepted domains by index: 0 is the primary domain, 1… the additional
 * ones in file order. Actions, zones, tenant verification and users refer to a domain by this
 * index, resolved once when the world is built, never per message.
 */
export function domainNames(organisation: Organisation): string[] {
  return [organisation.domain.toLowerCase(), ...(organisation.additionalDomains ?? []).map((domain) => domain.name.toLowerCase())];
}

/**
 * Accepted domain `index` as it stands at T+0: an additional one as configured, the primary
 * from the DNS settings (its TTL, TXT record and autodiscover CNAME live there).
 */
export function acceptedDomain(config: { organisation: Organisation; dns: { initialMxTtl: number; verificationTxtPublished: boolean; autodiscoverCnameExists: boolean } }, index: number): AdditionalDomain {
  if (index > 0) return config.organisation.additionalDomains![index - 1]!;
  const { initialMxTtl, verificationTxtPublished, autodiscoverCnameExists } = config.dns;
  return { name: config.organisation.domain.toLowerCase(), initialMxTtl, verificationTxtPublished, autodiscoverCnameExists };
}

/** The index of `name` among the accepted domains (case-insensitive), or undefined when it is not one; absent means the primary. */
export function domainIndex(organisation: Organisation, name: string | undefined): number | undefined {
  if (name === undefined) return 0;
  const index = domainNames(organisation).indexOf(name.toLowerCase());
  return index < 0 ? undefined : index;
}

/** The accepted-domain index of an address: its domain's, or the primary's for an address in no accepted domain. */
export function addressDomainIndex(names: readonly string[], address: string): number {
  if (names.length === 1) return 0;
  const index = names.indexOf(address.slice(address.lastIndexOf('@') + 1).toLowerCase());
  return index < 0 ? 0 : index;
}
