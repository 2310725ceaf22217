import type { MessageFate } from '../result.js';

/**
 * The causes the ledger records for the users' side of a cutover (issue 13): one list, each
 * with the fate it goes with, plain words and the fix, so every surface can name them the
 * same way. Bounce causes from the destinations (EXO_REASONS, ONPREM_REASONS, `ndr-<code>`,
 * `queue-expired-4.4.7`) keep their own keys.
 */
export interface MessageCause {
  key: string;
  fate: MessageFate;
  words: string;
  fix?: string;
}

export const CAUSES = {
  deliveredCloud: { key: 'delivered:cloud', fate: 'delivered', words: 'delivered to the cloud mailbox its user reads' },
  deliveredOnPrem: { key: 'delivered:on-prem', fate: 'delivered', words: 'delivered to the on-prem mailbox its user still reads in the old Outlook profile' },
  readOnNewProfile: {
    key: 'delivered:read-once-user-on-cloud', fate: 'deliveredLate',
    words: 'waited in the cloud mailbox until its user got a new Outlook profile, or first used Outlook on the web or a phone',
    fix: 'rebuild Outlook profiles right after the MX switch, and send the passwords before it',
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
  pstImportRunning: { key: 'pending:pst-import-running', fate: 'pending', words: 'exported to PST, import into the cloud mailbox still running when the run ended' },
  recoveredPst: { key: 'recovered:pst-export-import', fate: 'recovered', words: 'stranded on-prem, then exported to PST and imported into the cloud mailbox' },
  recoveredForwarded: { key: 'recovered:forwarded-to-tenant', fate: 'recovered', words: "reached the on-prem mailbox and was forwarded to the user's onmicrosoft.com address" },
  imceaex: {
    key: 'ndr-imceaex-no-x500', fate: 'bounced',
    words: "addressed to the recipient's old legacyExchangeDN (a reply to migrated mail, an autocomplete entry or a meeting update): IMCEAEX NDR",
    fix: 'add the old legacyExchangeDN of every user as an X500 proxy address in the cloud (`add-x500-addresses`)',
  },
} as const satisfies Record<string, MessageCause>;

/**
 * Pending causes that are the plan's doing, not the horizon's: mail its user cannot see
 * (old profile, no password) or cannot send (Outbox). A checker-clean plan has none.
 */
export const PLAN_PENDING_CAUSES: ReadonlySet<string> = new Set([CAUSES.unreadNoProfile.key, CAUSES.unreadNoPassword.key, CAUSES.outbox.key]);

/** Every cause above, in one list (the report and the CLI name causes from it). */
export const MESSAGE_CAUSES: readonly MessageCause[] = Object.values(CAUSES);

const BY_KEY = new Map(MESSAGE_CAUSES.map((cause) => [cause.key, cause]));

/** The cause behind a key, when it is one of the list. */
export const causeOf = (key: string): MessageCause | undefined => BY_KEY.get(key);
