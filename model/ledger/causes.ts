import type { MessageFate } from '../result.js';

/**
 * Every cause the ledger can record (issues 13 and 15): one table, each with the fate it goes
 * with, plain words and the fix, so the summary, `--json`, the report and the dashboard name
 * a cause the same way. The destinations' bounce keys (EXO_REASONS, ONPREM_REASONS) and the
 * senders' expiry are listed here by value; a test holds this table to the keys the model
 * can produce. Any other NDR is keyed `ndr-<code>` (see ndrCause).
 */
export interface MessageCause {
  key: string;
  fate: MessageFate;
  words: string;
  fix?: string;
  /** Why a message with this cause was delivered late (over the late threshold), and its fix. */
  late?: { words: string; fix: string };
}

export const CAUSES = {
  deliveredCloud: {
    key: 'delivered:cloud', fate: 'delivered', words: 'delivered to the cloud mailbox its user reads',
    late: {
      words: 'reached the cloud mailbox late: its sender kept retrying a stale MX or the old host, it left an Outlook Outbox late, or it landed on-prem and waited for the next sync pass',
      fix: 'lower the MX TTL a day or more before the switch, keep the old host answering until no sender uses it, and keep the batch syncing until then',
    },
  },
  deliveredOnPrem: {
    key: 'delivered:on-prem', fate: 'delivered', words: 'delivered to the on-prem mailbox its user still reads in the old Outlook profile',
    late: {
      words: 'reached the on-prem mailbox late: its sender retried while the on-prem server did not answer (an outage)',
      fix: 'keep the on-prem server up and reachable while users still read it',
    },
  },
  readOnNewProfile: {
    key: 'delivered:read-once-user-on-cloud', fate: 'deliveredLate',
    words: 'waited in the cloud mailbox until its user got a new Outlook profile, or first used Outlook on the web or a phone',
    fix: 'rebuild Outlook profiles right after the MX switch, and send the passwords before it',
    late: {
      words: 'unread in the cloud mailbox until its user got a new Outlook profile (or first used Outlook on the web or a phone)',
      fix: 'send the passwords before the MX switch and rebuild Outlook profiles right after it',
    },
  },
  strandedFromOutlook: {
    key: 'stranded:internal-from-on-prem-outlook', fate: 'stranded',
    words: 'sent by a colleague still on the old Outlook profile after the last sync pass: it sits in the on-prem mailbox of a user who now reads the cloud one',
    fix: 'rebuild every Outlook profile before deleting the batch; recover it with a PST export and import, or forward on-prem mailboxes to the tenant address',
  },
  strandedFromOldMx: {
    key: 'stranded:external-via-old-mx', fate: 'stranded',
    words: 'sent by an outside sender whose DNS still held the old MX after the last sync pass: it sits in the on-prem mailbox',
    fix: 'lower the MX TTL early and delete the batch only 72 hours after the switch and a sync pass later; recover with a PST export and import',
  },
  lostServerDecommissioned: {
    key: 'lost:server-decommissioned', fate: 'lost',
    words: 'was only on the on-prem server when it was decommissioned',
    fix: 'recover stranded mail (PST export and import) and rebuild every profile before decommissioning',
  },
  cloudMailboxGoneBeforeSync: {
    key: 'cloud-mailbox-disabled-before-sync', fate: 'lost',
    words: 'the cloud mailbox was disabled before the sync pass that would copy it',
    fix: 'assign licenses before the grace period ends',
  },
  pendingInFlight: {
    key: 'pending-at-horizon', fate: 'pending',
    words: "still on its way when the run ended (in a sender's queue)",
    fix: 'lengthen the horizon to see where it ends',
  },
  pendingSyncPass: {
    key: 'pending:awaiting-sync-pass', fate: 'pending',
    words: 'in the on-prem mailbox, waiting for the next incremental sync pass when the run ended',
    fix: 'lengthen the horizon to see the next pass',
  },
  unreadNoProfile: {
    key: 'pending:unread-old-outlook-profile', fate: 'pending',
    words: 'in the cloud mailbox of a user whose Outlook still opens the on-prem mailbox: never read within the run',
    fix: 'add `rebuild-outlook-profiles` after the MX switch (after the autodiscover CNAME and the SCP clean-up)',
  },
  unreadNoPassword: {
    key: 'pending:unread-no-password', fate: 'pending',
    words: 'in the cloud mailbox of a user who never got the new password and cannot sign in',
    fix: 'add `distribute-passwords` after the initial sync (the welcome letter with MigrationStatistics.csv passwords)',
  },
  outbox: {
    key: 'pending:outbox', fate: 'pending',
    words: "in its sender's Outbox: their Outlook cannot reach a working server (old server gone, or no password for the new profile)",
    fix: 'rebuild every profile and send the passwords before decommissioning the on-prem server',
  },
  pstImportRunning: {
    key: 'pending:pst-import-running', fate: 'pending', words: 'exported to PST, import into the cloud mailbox still running when the run ended',
    fix: 'lengthen the horizon to see the import finish',
  },
  recoveredPst: {
    key: 'recovered:pst-export-import', fate: 'recovered', words: 'stranded on-prem, then exported to PST and imported into the cloud mailbox',
    fix: 'next time rebuild every profile and keep the batch 72 hours and a sync pass after the switch, so nothing needs recovering',
  },
  recoveredForwarded: {
    key: 'recovered:forwarded-to-tenant', fate: 'recovered', words: "reached the on-prem mailbox and was forwarded to the user's onmicrosoft.com address",
    fix: 'next time rebuild every profile and keep the batch until no sender uses the old MX, so nothing needs forwarding',
  },
  imceaex: {
    key: 'ndr-imceaex-no-x500', fate: 'bounced',
    words: "addressed to the recipient's old legacyExchangeDN (a reply to migrated mail, an autocomplete entry or a meeting update): IMCEAEX NDR",
    fix: 'add the old legacyExchangeDN of every user as an X500 proxy address in the cloud (`add-x500-addresses`)',
  },
  exoDomainNotAccepted: {
    key: 'exo-domain-not-accepted-5.4.1', fate: 'bounced',
    words: 'reached Exchange Online for a domain the tenant has not verified and accepted: 550 5.4.1 NDR',
    fix: 'verify the domain (TXT record) before the MX switch and before any mail can reach the tenant',
  },
  exoRecipientNotFound: {
    key: 'exo-recipient-not-found-5.1.10', fate: 'bounced',
    words: 'reached Exchange Online for a user with no cloud mailbox (not migrated, or failed): 550 5.1.10 NDR',
    fix: 'switch the MX only after every mailbox finished its initial sync; fix and retry failed users first',
  },
  mailboxDisabled: {
    key: 'mailbox-disabled-5.1.10', fate: 'bounced',
    words: 'reached a cloud mailbox disabled when its license grace ended: 550 5.1.10 NDR',
    fix: 'assign licenses to every migrated user before the grace period ends',
  },
  onPremRecipientUnknown: {
    key: 'onprem-recipient-unknown-5.1.1', fate: 'bounced',
    words: 'addressed to a recipient the on-prem server does not know (no such mailbox): 550 5.1.1 NDR',
    fix: 'check the address; groups and contacts are not mail destinations in this model',
  },
  queueExpired: {
    key: 'queue-expired-4.4.7', fate: 'bounced',
    words: "its sender gave up after its queue lifetime (4.4.7): every host it could reach kept failing (the old server gone or down while the sender's DNS still held the old MX)",
    fix: 'lower the MX TTL well before the switch, and keep the old server answering until no sender can still hold the old MX',
  },
} as const satisfies Record<string, MessageCause>;

