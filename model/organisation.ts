/**
 * The on-premises organisation as the migration sees it: its recipients and its server.
 * Plain data, shared by the migration service, the world around it and the scenario files.
 */

export type ExchangeVersion = '2000' | '2003' | '2007' | '2010' | '2013' | '2016' | '2019';

/** RecipientTypeDetails values that matter for a cutover (Get-Mailbox / Get-Recipient). */
export type MailboxType = 'UserMailbox' | 'SharedMailbox' | 'RoomMailbox' | 'EquipmentMailbox';

export interface Mailbox {
  kind: 'mailbox';
  /** Primary SMTP address, lower case; also the cloud user id created at provisioning (CUTPS). */
  address: string;
  displayName: string;
  type: MailboxType;
  /** TotalItemSize in bytes. */
  sizeBytes: number;
  itemCount: number;
  /** HiddenFromAddressListsEnabled: such mailboxes fail in a cutover (CUT; EE695827). */
  hidden: boolean;
  /** Unified Messaging must be disabled before migration (CUT). */
  unifiedMessaging: boolean;
  /** Items over the target's maximum receive size; skipped as large items (facts §5.2). */
  largeItems: number;
  /** Corrupt items; skipped as bad items (facts §5.2). */
  badItems: number;
  /** Address of the manager, if any; must be migrated too (CUT). */
  manager?: string;
  /** Addresses of delegates; must be migrated too (CUT). */
  delegates?: string[];
  /** The migration admin lacks FullAccess on this mailbox (when the permission model is FullAccess). */
  missingFullAccess?: boolean;
}

export interface MailUser {
  kind: 'mailUser';
  address: string;
  displayName: string;
  externalAddress: string;
}

export interface MailContact {
  kind: 'contact';
  /** The contact's external address. */
  address: string;
  displayName: string;
}

export interface MailGroup {
  kind: 'group';
  address: string;
  displayName: string;
  /** Member addresses; groups are provisioned after their members (facts §2, ProvisionUpdating). */
  members: string[];
  /** An on-prem security group; it stays one only if pre-created empty in the tenant (CUT). */
  security: boolean;
}

export type Recipient = Mailbox | MailUser | MailContact | MailGroup;

export type CertificateState = 'trusted' | 'self-signed' | 'untrusted-ca' | 'expired' | 'name-mismatch';

export type MigrationAdminPermission = 'DomainAdmin' | 'FullAccess' | 'ReceiveAs' | 'None';

export interface OnPremServer {
  version: ExchangeVersion;
  /** FQDN of the mailbox server (ExchangeServer in manual endpoint mode). */
  exchangeServerFqdn: string;
  /** Outlook Anywhere / RPC proxy host, usually the Outlook on the web name. */
  rpcProxyFqdn: string;
  outlookAnywhereEnabled: boolean;
  /** IIS must use Basic authentication for Outlook Anywhere (KB2389390). */
  iisBasicAuthentication: boolean;
  certificate: CertificateState;
  /** Exchange 2003 needs TCP 6001, 6002 and 6004 open (CUT). */
  rpcPorts6001To6004Open: boolean;
  /** autodiscover.<domain> (or the SCP) resolves to the server from the internet. */
  autodiscoverPublished: boolean;
  /** The migration admin account and what it may open. */
  migrationAdmin: { permission: MigrationAdminPermission; credentialsValid: boolean };
  /** AutoDiscoverServiceInternalUri on the CAS is still set (the SCP that steers domain-joined Outlook). */
  scpPointerSet: boolean;
  /** Upload bandwidth of the site, megabits per second: a hard cap on sync throughput. */
  uplinkMbps: number;
  /** What the source server can serve to the migration service, bytes per hour (CPU, disks, RPC/HTTP throttling). */
  sourceCapBytesPerHour: number;
  /**
   * Once decommissioned, whether the server's public address still routes to a machine (which
   * refuses SMTP at once) or is gone (senders wait for their connect timeout). Default 'routes'.
   */
  addressAfterDecommission?: 'routes' | 'gone';
  /**
   * How the server fails during a declared outage: unreachable (senders wait for their connect
   * timeout) or accepts connections and never greets (they wait for their greeting timeout).
   * Default 'unreachable'.
   */
  outageFailure?: 'unreachable' | 'stalls';
}

/**
 * An accepted domain besides the primary one: the tenant verifies it by its own TXT record and
 * its zone has its own MX record (and TTL) and autodiscover record, all changed by plan actions
 * that name it. The primary domain's records stay in DnsConfig.
 */
export interface AdditionalDomain {
  /** Lower case. */
  name: string;
  /** The domain's MX TTL in force at T+0, milliseconds. */
  initialMxTtl: number;
  /** Its TXT verification record is already published at T+0. */
  verificationTxtPublished: boolean;
  /** Its autodiscover CNAME to autodiscover.outlook.com exists at T+0. */
  autodiscoverCnameExists: boolean;
}

export interface Organisation {
  /** The primary SMTP domain (domain index 0). */
  domain: string;
  /** Further accepted domains (domain indexes 1…); absent or empty for a one-domain organisation. */
  additionalDomains?: AdditionalDomain[];
  recipients: Recipient[];
  server: OnPremServer;
}

export const isMailbox = (recipient: Recipient): recipient is Mailbox => recipient.kind === 'mailbox';
