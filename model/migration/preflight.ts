import type { SimulationConfig } from '../config.js';
import { isMailbox, type Mailbox } from '../organisation.js';
import type { Finding, Severity } from '../result.js';
import { batchNameProblem } from './batch-commands.js';
import { testEndpoint } from './endpoint-test.js';
import { fixBeforeBatch, type FixOrder } from './plan-order.js';
import { outsideReferences } from './recipient-checks.js';
import { domainVerifiedBeforeBatch, mailboxesIn } from './domain-preflight.js';

/**
 * Static pre-flight rules over a configuration: what the article's preparation and steps
 * ask for (CUT), each with a stable id, the step it comes from, a severity and a fix. The
 * simulation enforces the same conditions (the batch refuses, or the mailboxes fail); these
 * rules only say so in advance. Also used by the plan checker.
 */

const PREPARE = 'Prepare for a cutover migration';
const PLAN = 'Plan for migration';
const STEP_1 = 'Step 1: Verify you own the domain';
const STEP_2 = 'Step 2: Connect Microsoft 365 or Office 365 to your email system';
const STEP_3 = 'Step 3: Create the cutover migration batch';

export const PREFLIGHT_RULES = [
  'preflight.domain-not-verified',
  'preflight.additional-domain-not-verified',
  'preflight.directory-sync-on',
  'preflight.too-many-mailboxes',
  'preflight.above-recommended-size',
  'preflight.source-too-old',
  'preflight.exchange-2003-unsupported',
  'preflight.certificate',
  'preflight.outlook-anywhere-off',
  'preflight.exchange-2003-ports',
  'preflight.missing-permission',
  'preflight.hidden-mailboxes',
  'preflight.unified-messaging',
  'preflight.security-groups-not-precreated',
  'preflight.manager-outside-batch',
  'preflight.endpoint-connection',
  'preflight.existing-batch',
  'preflight.batch-name',
  'preflight.mailbox-over-quota',
  'preflight.large-items',
] as const;

export type PreflightRule = (typeof PREFLIGHT_RULES)[number];

type Rule = (config: SimulationConfig, mailboxes: Mailbox[]) => Finding[];

const finding = (rule: PreflightRule, severity: Severity, step: string, message: string, fix: string, subjects?: string[]): Finding =>
  subjects === undefined ? { rule, severity, step, message, fix } : { rule, severity, step, message, fix, subjects };

/** A condition that must hold when the batch is created and that a planned action can fix. */
function planFixable(order: FixOrder, rule: PreflightRule, step: string, problem: string, consequence: string, fix: string): Finding[] {
  if (order === 'initially' || order === 'before') return [];
  if (order === 'unproven') {
    return [finding(rule, 'warning', step, `${problem} at T+0, and the plan fixes it with a relatively timed action that cannot be placed before the batch creation without running the plan. ${consequence}`, fix)];
  }
  const when = order === 'after' ? 'the plan fixes it only after the batch is created' : 'the plan never fixes it';
  return [finding(rule, 'error', step, `${problem} and ${when}. ${consequence}`, fix)];
}

const addresses = (mailboxes: Mailbox[]): string[] => mailboxes.map((mailbox) => mailbox.address);

