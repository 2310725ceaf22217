import type { MailboxSnapshotRow } from '../../model/result.js';
import { fail, notFound } from '../errors.js';
import type { Cmdlet, CmdletContext } from '../cmdlet.js';
import { asText, isPsObject, property, psObject, type PsObject, type PsValue } from '../values.js';
import { give } from './give.js';
import { domainIndex, domainNames } from '../../model/accepted-domains.js';

/** Whether accepted domain `index` (0 the primary) is verified: at the start, or by a verify command given for it. */
const domainVerified = (context: CmdletContext, index: number): boolean => {
  const { config, log } = context.target;
  const name = domainNames(config.organisation)[index]!;
  return config.tenant.verifiedDomains.includes(name)
    || log.some((entry) => entry.action.action === 'verifyDomain' && (domainIndex(config.organisation, entry.action.domain) ?? -1) === index);
};

/** Get-AcceptedDomain's objects: the tenant's initial domain, and each of the organisation's domains once it is verified (the primary is the default). */
export function toAcceptedDomains(context: CmdletContext): PsObject[] {
  const { config } = context.target;
  const domain = (name: string, isDefault: boolean) => psObject('AcceptedDomain', {
    Name: name, DomainName: name, DomainType: 'Authoritative', Default: isDefault,
  }, ['Name', 'DomainName', 'DomainType', 'Default']);
  const names = domainNames(config.organisation);
  const verified = names.map((_, index) => domainVerified(context, index));
  return [
    domain(config.tenant.initialDomain, !verified[0]),
    ...names.flatMap((name, index) => (verified[index] ? [domain(index === 0 ? config.organisation.domain : name, index === 0)] : [])),
  ];
}

/** Get-Mailbox's object for a cloud mailbox (one exists once the batch has provisioned the user). */
export function toMailbox(context: CmdletContext, row: MailboxSnapshotRow): PsObject {
  const alias = row.address.split('@')[0] ?? row.address;
  return psObject('Mailbox', {
    Name: alias,
    Alias: alias,
    DisplayName: row.displayName,
    UserPrincipalName: row.address,
    PrimarySmtpAddress: row.address,
    RecipientTypeDetails: 'UserMailbox',
    Database: 'EURPR01DG001-db001',
    ProhibitSendQuota: '99 GB (106,300,440,576 bytes)',
    LicenseState: row.license.state,
    GraceLeft: row.graceLeft === null ? null : `${Math.ceil(row.graceLeft / 86_400_000)} day(s)`,
    ExternalDirectoryObjectId: '',
    WhenMailboxCreated: context.date(row.initialSyncDoneAt ?? row.lastSuccessfulSyncAt),
  }, ['Name', 'Alias', 'Database', 'ProhibitSendQuota', 'ExternalDirectoryObjectId']);
}

const PROVISIONED = new Set(['Syncing', 'Synced', 'IncrementalSyncing', 'Stopped', 'Failed']);
const cloudMailboxes = (context: CmdletContext): MailboxSnapshotRow[] =>
  context.target.snapshot().mailboxes.filter((row) => PROVISIONED.has(row.status) || row.license.state !== 'none');

export const getAcceptedDomain: Cmdlet = {
  name: 'Get-AcceptedDomain',
  synopsis: 'Lists the domains the tenant accepts mail for (the organisation\'s domain appears once it is verified).',
  parameters: [{ name: 'Identity', type: 'string', position: 0 }],
  run(context, bound) {
    const domains = toAcceptedDomains(context);
    if (bound.Identity === undefined) return domains;
    const identity = asText(bound.Identity).toLowerCase();
    const found = domains.filter((domain) => asText(property(domain, 'Name')).toLowerCase() === identity);
    if (found.length === 0) fail(notFound(this.name, asText(bound.Identity), `Couldn't find an accepted domain "${asText(bound.Identity)}" (a domain becomes accepted once it is verified).`));
    return found;
  },
};