/** The words and fix of an NDR the table does not name: keyed `ndr-<status code>` by the ledger. */
export const NDR_PREFIX = 'ndr-';
const ndrCause = (key: string): MessageCause => ({
  key, fate: 'bounced',
  words: `rejected by the receiving server with status ${key.slice(NDR_PREFIX.length).replace(/-/g, ' ')}: NDR`,
  fix: "look up the status code in the receiving server's NDR and fix that recipient or connector",
});

/**
 * Pending causes that are the plan's doing, not the horizon's: mail its user cannot see
 * (old profile, no password) or cannot send (Outbox). A checker-clean plan has none.
 */
export const PLAN_PENDING_CAUSES: ReadonlySet<string> = new Set([CAUSES.unreadNoProfile.key, CAUSES.unreadNoPassword.key, CAUSES.outbox.key]);

/** Every cause above, in one list (the report and the CLI name causes from it). */
export const MESSAGE_CAUSES: readonly MessageCause[] = Object.values(CAUSES);

const BY_KEY = new Map(MESSAGE_CAUSES.map((cause) => [cause.key, cause]));

/** The cause behind a key, when it is one of the table (or an `ndr-<code>` bounce). */
export const causeOf = (key: string): MessageCause | undefined => BY_KEY.get(key) ?? (key.startsWith(NDR_PREFIX) && key.length > NDR_PREFIX.length ? ndrCause(key) : undefined);

/** A cause's words and fix for a message that ended with `fate` (late deliveries name why they were late). */
export function causeText(fate: MessageFate, key: string): { words: string; fix?: string } | undefined {
  const cause = causeOf(key);
  if (cause === undefined) return undefined;
  if (fate === 'deliveredLate' && cause.late !== undefined) return cause.late;
  return cause.fix === undefined ? { words: cause.words } : { words: cause.words, fix: cause.fix };
}
