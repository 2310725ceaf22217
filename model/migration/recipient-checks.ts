import type { SimulationConfig } from '../config.js';
import type { Mailbox, Recipient } from '../organisation.js';
import type { TenantView } from './types.js';

/**
 * Why one migration user fails, checked at the moment the service reaches it (so a domain
 * verified or a setting changed in the meantime counts). Texts paraphrase the service's
 * errors (EE695827, KB2975731); causes are from CUT "Prepare for a cutover migration".
 */

export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** Fails before the cloud object exists (status Failed, no cloud user). */
export function provisioningFailure(recipient: Recipient, tenant: TenantView, batchAddresses: ReadonlySet<string>): string | undefined {
  // CUTPS: migration fails when the domain is not an accepted (verified) domain. Contacts carry external addresses.
  if (recipient.kind !== 'contact' && !tenant.isDomainVerified(domainOf(recipient.address))) {
    return `MigrationProvisioningPermanentException: the domain ${domainOf(recipient.address)} is not a verified domain of the tenant, so ${recipient.address} cannot be created.`;
  }
  if (recipient.kind !== 'mailbox') return undefined;
  // CUT prep step 5, EE695827: hidden mailboxes are not found at the source.
  if (recipient.hidden) {
    return `A source e-mail address ${recipient.address} couldn't be found in the on-premises domain (it is hidden from address lists).`;
  }
  // CUT prep step 6: UM must be disabled before migration (the failure itself is an assumption).
  if (recipient.unifiedMessaging) {
    return `MigrationProvisioningPermanentException: ${recipient.address} is enabled for Unified Messaging; disable UM on the source mailbox first.`;
  }
  // CUT prep step 7: a manager or delegate that is not migrated must be removed first (exact error uncertain: facts §9).
  const outside = outsideReferences(recipient, batchAddresses);
  if (outside.length > 0) {
    return `MigrationProvisioningPermanentException: ${recipient.address} refers to ${outside.join(', ')} as manager or delegate, which is not in the batch.`;
  }
  return undefined;
}

/** Manager and delegates of a mailbox that the batch does not migrate. */
export function outsideReferences(mailbox: Mailbox, batchAddresses: ReadonlySet<string>): string[] {
  const references = [...(mailbox.manager === undefined ? [] : [mailbox.manager]), ...(mailbox.delegates ?? [])];
  return references.filter((address) => !batchAddresses.has(address.toLowerCase()));
}

/** Fails after provisioning, when the data copy starts (MUSR: the cloud mailbox may exist while the sync failed). */
export function dataSyncFailure(mailbox: Mailbox, config: SimulationConfig): string | undefined {
  // CUT prep step 4: FullAccess on each mailbox, or Receive As on the database (which covers every mailbox).
  if (config.organisation.server.migrationAdmin.permission === 'FullAccess' && mailbox.missingFullAccess === true) {
    return `RemotePermanentException: Access is denied. The migration administrator has no FullAccess on ${mailbox.address} (Couldn't connect to the source mailbox).`;
  }
  return undefined;
}
