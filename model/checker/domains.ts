import type { SimulationConfig } from '../config.js';
import { domainNames } from '../accepted-domains.js';
import { mailboxesIn } from '../migration/index.js';
import { isMailbox } from '../organisation.js';

/**
 * The addresses of the mailboxes in accepted domain `domain` (0 the primary, 1… the additional
 * ones, model/accepted-domains.ts): none for the primary, whose findings concern every user.
 */
export function domainMailboxes(config: SimulationConfig, domain: number): string[] {
  if (domain === 0) return [];
  const name = domainNames(config.organisation)[domain]!;
  return mailboxesIn(config.organisation.recipients.filter(isMailbox), name).map((mailbox) => mailbox.address);
}
