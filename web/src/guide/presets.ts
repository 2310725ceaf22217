/**
 * Mistake presets: built-in scenarios whose own plan makes one of the mistakes users report
 * (research/landscape-and-style.md, pain points), played with the plan running so the class
 * watches the consequence unfold. `scenario` is the file name in scenarios/ without `.yaml`.
 */
export interface MistakePreset {
  scenario: string;
  title: string;
  /** What goes wrong, and what to watch on the dashboard. */
  watch: string;
}

export const MISTAKE_PRESETS: readonly MistakePreset[] = [
  {
    scenario: 'early-batch-delete', title: 'Batch removed too early',
    watch: 'The batch is deleted right after the MX switch. Senders with the old MX cached still deliver to the on-prem server, and with no sync left that mail never reaches the cloud: watch the lost count in Message fates.',
  },
  {
    scenario: 'ttl-not-lowered', title: 'TTL not lowered',
    watch: 'The MX keeps its one-day TTL. After the switch, the share of resolvers on the new MX climbs slowly and inbound mail keeps landing on the old host for a day or more.',
  },
  {
    scenario: 'licenses-forgotten', title: 'Licenses forgotten',
    watch: 'Nobody assigns licenses. Watch the grace countdown in Licenses: when it reaches zero the mailboxes are disabled and new mail bounces.',
  },
  {
    scenario: 'outlook-still-on-prem', title: 'Outlook still on-prem',
    watch: 'The on-prem Autodiscover pointer is never cleared, so domain-joined Outlook keeps opening the old mailbox and users miss mail that now lands in the cloud.',
  },
  {
    scenario: 'decommission-too-early', title: 'Decommissioned too early',
    watch: 'The old server is switched off while senders still hold the old MX. Their mail is deferred, then bounced when their queues give up.',
  },
];

/** The scenario for a guided, by-hand cutover (its own plan is not run). */
export const GUIDED_SCENARIO = 'textbook';
