import type { SimulationConfig } from '../config.js';
import { domainNames } from '../accepted-domains.js';
import { mailboxesIn } from '../migration/index.js';
import { isMailbox } from '../organisation.js';

/** The accepted domains as the checker needs them: 0 is the primary, 1… the additional ones (model/accepted-domains.ts). */

/** The addresses of the mailboxes in an additional accepted domain (none for the primary: its findings concern every user). */
export function domainMailboxes(config: SimulationConfig, domain: number): string[] {
  if (domain === 0) return [];
  const name = domainNames(config.organisation)[domain]!;
  return mailboxesIn(config.organisation.recipients.filter(isMailbox), name).map((mailbox) => mailbox.address);
}
