/**
 * Mistake presets: built-in scenarios whose own plan makes one of the mistakes users report
 * (research/landscape-and-style.md, pain points), played with the plan running so the class
 * watches the consequence unfold. `scenario` is the file name in scenarios/ without `.yaml`.
 * Each names the finding and the largest loss or bounce reason its run must show, so a test
 * (test/web/guide/presets-explained.test.ts) keeps the explanation true to the run.
 */
export interface MistakePreset {
  scenario: string;
  title: string;
  /** What goes wrong, and what to watch on the dashboard. */
  watch: string;
  /** What to do instead. */
  fix: string;
  /** The finding (rule id) that explains the run: from the run itself or the plan checker. */
  finding: string;
  /** The reason most lost or bounced messages have; absent when nothing is lost or bounced (only late). */
  largestReason?: string;
}

export const MISTAKE_PRESETS: readonly MistakePreset[] = [
  {
    scenario: 'early-batch-delete', title: 'Batch removed too early',
    watch: 'The batch is stopped and deleted an hour after the MX switch (a running batch cannot be removed, so it is stopped first). Senders with the old MX cached still deliver to the on-prem server, and with no sync left that mail never reaches the cloud mailboxes: watch Stranded on-prem in Message fates, and trace one.',
    fix: 'Keep the batch at least 72 hours after the switch, and delete it only after a sync that started once no sender could still reach the old server. Mail already stranded can still be exported to PST and imported, until the old server is decommissioned.',
    finding: 'runtime.mail-stranded', largestReason: 'stranded:external-via-old-mx',
  },
  {
    scenario: 'ttl-not-lowered', title: 'TTL not lowered',
    watch: 'The MX keeps its one-day TTL. After the switch the share of resolvers on the new MX climbs slowly, and external mail keeps landing on the old server for up to a day; it is not lost, it arrives late, once a sync copies it across: watch Delivered late.',
    fix: 'Lower the MX TTL to an hour at least one old TTL (here a day) before the switch.',
    finding: 'schedule.ttl-not-lowered-in-time',
  },
  {
    scenario: 'licenses-forgotten', title: 'Licenses forgotten',
    watch: 'Nobody assigns licenses. Watch the grace countdown in Licenses: when it reaches zero the mailboxes are disabled and new mail to them bounces (550 5.1.10).',
    fix: 'License every migrated user well within the 30-day grace period, with enough licenses in the pool.',
    finding: 'runtime.mailbox-disabled', largestReason: 'mailbox-disabled-5.1.10',
  },
  {
    scenario: 'outlook-still-on-prem', title: 'Outlook still on-prem',
    watch: 'No Autodiscover CNAME is created and the on-prem Autodiscover pointer is never cleared, so the new Outlook profiles rolled out after the switch still find the old server, and users keep working in their on-prem mailboxes. Mail delivered to the cloud waits there unread (only web and phone users see it): watch the messages still on their way pile up, and trace a pending one.',
    fix: 'Create the autodiscover CNAME and clear the SCP pointer at the MX switch, before rebuilding the Outlook profiles, and give every Outlook time to move before deleting the batch.',
    finding: 'schedule.scp-pointer-not-cleared', largestReason: 'pending:unread-old-outlook-profile',
  },
  {
    scenario: 'decommission-too-early', title: 'Decommissioned too early',
    watch: 'The old server is switched off six hours after the MX switch, while the batch still needs it as its source and some senders still hold the old MX. The next incremental passes fail, and mail that reached the on-prem mailboxes since the last good pass existed only on the server: it is gone. Watch Lost, and trace one.',
    fix: 'Remove the batch first (72 hours after the switch and a sync pass later), recover anything stranded, and decommission only once nothing depends on the old server.',
    finding: 'schedule.decommission-too-early', largestReason: 'lost:server-decommissioned',
  },
];

/** The scenario for a guided, by-hand cutover (its own plan is not run). */
export const GUIDED_SCENARIO = 'textbook';
