import type { Organisation } from '../organisation.js';
import { isMailbox } from '../organisation.js';

/**
 * The organisation's mailboxes by index: the users that receive (and, internally, send)
 * mail. Every mailbox type takes part (shared and resource mailboxes too; a simplification).
 * Addresses are compared in lower case.
 */
export class UserDirectory {
  readonly addresses: readonly string[];
  readonly domain: string;
  private readonly indexes: Map<string, number>;

  constructor(organisation: Organisation) {
    this.addresses = organisation.recipients.filter(isMailbox).map((mailbox) => mailbox.address.toLowerCase());
    this.indexes = new Map(this.addresses.map((address, index) => [address, index]));
    this.domain = organisation.domain.toLowerCase();
  }

  get count(): number {
    return this.addresses.length;
  }

  indexOf(address: string): number | undefined {
    return this.indexes.get(address.toLowerCase());
  }

  address(index: number): string {
    const address = this.addresses[index];
    if (address === undefined) throw new RangeError(`no user ${index}`);
    return address;
  }
}

/** A stable sender organisation for an external address (same domain, same MTA), by a string hash of its domain. */
export function senderOrganisationFor(address: string, senderCount: number): number {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  let hash = 0x811c9dc5;
  for (let index = 0; index < domain.length; index++) hash = Math.imul(hash ^ domain.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % Math.max(1, senderCount);
}

/** The made-up address of generated external mail from sender organisation k. */
export const externalSenderAddress = (organisation: number): string => `someone@sender${organisation}.example`;
