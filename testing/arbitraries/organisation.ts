import fc from 'fast-check';
import { DEFAULT_MAILBOX_GENERATION, DEFAULT_ONPREM_SERVER } from '../../model/defaults.js';
import type { CertificateState, ExchangeVersion, Mailbox, MailGroup, OnPremServer, Organisation, Recipient } from '../../model/organisation.js';
import { isMailbox } from '../../model/organisation.js';
import { limitsWith, type ScenarioLimits } from './limits.js';
import { mostly } from './weighted.js';

const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** Domains a generated organisation may have; the first is the shrink target. */
export const GENERATED_DOMAINS = ['contoso.com', 'fabrikam.com', 'adatum.org'] as const;

/** `user<n>@<domain>`, n from 1, as the scenario generator names them. */
export const mailboxAddress = (index: number, domain: string): string => `user${index}@${domain}`;

/** One mailbox as drawn: its size, whether it is shared, and its manager (0 none; k > 0 mailbox k, modulo the count). */
interface MailboxDraw {
  megabytes: number;
  shared: boolean;
  manager: number;
}

const mailboxDraw = (maxMegabytes: number): fc.Arbitrary<MailboxDraw> =>
  fc.record({
    megabytes: fc.integer({ min: 1, max: Math.max(1, maxMegabytes) }),
    shared: mostly(false, fc.constant(true), 1, 8),
    manager: mostly(0, fc.integer({ min: 1, max: 20 }), 1, 10), // CUT: managers and delegates must be migrated too
  });

/** What can be wrong with a mailbox (CUT preparation, facts §5.2), placed on mailbox `mailbox` (modulo the count). */
export type MailboxFlaw = 'hidden' | 'unifiedMessaging' | 'largeItems' | 'badItems' | 'missingFullAccess' | 'managerOutsideBatch';
const FLAWS: readonly MailboxFlaw[] = ['hidden', 'unifiedMessaging', 'largeItems', 'badItems', 'missingFullAccess', 'managerOutsideBatch'];

/** Usually no flaw; otherwise one to three, each on one mailbox. Shrinks toward none. */
const flawDraws = mostly<{ flaw: MailboxFlaw; mailbox: number }[]>(
  [],
  fc.array(fc.record({ flaw: fc.constantFrom(...FLAWS), mailbox: fc.nat({ max: 63 }) }), { minLength: 1, maxLength: 3 }),
  1,
  2,
);

function buildMailbox(index: number, domain: string, count: number, draw: MailboxDraw): Mailbox {
  const sizeBytes = draw.megabytes * MB;
  const mailbox: Mailbox = {
    kind: 'mailbox',
    address: mailboxAddress(index, domain),
    displayName: `User ${index}`,
    type: draw.shared ? 'SharedMailbox' : 'UserMailbox',
    sizeBytes,
    // dns §6.4: ≈ 75 KB an item, as the scenario generator assumes
    itemCount: Math.round((sizeBytes / GB) * DEFAULT_MAILBOX_GENERATION.itemsPerGB),
    hidden: false,
    unifiedMessaging: false,
    largeItems: 0,
    badItems: 0,
  };
  const managerIndex = ((draw.manager - 1) % count) + 1;
  if (draw.manager > 0 && managerIndex !== index) mailbox.manager = mailboxAddress(managerIndex, domain);
  return mailbox;
}

function applyFlaw(mailbox: Mailbox, flaw: MailboxFlaw, domain: string): void {
  if (flaw === 'hidden') mailbox.hidden = true; // CUT, EE695827: hidden mailboxes fail
  else if (flaw === 'unifiedMessaging') mailbox.unifiedMessaging = true; // CUT: UM must be disabled first
  else if (flaw === 'largeItems') mailbox.largeItems += 3; // facts §5.2: skipped as large items
  else if (flaw === 'badItems') mailbox.badItems += 3; // facts §5.2: skipped as bad items
  else if (flaw === 'missingFullAccess') mailbox.missingFullAccess = true; // CUT prep. 4
  else mailbox.manager = `manager@${domain}`; // CUT: a manager outside the batch
}

interface ServerDraw {
  version: ExchangeVersion;
  outlookAnywhereEnabled: boolean;
  certificate: CertificateState;
  rpcPortsOpen: boolean;
  permission: OnPremServer['migrationAdmin']['permission'];
  credentialsValid: boolean;
  scpPointerSet: boolean;
  uplinkMbps: number;
}

const serverDraw: fc.Arbitrary<ServerDraw> = fc.record({
  version: mostly<ExchangeVersion>(DEFAULT_ONPREM_SERVER.version, fc.constantFrom<ExchangeVersion>('2003', '2007', '2010', '2013', '2019')),
  outlookAnywhereEnabled: mostly(true, fc.constant(false), 1, 20), // CUT prep. 1
  certificate: mostly<CertificateState>('trusted', fc.constantFrom<CertificateState>('self-signed', 'untrusted-ca', 'expired', 'name-mismatch'), 1, 20), // CUT prep. 2
  rpcPortsOpen: mostly(true, fc.constant(false), 1, 10), // CUT: Exchange 2003 needs 6001, 6002, 6004
  permission: mostly<OnPremServer['migrationAdmin']['permission']>('ReceiveAs', fc.constantFrom('FullAccess', 'DomainAdmin', 'None'), 1, 10), // CUT prep. 4
  credentialsValid: mostly(true, fc.constant(false), 1, 25),
  scpPointerSet: mostly(true, fc.constant(false), 1, 4), // AUTOD: set until cleared
  uplinkMbps: mostly(DEFAULT_ONPREM_SERVER.uplinkMbps, fc.integer({ min: 10, max: 1_000 })),
});

