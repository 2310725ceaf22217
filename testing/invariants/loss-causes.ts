/**
 * Which checker rules can explain a message lost or bounced for each ledger reason (issue 20:
 * a finding explains a loss only when its rule matches the loss's cause). The reasons are
 * model/mailflow/reasons.ts, the bounce keys of model/tenant and model/onprem, and `ndr-<code>`
 * for other status codes; the rules are the checker's (docs/checker.md). A reason missing
 * here is reported as unexplained, so a new fate or cause must be added to this table with the
 * rules that predict it.
 */

/**
 * Rules after which the initial sync may never end: the source gone while the batch syncs
 * (decommissioned, or down in a declared outage: passes fail) or the batch stopped before it
 * is done. The steps that wait for it (licences, passwords, X500 addresses) then never run,
 * and a mailbox not copied is not migrated.
 */
const SOURCE_GONE_DURING_SYNC = ['schedule.decommission-too-early', 'schedule.declared-faults', 'schedule.batch-stopped-after-switch', 'schedule.batch-stopped-before-final-pass'] as const;

/** Rules after which some user has no cloud mailbox when mail for it reaches Exchange Online (or reads and sends from the old one). */
const NO_CLOUD_MAILBOX = [
  'preflight.too-many-mailboxes', 'preflight.directory-sync-on', 'preflight.existing-batch', 'preflight.endpoint-connection', 'preflight.certificate',
  'preflight.outlook-anywhere-off', 'preflight.exchange-2003-ports', 'preflight.exchange-2003-unsupported', 'preflight.source-too-old',
  'preflight.missing-permission', 'preflight.hidden-mailboxes', 'preflight.unified-messaging', 'preflight.manager-outside-batch',
  'preflight.domain-not-verified', 'preflight.additional-domain-not-verified', 'schedule.batch-created-before-verified', 'preflight.batch-name', 'schedule.no-batch', 'schedule.endpoint-not-before-batch', 'schedule.batch-not-started',
  'schedule.mx-switched-before-sync', 'schedule.verify-before-txt-propagated', 'schedule.action-never-runs', 'schedule.action-after-horizon',
  ...SOURCE_GONE_DURING_SYNC,
] as const;

/** Rules after which a licence runs out: the cloud mailbox is disabled, then its data deleted. */
const LICENCES = [...SOURCE_GONE_DURING_SYNC, 'schedule.licenses-not-assigned', 'schedule.licenses-after-grace', 'schedule.licenses-before-mailboxes-exist', 'schedule.license-pool-too-small', 'schedule.action-never-runs', 'schedule.action-after-horizon'] as const;

/**
 * Rules after which mail still lands on the on-prem server once nothing copies it any more:
 * senders still on the old MX, Outlook still on the on-prem server (no Autodiscover CNAME,
 * SCP not cleared, profiles not moved), and users never migrated (their on-prem Outlook
 * delivers to migrated users' on-prem mailboxes: the finding names them as the sender).
 */
const LATE_ON_PREM = [
  'schedule.batch-removed-without-switch', 'schedule.batch-removed-before-72h', 'schedule.batch-removed-before-final-pass', 'schedule.no-mx-switch',
  'schedule.ttl-not-lowered-in-time', 'schedule.clients-not-moved-before-removal', 'schedule.no-autodiscover-cname', 'schedule.scp-pointer-not-cleared',
  'schedule.batch-stopped-after-switch', 'schedule.batch-stopped-before-final-pass', 'schedule.declared-faults', ...NO_CLOUD_MAILBOX,
] as const;

/** Rules after which senders keep trying a host that does not take the mail. */
const UNREACHABLE = ['schedule.decommission-too-early', 'schedule.declared-faults', 'schedule.ttl-not-lowered-in-time', 'schedule.mx-switched-before-sync', 'schedule.no-mx-switch'] as const;

/** Rules after which users still read, or send from, the old Outlook profile. */
const OLD_PROFILES = ['schedule.profiles-not-rebuilt', 'schedule.profiles-rebuilt-before-autodiscover', 'schedule.no-autodiscover-cname', 'schedule.scp-pointer-not-cleared', 'schedule.clients-not-moved-before-removal', 'schedule.action-never-runs', 'schedule.action-after-horizon'] as const;

export const LOSS_CAUSES: Readonly<Record<string, readonly string[]>> = {
  'stranded:internal-from-on-prem-outlook': [...LATE_ON_PREM, ...OLD_PROFILES],
  'stranded:external-via-old-mx': LATE_ON_PREM,
  'lost:server-decommissioned': ['schedule.decommission-too-early', ...LATE_ON_PREM, ...OLD_PROFILES],
  'pending:unread-old-outlook-profile': [...OLD_PROFILES, ...NO_CLOUD_MAILBOX],
  'pending:unread-no-password': ['schedule.passwords-not-distributed', 'schedule.action-never-runs', 'schedule.action-after-horizon', ...SOURCE_GONE_DURING_SYNC],
  'pending:outbox': ['schedule.decommission-too-early', 'schedule.passwords-not-distributed', ...OLD_PROFILES, ...NO_CLOUD_MAILBOX],
  'ndr-imceaex-no-x500': ['schedule.no-x500-addresses', 'schedule.action-never-runs', 'schedule.action-after-horizon', ...SOURCE_GONE_DURING_SYNC],
  'stranded-on-prem-after-batch-removal': LATE_ON_PREM,
  'pending-at-horizon': ['schedule.horizon-cuts-final-sync', ...LATE_ON_PREM, ...UNREACHABLE, ...NO_CLOUD_MAILBOX, ...LICENCES],
  'cloud-mailbox-disabled-before-sync': LICENCES,
  'mailbox-disabled-5.1.10': LICENCES,
  'sender-outlook-on-decommissioned-server': ['schedule.decommission-too-early', 'schedule.clients-not-moved-before-removal', 'schedule.no-autodiscover-cname', 'schedule.scp-pointer-not-cleared', ...NO_CLOUD_MAILBOX],
  'queue-expired-4.4.7': [...UNREACHABLE, ...NO_CLOUD_MAILBOX],
  'exo-domain-not-accepted-5.4.1': ['preflight.domain-not-verified', 'preflight.additional-domain-not-verified', 'schedule.mx-switched-before-verified', 'schedule.batch-created-before-verified', 'schedule.verify-before-txt-propagated', 'schedule.mx-switched-before-sync', 'schedule.action-never-runs', 'schedule.action-after-horizon'],
  'exo-recipient-not-found-5.1.10': [...NO_CLOUD_MAILBOX, 'schedule.declared-faults'],
};

/** The rules that can explain a loss or bounce with `reason` (none for a reason the table does not know). */
export const rulesExplaining = (reason: string): readonly string[] => LOSS_CAUSES[reason] ?? [];