const rules: Rule[] = [
  (config) =>
    planFixable(
      domainVerifiedBeforeBatch(config, 0),
      'preflight.domain-not-verified', STEP_1, `The domain ${config.organisation.domain} is not verified`,
      'Every migration user would fail to provision (CUTPS).', 'Publish the MS=ms… TXT record, wait about 15 minutes and verify the domain before creating the batch.',
    ),
  (config, mailboxes) =>
    (config.organisation.additionalDomains ?? []).flatMap((extra, offset) => {
      const order = domainVerifiedBeforeBatch(config, offset + 1);
      const affected = mailboxesIn(mailboxes, extra.name);
      if (order === 'initially' || order === 'before' || affected.length === 0) return [];
      const when = order === 'unproven' ? 'may not be verified before the batch is created' : order === 'after' ? 'is verified only after the batch is created' : 'is never verified in the tenant';
      // As for the primary: an error when the plan surely verifies too late or never (its mail bounces), a warning when only a run can tell.
      return [finding('preflight.additional-domain-not-verified', order === 'unproven' ? 'warning' : 'error', STEP_1,
        `The accepted domain ${extra.name} ${when}: its ${affected.length} mailbox(es) fail to provision (CUTPS), and mail to them that reaches Exchange Online bounces (550 5.4.1).`,
        `Publish the TXT record of ${extra.name}, wait about 15 minutes and verify it before creating the batch and before switching its MX: \`- { action: publish-verification-txt, domain: ${extra.name}, at: 0s }\` and \`- { action: verify-domain, domain: ${extra.name}, at: 20m }\`.`,
        addresses(affected))];
    }),
  (config) =>
    planFixable(
      fixBeforeBatch(config.plan, !config.tenant.directorySync, 'disableDirectorySync'),
      'preflight.directory-sync-on', PREPARE, 'Directory synchronization is on',
      'The cutover batch cannot be created while it is on (CUT).', 'Turn directory synchronization off before creating the batch (it cannot be turned back on for 72 hours: DIRSYNC).',
    ),
  (config, mailboxes) =>
    mailboxes.length > config.migration.maxMailboxes
      ? [finding('preflight.too-many-mailboxes', 'error', PLAN, `${mailboxes.length} mailboxes exceed the cutover limit of ${config.migration.maxMailboxes}; the batch will be refused.`, 'Use a staged or hybrid migration, or reduce the mailboxes (CUT, PATH).')]
      : [],
  (config, mailboxes) =>
    mailboxes.length > config.migration.recommendedMailboxes && mailboxes.length <= config.migration.maxMailboxes
      ? [finding('preflight.above-recommended-size', 'warning', PLAN, `${mailboxes.length} mailboxes is above the recommended ${config.migration.recommendedMailboxes} for a cutover; creating and syncing them takes long.`, 'Plan for a long initial sync, or consider a staged migration (CUT, PERF).')]
      : [],
  (config) =>
    config.organisation.server.version === '2000'
      ? [finding('preflight.source-too-old', 'error', PLAN, `Exchange ${config.organisation.server.version} is older than Exchange 2003; the endpoint cannot be created.`, 'Upgrade the source to Exchange 2003 or later, or use an IMAP migration.')]
      : [],
  (config) =>
    config.organisation.server.version === '2003' && !config.migration.exchange2003Supported
      ? [finding('preflight.exchange-2003-unsupported', 'error', PLAN, 'Exchange 2003 sources are treated as unsupported (exchange2003Supported is off, after KB2389390); the endpoint cannot be created.', 'Upgrade the source, or set exchange2003Supported if you follow CUT, which accepts Exchange 2003.')]
      : [],
  (config) => {
    const { certificate } = config.organisation.server;
    if (certificate === 'trusted') return [];
    if (config.endpoint.acceptUntrustedCertificates) {
      return [finding('preflight.certificate', 'warning', PREPARE, `The Outlook Anywhere certificate is ${certificate}; the endpoint accepts untrusted certificates, which is not recommended in production.`, 'Install a certificate from a trusted CA that names the Outlook Anywhere and Autodiscover hosts (CUT).')];
    }
    return [finding('preflight.certificate', 'error', PREPARE, `The Outlook Anywhere certificate is ${certificate}; the endpoint test fails.`, 'Install a certificate from a trusted CA that names the Outlook Anywhere and Autodiscover hosts (CUT, CUTPS).')];
  },
  (config) => {
    const server = config.organisation.server;
    if (!server.outlookAnywhereEnabled) return [finding('preflight.outlook-anywhere-off', 'error', PREPARE, 'Outlook Anywhere (RPC over HTTP) is off; the migration service cannot connect.', 'Enable Outlook Anywhere on the source (CUT).')];
    if (config.endpoint.authentication === 'Basic' && !server.iisBasicAuthentication) {
      return [finding('preflight.outlook-anywhere-off', 'error', PREPARE, 'IIS does not offer Basic authentication for Outlook Anywhere; the endpoint test fails.', 'Enable Basic authentication on the Outlook Anywhere virtual directory (KB2389390).')];
    }
    return [];
  },
  (config) =>
    config.organisation.server.version === '2003' && !config.organisation.server.rpcPorts6001To6004Open
      ? [finding('preflight.exchange-2003-ports', 'error', PLAN, 'TCP ports 6001, 6002 and 6004 are closed on the Exchange 2003 server; the endpoint test fails.', 'Open TCP 6001, 6002 and 6004 on the Exchange 2003 side (CUT).')]
      : [],
  (config, mailboxes) => {
    const { permission } = config.organisation.server.migrationAdmin;
    const fix = 'Give the migration administrator FullAccess on each mailbox or Receive As on the mailbox database (CUT prep step 4).';
    if (permission === 'None') return [finding('preflight.missing-permission', 'error', PREPARE, 'The migration administrator has no FullAccess, Receive As or domain admin rights; the endpoint test fails.', fix)];
    if (config.endpoint.mailboxPermission === 'Admin' && permission !== 'DomainAdmin') {
      return [finding('preflight.missing-permission', 'error', STEP_2, 'The endpoint uses the Admin permission model but the account is not a domain administrator; the endpoint test fails.', 'Use the FullAccess permission model, or an account in Domain Admins (PS-New-MigrationEndpoint).')];
    }
    const missing = permission === 'FullAccess' ? mailboxes.filter((mailbox) => mailbox.missingFullAccess === true) : [];
    return missing.length === 0 ? [] : [finding('preflight.missing-permission', 'error', PREPARE, `${missing.length} mailbox(es) lack FullAccess for the migration administrator; they will fail.`, fix, addresses(missing))];
  },
  (_config, mailboxes) => {
    const hidden = mailboxes.filter((mailbox) => mailbox.hidden);
    return hidden.length === 0 ? [] : [finding('preflight.hidden-mailboxes', 'error', PREPARE, `${hidden.length} mailbox(es) are hidden from address lists; they will fail.`, 'Unhide them from the address lists before the migration (CUT prep step 5).', addresses(hidden))];
  },
  (_config, mailboxes) => {
    const um = mailboxes.filter((mailbox) => mailbox.unifiedMessaging);
    return um.length === 0 ? [] : [finding('preflight.unified-messaging', 'error', PREPARE, `${um.length} mailbox(es) have Unified Messaging on; they will fail.`, 'Disable UM before the migration and turn on Cloud Voicemail afterwards (CUT prep step 6).', addresses(um))];
  },
  (config) => {
    const preCreated = new Set(config.tenant.preCreatedSecurityGroups.map((address) => address.toLowerCase()));
    const groups = config.organisation.recipients.filter((recipient) => recipient.kind === 'group' && recipient.security && !preCreated.has(recipient.address));
    if (groups.length === 0 || fixBeforeBatch(config.plan, false, 'createSecurityGroups') === 'before') return [];
    return [finding('preflight.security-groups-not-precreated', 'warning', PREPARE, `${groups.length} security group(s) are not pre-created in the tenant; they will arrive as distribution groups.`, 'Create empty mail-enabled security groups with the same addresses in the tenant before starting the batch (CUT prep step 7).', groups.map((group) => group.address))];
  },
  (config, mailboxes) => {
    const inBatch = new Set(config.organisation.recipients.map((recipient) => recipient.address));
    const affected = mailboxes.filter((mailbox) => outsideReferences(mailbox, inBatch).length > 0);
    return affected.length === 0 ? [] : [finding('preflight.manager-outside-batch', 'error', PREPARE, `${affected.length} mailbox(es) name a manager or delegate that is not migrated; they will fail to provision.`, 'Remove managers and delegates that are not migrated from these objects before the migration (CUT prep step 7).', addresses(affected))];
  },
  (config) => {
    // Causes of an endpoint failure that no rule above names (Autodiscover, credentials, manual server, test mailbox).
    const test = testEndpoint(config);
    const covered = ['source-too-old', 'exchange-2003-unsupported', 'certificate', 'outlook-anywhere-off', 'exchange-2003-ports', 'insufficient-permission'];
    if (test.result === 'Success' || (test.cause !== undefined && covered.includes(test.cause))) return [];
    return [finding('preflight.endpoint-connection', 'error', STEP_2, `The endpoint connectivity test fails (${test.cause ?? 'unknown'}): ${test.errorDetail ?? test.message}`, 'Fix the endpoint settings or the source so Test-MigrationServerAvailability succeeds.')];
  },
  (config) =>
    config.tenant.existingCutoverBatch
      ? [finding('preflight.existing-batch', 'error', STEP_3, 'The tenant already has a cutover batch; only one can exist at a time.', 'Delete the existing cutover batch first (CUTPS).')]
      : [],
  (config) =>
    config.plan.flatMap((action) => {
      const problem = action.action === 'createBatch' ? batchNameProblem(action.batchName ?? '') : undefined;
      return problem === undefined ? [] : [finding('preflight.batch-name', 'error', STEP_3, problem, 'Name the batch with letters, digits, "-" or "_" only (CUT step 3).')];
    }),
  (config, mailboxes) => {
    // The license sets the cloud mailbox's quota (users facts: 50 GB, 100 GB for Plan 2 / E3 / E5); the copy stops there.
    const quota = config.tenant.mailboxQuotaBytes;
    const over = mailboxes.filter((mailbox) => mailbox.sizeBytes > quota);
    const fix = 'License these users with a larger mailbox (100 GB: Exchange Online Plan 2, E3, E5; set tenant.mailboxQuota), or archive or clean up the mailboxes before the migration.';
    if (over.length > 0) {
      return [finding('preflight.mailbox-over-quota', 'error', PLAN,
        `${over.length} mailbox(es) hold more than the ${gigabytes(quota)} quota their license gives the cloud mailbox; their copy stops at the quota and fails.`, fix, addresses(over))];
    }
    // Within 1 GB of the quota (where Exchange Online starts warning: 49 of 50 GB), new mail may fill it before the last pass.
    const near = mailboxes.filter((mailbox) => mailbox.sizeBytes > quota - 1024 ** 3);
    return near.length === 0 ? [] : [finding('preflight.mailbox-over-quota', 'warning', PLAN,
      `${near.length} mailbox(es) are within 1 GB of the ${gigabytes(quota)} quota their license gives the cloud mailbox; new mail may fill it, and then incremental syncs fail.`, fix, addresses(near))];
  },
  (config, mailboxes) => {
    // BLOG-LARGE, DCS: items over the target's MaxReceiveSize are skipped and lower the DataConsistencyScore.
    const large = mailboxes.filter((mailbox) => mailbox.largeItems > 0);
    const items = large.reduce((sum, mailbox) => sum + mailbox.largeItems, 0);
    return large.length === 0 ? [] : [finding('preflight.large-items', 'warning', PLAN,
      `${items} item(s) in ${large.length} mailbox(es) are over the maximum message size (MaxReceiveSize ${Math.round(config.tenant.maxReceiveSizeBytes / 1024 ** 2)} MB); they are skipped, not migrated, and lower the DataConsistencyScore.`,
      'Raise MaxReceiveSize of the cloud mailboxes (up to 150 MB), or move the large items out (for example to a PST) before the migration.', addresses(large))];
  },
];

const gigabytes = (bytes: number): string => `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`; // Exchange writes binary GB

/** Static pre-flight rules over a configuration (also used by the plan checker). */
export function preflightFindings(config: SimulationConfig): Finding[] {
  const mailboxes = config.organisation.recipients.filter(isMailbox);
  return rules.flatMap((rule) => rule(config, mailboxes));
}
