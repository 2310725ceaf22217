import { z } from 'zod';
import { address, count, environmentVariableName, flag, hostName, oneOf, positiveCount, positiveNumber, size } from './schema-primitives.js';

/** The `organisation:` and `endpoint:` sections of a scenario file. Defaults are applied in resolve.ts. */

export const EXCHANGE_VERSIONS = ['2000', '2003', '2007', '2010', '2013', '2016', '2019'] as const;
export const MAILBOX_TYPES = ['UserMailbox', 'SharedMailbox', 'RoomMailbox', 'EquipmentMailbox'] as const;

/** YAML reads an unquoted 2016 as a number; both spellings are accepted. */
const exchangeVersion = z
  .union([z.enum(EXCHANGE_VERSIONS), z.literal([2000, 2003, 2007, 2010, 2013, 2016, 2019])], {
    error: `expected an Exchange version: ${EXCHANGE_VERSIONS.join(', ')}`,
  })
  .describe('on-premises Exchange version');

export const mailboxEntry = z.strictObject({
  address,
  displayName: z.string().optional(),
  type: oneOf(MAILBOX_TYPES).optional().describe('RecipientTypeDetails (default UserMailbox)'),
  size: size.optional().describe('TotalItemSize (default 0)'),
  items: count.optional().describe('ItemCount (default: size × generate.itemsPerGB)'),
  hidden: flag.optional().describe('HiddenFromAddressListsEnabled: such mailboxes fail a cutover (CUT)'),
  unifiedMessaging: flag.optional().describe('UM enabled: must be disabled before migrating (CUT)'),
  largeItems: count.optional().describe('items over the target MaxReceiveSize, skipped'),
  badItems: count.optional().describe('corrupt items, skipped'),
  manager: address.optional(),
  delegates: z.array(address).optional(),
  missingFullAccess: flag.optional().describe('the migration admin lacks FullAccess on this mailbox'),
});

export const generateSection = z.strictObject({
  count: count.describe('number of mailboxes to generate'),
  sizeMedian: size.optional().describe('median mailbox size (lognormal)'),
  sizeSigma: z.number().nonnegative().optional().describe('log standard deviation of mailbox sizes; 0 makes all equal'),
  maxSize: size.optional().describe('largest generated mailbox'),
  itemsPerGB: positiveNumber.optional().describe('items per GB of mailbox (≈ 1 GB / 75 KB average item)'),
  hiddenCount: count.optional().describe('how many generated mailboxes are hidden from address lists'),
  unifiedMessagingCount: count.optional(),
  sharedCount: count.optional().describe('how many generated mailboxes are SharedMailbox'),
  missingFullAccessCount: count.optional(),
  largeItemsPerMailbox: count.optional(),
  badItemsPerMailbox: count.optional(),
  addressPrefix: z.string().regex(/^[a-z0-9._-]+$/i, { error: 'expected letters, digits, ".", "_" or "-"' }).optional()
    .describe('generated addresses are <prefix><number>@<domain> (default "user")'),
});

const groupEntry = z.strictObject({
  address,
  displayName: z.string().optional(),
  members: z.array(address).optional(),
  security: flag.optional().describe('an on-prem security group (stays one only if pre-created empty in the tenant: CUT)'),
});

const contactEntry = z.strictObject({ address, displayName: z.string().optional() });
const mailUserEntry = z.strictObject({ address, displayName: z.string().optional(), externalAddress: address });

const serverSection = z.strictObject({
  exchangeServerFqdn: hostName.optional(),
  rpcProxyFqdn: hostName.optional(),
  outlookAnywhereEnabled: flag.optional(),
  iisBasicAuthentication: flag.optional(),
  certificate: oneOf(['trusted', 'self-signed', 'untrusted-ca', 'expired', 'name-mismatch']).optional(),
  rpcPorts6001To6004Open: flag.optional().describe('Exchange 2003 needs TCP 6001, 6002, 6004 open (CUT)'),
  autodiscoverPublished: flag.optional(),
  migrationAdmin: z.strictObject({
    permission: oneOf(['DomainAdmin', 'FullAccess', 'ReceiveAs', 'None']).optional(),
    credentialsValid: flag.optional(),
  }).optional(),
  scpPointerSet: flag.optional().describe('AutoDiscoverServiceInternalUri still set on the CAS'),
  uplink: z.string().regex(/^\s*\d+(\.\d+)?\s*(Mbps|Mbit|Gbps|Gbit)\s*$/i, { error: 'expected a bandwidth such as "100 Mbps"' }).optional()
    .describe('upload bandwidth of the site, for example "100 Mbps"'),
  sourceCapPerHour: size.optional().describe('what the source server can serve per hour, for example "30 GB"'),
  addressAfterDecommission: oneOf(['routes', 'gone']).optional()
    .describe('after decommissioning: the address still routes (senders are refused) or is gone (they time out)'),
  outageFailure: oneOf(['unreachable', 'stalls']).optional()
    .describe('during an outage: unreachable (connect timeout) or accepts and never greets (greeting timeout)'),
});

export const organisationSection = z.strictObject({
  domain: hostName.describe('the primary SMTP domain'),
  exchangeVersion: exchangeVersion.optional(),
  server: serverSection.optional(),
  mailboxes: z.array(mailboxEntry).optional(),
  generate: generateSection.optional(),
  mailUsers: z.array(mailUserEntry).optional(),
  groups: z.array(groupEntry).optional(),
  contacts: z.array(contactEntry).optional(),
});

export const endpointSection = z.strictObject({
  name: z.string().optional(),
  mode: oneOf(['autodiscover', 'manual']).optional(),
  exchangeServer: hostName.optional(),
  rpcProxyServer: hostName.optional(),
  authentication: oneOf(['Basic', 'NTLM']).optional(),
  mailboxPermission: oneOf(['Admin', 'FullAccess', 'Unspecified']).optional(),
  testMailbox: address.optional().describe('default: the first mailbox that is not hidden'),
  acceptUntrustedCertificates: flag.optional(),
  maxConcurrentMigrations: positiveCount.optional(),
  maxConcurrentIncrementalSyncs: positiveCount.optional(),
  credentials: z.strictObject({
    username: z.string().min(1, { error: 'expected the admin account name' }),
    passwordEnv: environmentVariableName.optional(),
  }).optional().describe('the admin account; the password is given as the name of an environment variable'),
});
