import { z } from 'zod';
import { CONCURRENCY_LIMITS } from '../model/defaults.js';
import { boundedCount, boundedNumber, LIMITS, withSizeRange } from './bounds.js';
import { address, environmentVariableName, flag, hostName, mxTtl, oneOf, size } from './schema-primitives.js';

const MB = 1024 ** 2;
const GB = 1024 ** 3;
const TB = 1024 ** 4;
const MAILBOX_WHY = 'Exchange Online archives grow to 1.5 TB; primary mailboxes stop at 100 GB (dns §6.5)';
const mailboxSize = (description: string) => withSizeRange(size, { min: 0, max: LIMITS.mailboxBytes, why: MAILBOX_WHY }, description);
const ITEMS_WHY = 'Exchange Online holds 1 million items a folder; ten full folders is beyond any cutover';
const items = boundedCount(0, LIMITS.itemsPerMailbox, ITEMS_WHY);
const mailboxCount = boundedCount(0, LIMITS.mailboxes, 'the most mailboxes a scenario holds: five times the 2,000 of a cutover batch (CUT)');
const list = <T extends z.ZodType>(element: T, max: number, what: string) =>
  z.array(element).max(max, { error: `expected at most ${max.toLocaleString('en-US')} ${what}` });


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
  size: mailboxSize('TotalItemSize (default 0)').optional(),
  items: items.optional().describe('ItemCount (default: size × generate.itemsPerGB)'),
  hidden: flag.optional().describe('HiddenFromAddressListsEnabled: such mailboxes fail a cutover (CUT)'),
  unifiedMessaging: flag.optional().describe('UM enabled: must be disabled before migrating (CUT)'),
  largeItems: items.optional().describe('items over the target MaxReceiveSize, skipped'),
  badItems: items.optional().describe('corrupt items, skipped'),
  manager: address.optional(),
  delegates: list(address, LIMITS.recipients, 'delegates').optional(),
  missingFullAccess: flag.optional().describe('the migration admin lacks FullAccess on this mailbox'),
});

export const generateSection = z.strictObject({
  count: mailboxCount.describe('number of mailboxes to generate'),
  sizeMedian: mailboxSize('median mailbox size (lognormal)').optional(),
  sizeSigma: boundedNumber({ min: 0, max: 3, why: 'a lognormal log sigma; 3 spreads sizes 20× either way at one sigma' }).optional()
    .describe('log standard deviation of mailbox sizes; 0 makes all equal'),
  maxSize: mailboxSize('largest generated mailbox').optional(),
  itemsPerGB: boundedNumber({ min: 0, max: 1_048_576, exclusiveMin: true, why: 'dns §6.4: about 14,000 (75 KB items); 1 KB items give 1,048,576' }).optional()
    .describe('items per GB of mailbox (≈ 1 GB / 75 KB average item)'),
  hiddenCount: mailboxCount.optional().describe('how many generated mailboxes are hidden from address lists'),
  unifiedMessagingCount: mailboxCount.optional(),
  sharedCount: mailboxCount.optional().describe('how many generated mailboxes are SharedMailbox'),
  missingFullAccessCount: mailboxCount.optional(),
  largeItemsPerMailbox: items.optional(),
  badItemsPerMailbox: items.optional(),
  addressPrefix: z.string().regex(/^[a-z0-9._-]+$/i, { error: 'expected letters, digits, ".", "_" or "-"' }).optional()
    .describe('generated addresses are <prefix><number>@<domain> (default "user")'),
});

/** Megabits per second of an uplink text ("100 Mbps", "1 Gbit"); silent on text the pattern refuses. */
function uplinkInRange(text: string): boolean {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(M|G)/i.exec(text);
  if (!match) return true;
  const mbps = Number(match[1]) * ((match[2] ?? 'M').toUpperCase() === 'G' ? 1000 : 1);
  return mbps >= 0.1 && mbps <= 100_000;
}

const concurrency = boundedCount(CONCURRENCY_LIMITS.min, CONCURRENCY_LIMITS.max, 'KB2797784: 300 concurrent migrations per endpoint type');

const groupEntry = z.strictObject({
  address,
  displayName: z.string().optional(),
  members: list(address, LIMITS.recipients, 'members').optional(),
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
  uplink: z.string().regex(/^\s*\d+(\.\d+)?\s*(Mbps|Mbit|Gbps|Gbit)\s*$/i, { error: 'expected a bandwidth such as "100 Mbps"' })
    .refine(uplinkInRange, { error: 'expected a bandwidth from 0.1 Mbps to 100 Gbps (a site\'s Internet uplink)' }).optional()
    .describe('upload bandwidth of the site, for example "100 Mbps"'),
  sourceCapPerHour: withSizeRange(size, { min: MB, max: 100 * TB, why: 'per hour; PERF reports RPC/HTTP migrations reaching 20-30 GB/h' }, 'what the source server can serve per hour (a capacity), for example "30 GB"').optional(),
  addressAfterDecommission: oneOf(['routes', 'gone']).optional()
    .describe('after decommissioning: the address still routes (senders are refused) or is gone (they time out)'),
  outageFailure: oneOf(['unreachable', 'stalls']).optional()
    .describe('during an outage: unreachable (connect timeout) or accepts and never greets (greeting timeout)'),
});

/** A further accepted domain: its name alone, or with the state of its own DNS records at T+0. */
const additionalDomain = z.union([
  hostName,
  z.strictObject({
    name: hostName,
    initialMxTtl: mxTtl('its MX TTL at T+0 (default: dns.initialMxTtl)').optional(),
    verificationTxtPublished: flag.optional().describe('its TXT verification record is published at T+0 (default false)'),
    autodiscoverCnameExists: flag.optional().describe('its autodiscover CNAME exists at T+0 (default false)'),
  }),
], { error: 'expected a domain name, or { name, initialMxTtl, verificationTxtPublished, autodiscoverCnameExists }' });

export const organisationSection = z.strictObject({
  domain: hostName.describe('the primary SMTP domain'),
  additionalDomains: list(additionalDomain, LIMITS.additionalDomains, 'additional domains (a cutover organisation has a handful)').optional()
    .describe('further accepted domains: each is verified in the tenant and has its own MX (and TTL) and autodiscover record; plan actions name it with `domain:`'),
  exchangeVersion: exchangeVersion.optional(),
  server: serverSection.optional(),
  mailboxes: list(mailboxEntry, LIMITS.mailboxes, 'mailboxes (five times the 2,000 of a cutover batch: CUT)').optional(),
  generate: generateSection.optional(),
  mailUsers: list(mailUserEntry, LIMITS.recipients, 'mail users').optional(),
  groups: list(groupEntry, LIMITS.recipients, 'groups').optional(),
  contacts: list(contactEntry, LIMITS.recipients, 'contacts').optional(),
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
  maxConcurrentMigrations: concurrency.optional(),
  maxConcurrentIncrementalSyncs: concurrency.optional(),
  credentials: z.strictObject({
    username: z.string().min(1, { error: 'expected the admin account name' }),
    passwordEnv: environmentVariableName.optional(),
  }).optional().describe('the admin account; the password is given as the name of an environment variable'),
});