export const getMailbox: Cmdlet = {
  name: 'Get-Mailbox',
  synopsis: 'Lists the cloud mailboxes the migration has created, with their license state.',
  parameters: [{ name: 'Identity', type: 'string', position: 0 }, { name: 'ResultSize', type: 'string' }, { name: 'RecipientTypeDetails', type: 'string' }],
  run(context, bound) {
    const rows = cloudMailboxes(context);
    if (bound.Identity === undefined) return rows.map((row) => toMailbox(context, row));
    const identity = asText(bound.Identity).toLowerCase();
    const row = rows.find((candidate) => candidate.address.toLowerCase() === identity || candidate.address.split('@')[0]!.toLowerCase() === identity);
    if (row === undefined) fail(notFound(this.name, asText(bound.Identity), `The operation couldn't be performed because object '${asText(bound.Identity)}' couldn't be found in the tenant.`));
    return [toMailbox(context, row!)];
  },
};

export const confirmMgDomain: Cmdlet = {
  name: 'Confirm-MgDomain',
  synopsis: 'Microsoft Graph: verifies the organisation\'s domain once its TXT record can be seen.',
  parameters: [{ name: 'DomainId', type: 'string', mandatory: true, position: 0 }],
  run(context, bound) {
    const domain = asText(bound.DomainId);
    const index = domainIndex(context.target.config.organisation, domain);
    if (index === undefined) fail(notFound(this.name, domain, `Domain "${domain}" is not a domain of this tenant.`));
    give(context, this.name, domain, { action: 'verifyDomain', ...(index === 0 ? {} : { domain: domain.toLowerCase() }) });
    return [psObject('MicrosoftGraphDomain', { Id: domain, IsVerified: true, AuthenticationType: 'Managed' }, ['Id', 'IsVerified', 'AuthenticationType'])];
  },
};

/** Piped users (from Get-Mailbox or Get-MigrationUser) are licensed in one command, as one admin action. */
export const setMgUserLicense: Cmdlet = {
  name: 'Set-MgUserLicense',
  synopsis: 'Microsoft Graph: assigns a license. Pipe Get-Mailbox into it to license every migrated user at once.',
  parameters: [{ name: 'UserId', type: 'string', position: 0 }, { name: 'AddLicenses', type: 'any' }, { name: 'RemoveLicenses', type: 'any' }],
  takesWholeInput: true,
  run(context, bound, input) {
    const users = new Set<string>();
    if (bound.UserId !== undefined) users.add(asText(bound.UserId));
    for (const item of input ?? []) users.add(asText(pipedUser(item)));
    if (users.size === 0 && input !== undefined) return [];
    if (users.size === 0) fail({ command: this.name, message: 'Cannot process command because of one or more missing mandatory parameters: UserId.', category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `MissingMandatoryParameter,${this.name}` });
    const detail = give(context, this.name, [...users][0]!, { action: 'assignLicenses', users: [...users] });
    context.host(detail);
    return [];
  },
};

const pipedUser = (item: PsValue): PsValue => (isPsObject(item) ? property(item, 'UserPrincipalName') ?? property(item, 'Identity') : item);

export const setMsolDirSyncEnabled: Cmdlet = {
  name: 'Set-MsolDirSyncEnabled',
  synopsis: 'Turns directory synchronization off (a cutover needs it off).',
  parameters: [{ name: 'EnableDirSync', type: 'any', mandatory: true }, { name: 'Force', type: 'switch' }],
  run(context, bound) {
    if (bound.EnableDirSync === true || asText(bound.EnableDirSync).toLowerCase() === 'true') {
      fail({ command: this.name, message: 'The twin only turns directory synchronization off (a cutover needs it off).', category: 'InvalidArgument', target: '', exception: 'ArgumentException', errorId: `InvalidArgument,${this.name}` });
    }
    give(context, this.name, 'DirSync', { action: 'disableDirectorySync' });
    return [];
  },
};