const buildServer = (domain: string, draw: ServerDraw): OnPremServer => ({
  ...DEFAULT_ONPREM_SERVER,
  exchangeServerFqdn: `exchange01.${domain}`,
  rpcProxyFqdn: `mail.${domain}`,
  version: draw.version,
  outlookAnywhereEnabled: draw.outlookAnywhereEnabled,
  certificate: draw.certificate,
  rpcPorts6001To6004Open: draw.rpcPortsOpen,
  migrationAdmin: { permission: draw.permission, credentialsValid: draw.credentialsValid },
  scpPointerSet: draw.scpPointerSet,
  uplinkMbps: draw.uplinkMbps,
});

/** The on-prem server: healthy (the defaults, as a scenario file resolves them) unless one of its known problems is drawn. */
export const serverArbitrary = (domain: string): fc.Arbitrary<OnPremServer> => serverDraw.map((draw) => buildServer(domain, draw));

/**
 * An organisation of 1..maxMailboxes mailboxes (`user1@…`, shrinking toward one small,
 * clean mailbox on a healthy server), sometimes with a group or a contact. Recipients are
 * ordered mailboxes, groups, contacts, as a scenario file resolves them.
 */
export function organisationArbitrary(limitOverrides: Partial<ScenarioLimits> = {}): fc.Arbitrary<Organisation> {
  const limits = limitsWith(limitOverrides);
  return fc
    .record({
      domain: fc.constantFrom(...GENERATED_DOMAINS),
      mailboxes: fc.array(mailboxDraw(limits.maxMailboxMegabytes), { minLength: 1, maxLength: limits.maxMailboxes }),
      flaws: flawDraws,
      server: serverDraw,
      group: mostly<{ security: boolean; members: number } | null>(null, fc.record({ security: fc.boolean(), members: fc.integer({ min: 0, max: 3 }) }), 1, 5),
      contact: mostly(false, fc.constant(true), 1, 6),
    })
    .map(({ domain, mailboxes, flaws, server, group, contact }) => {
      const count = mailboxes.length;
      const built = mailboxes.map((draw, index) => buildMailbox(index + 1, domain, count, draw));
      for (const { flaw, mailbox } of flaws) applyFlaw(built[mailbox % count]!, flaw, domain);
      const recipients: Recipient[] = [...built];
      if (group !== null) {
        const members = Array.from({ length: Math.min(group.members, count) }, (_, index) => mailboxAddress(index + 1, domain));
        const entry: MailGroup = { kind: 'group', address: `team@${domain}`, displayName: 'Team', members, security: group.security };
        recipients.push(entry);
      }
      // An external contact (kept in the directory, not migrated as a mailbox).
      if (contact) recipients.push({ kind: 'contact', address: 'partner@example.net', displayName: 'Partner' });
      return { domain, recipients, server: buildServer(domain, server) };
    });
}

/** A second accepted domain for `primary`: the first generated domain that is not it. */
export const secondDomainFor = (primary: string): string => GENERATED_DOMAINS.find((domain) => domain !== primary)!;

/**
 * The organisation with a second accepted domain (its MX TTL the primary's, nothing published
 * yet, as a scenario file leaves it) and its last `moved` mailboxes in it, at least one
 * mailbox staying in the primary: each moved address is renamed, and every reference to it
 * (managers, group members) follows.
 */
export function withSecondDomain(organisation: Organisation, moved: number, initialMxTtl: number): Organisation {
  const second = secondDomainFor(organisation.domain);
  const mailboxes = organisation.recipients.filter(isMailbox);
  const renamed = new Map(mailboxes.slice(mailboxes.length - Math.min(moved, mailboxes.length - 1)).map((mailbox) => [mailbox.address, mailbox.address.replace(/@.*$/, `@${second}`)]));
  const rename = (address: string): string => renamed.get(address) ?? address;
  const recipients = organisation.recipients.map((recipient): Recipient => {
    if (isMailbox(recipient)) {
      const mailbox: Mailbox = { ...recipient, address: rename(recipient.address) };
      if (recipient.manager !== undefined) mailbox.manager = rename(recipient.manager);
      if (recipient.delegates !== undefined) mailbox.delegates = recipient.delegates.map(rename);
      return mailbox;
    }
    if (recipient.kind === 'group') return { ...recipient, members: recipient.members.map(rename) };
    return recipient;
  });
  return { ...organisation, additionalDomains: [{ name: second, initialMxTtl, verificationTxtPublished: false, autodiscoverCnameExists: false }], recipients };
}
