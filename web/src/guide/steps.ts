import { HOUR, type Millis } from '../../../sim/index.js';
import type { ActionType } from '../../../model/config.js';
import type { DashboardView } from '../session/view.js';
import type { AdminCommand, LoggedAction } from '../session/types.js';

/**
 * The cutover procedure as a trainer walks a class through it, in the article's order
 * (reference/exchange-cutover-migration.md, "CUT"), except that the Autodiscover tasks move
 * up to the MX switch, as in scenarios/textbook.yaml: the article lists them after the batch
 * is deleted, but Outlook still on the old server until then files mail where no sync will
 * fetch it (AUTOD; the outlook-still-on-prem preset shows it). The users' side follows the
 * textbook too: passwords and X500 addresses once the initial sync is done, new Outlook profiles
 * right after the Autodiscover tasks (test/web/guide/guided-textbook.test.ts holds the guide to
 * the textbook's plan). The explanations are ours. A step is
 * either a command to give, or a wait for something the service or DNS has to do.
 */
export interface GuideStep {
  id: string;
  /** The article's section it comes from. */
  source: string;
  title: string;
  explanation: string;
  /** A command step: what to give (with its usual parameters). */
  command?: AdminCommand;
  /** A wait step: what must have happened; the guide can run the clock until it has. */
  waitFor?: (view: DashboardView, log: readonly LoggedAction[]) => boolean;
  /** Optional steps may be skipped without harm in the textbook scenario. */
  optional?: boolean;
  /**
   * A command step that time alone makes possible: "Do this step" lets simulated time pass
   * until the service accepts it (and `readyWhen` holds), saying what it waited for.
   */
  waitsFor?: string;
  readyWhen?: (view: DashboardView, log: readonly LoggedAction[]) => boolean;
}

/** Lowered TTL: an hour or less (CUT, "Reduce email delays": 3,600 seconds). */
export const LOWERED_TTL: Millis = HOUR;
/** The article's minimum wait after switching the MX before deleting the batch (CUT step 5: 72 hours). */
export const MX_PROPAGATION_WAIT: Millis = 72 * HOUR;

const gaveCommand = (log: readonly LoggedAction[], action: ActionType): LoggedAction | undefined => log.find((entry) => entry.action.action === action);

const SYNCED = new Set(['Synced', 'SyncedWithErrors', 'IncrementalSyncing']);

export const GUIDE_STEPS: readonly GuideStep[] = [
  {
    id: 'publish-txt', source: 'Step 1', title: 'Prove you own the domain: publish the TXT record',
    explanation: 'Exchange Online only creates mailboxes with addresses in a domain the tenant has verified. Add the TXT value the admin center gives you at your DNS host.',
    command: { action: 'publishVerificationTxt' },
  },
  {
    id: 'verify-domain', source: 'Step 1', title: 'Verify the domain',
    explanation: 'DNS changes take a while to be seen: the article suggests waiting about a quarter of an hour after adding the record. Verifying too soon is refused; wait and try again.',
    command: { action: 'verifyDomain' },
    waitsFor: 'the TXT record to be seen by DNS (about a quarter of an hour after it was published)',
  },
  {
    id: 'create-endpoint', source: 'Step 2', title: 'Connect to the on-prem server (migration endpoint)',
    explanation: 'The service reaches the old server over Outlook Anywhere with an admin account that may open every mailbox. Creating the endpoint tests the connection to one mailbox first; a failure names what is wrong (certificate, permissions, Autodiscover).',
    command: { action: 'createEndpoint' },
  },
  {
    id: 'create-batch', source: 'Step 3', title: 'Create the cutover batch',
    explanation: 'A cutover moves every mailbox in one batch; only one such batch can exist. Its name may not contain spaces or special characters.',
    command: { action: 'createBatch', batchName: 'CutoverBatch', autoStart: false },
  },
  {
    id: 'start-batch', source: 'Step 4', title: 'Start the batch',
    explanation: 'Starting creates the cloud users and mailboxes, then copies each mailbox. A few run at once (the endpoint\'s concurrency); the rest queue.',
    command: { action: 'startBatch' },
    waitsFor: 'the batch to be created (a few minutes)',
  },
  {
    id: 'lower-ttl', source: 'Reduce email delays', title: 'Lower the MX record\'s TTL to an hour',
    explanation: 'Senders cache your MX for as long as its TTL says. Lower it well before the switch: caches that fetched the old, long TTL keep it until it runs out.',
    command: { action: 'setMxTtl', ttl: LOWERED_TTL }, optional: true,
  },
  {
    id: 'wait-synced', source: 'Step 4', title: 'Wait for the batch to be Synced',
    explanation: 'When every mailbox has had its first full copy the batch shows Synced. From then on the service copies new mail across every 24 hours while the batch exists.',
    waitFor: (view) => SYNCED.has(view.batch.status),
  },
  {
    id: 'assign-licenses', source: 'Step 7', title: 'Assign licenses',
    explanation: 'Migrated users start unlicensed. After a 30-day grace period an unlicensed mailbox is disabled and mail to it bounces. Licensing now avoids the countdown.',
    command: { action: 'assignLicenses' },
  },
  {
    id: 'distribute-passwords', source: 'Step 9 (the welcome letter)', title: 'Send every user their new password',
    explanation: 'The batch gave each cloud account a new password (MigrationStatistics.csv). A user who never gets it cannot sign in to the new mailbox, so mail delivered there after the switch waits unread. Send the welcome letter before the MX switch.',
    command: { action: 'distributePasswords' },
  },
  {
    id: 'add-x500', source: 'Post-migration tasks', title: 'Add the old X500 addresses to the cloud mailboxes',
    explanation: 'Replies to migrated mail, autocomplete entries and meeting updates address colleagues by their old legacyExchangeDN. Without it as an X500 proxy address in the cloud, those messages bounce with an IMCEAEX NDR.',
    command: { action: 'addX500Addresses' },
  },
  {
    id: 'switch-mx', source: 'Step 5', title: 'Point the MX record at Microsoft 365',
    explanation: 'From now on senders that look up your MX deliver to the cloud. Those still holding the old answer in their cache keep delivering to the old server until it expires.',
    command: { action: 'switchMx' },
  },
  {
    id: 'autodiscover-cname', source: 'Post-migration tasks (done at the switch)', title: 'Create the Autodiscover CNAME',
    explanation: 'autodiscover.<your domain> pointing at autodiscover.outlook.com lets Outlook and phones find the new mailbox by themselves. Do it with the MX switch: each Outlook takes a while to notice, and one still on the old server files its mail there.',
    command: { action: 'createAutodiscoverCname' },
  },
  {
    id: 'clear-scp', source: 'Post-migration tasks', title: 'Clear the on-prem Autodiscover pointer',
    explanation: 'Domain-joined Outlook asks Active Directory first, and the old server\'s pointer there wins over DNS. Clearing it sends those clients to the cloud too.',
    command: { action: 'clearScpPointer' },
  },
  {
    id: 'rebuild-profiles', source: 'Step 9 (the welcome letter)', title: 'Give every desk a new Outlook profile',
    explanation: 'The migration copies mailboxes, not Outlook profiles: an existing profile keeps opening the on-prem mailbox, where new mail no longer arrives. Create new profiles right after the switch (with the CNAME and the SCP pointer done, so Autodiscover finds the cloud).',
    command: { action: 'rebuildOutlookProfiles' },
  },
  {
    id: 'wait-propagation', source: 'Step 5 and Step 6', title: 'Wait 72 hours, then for the next sync',
    explanation: 'Give every sender time to see the new MX, and make sure the batch\'s Last Synced Time is later than the switch: mail that still reached the old server gets copied across only by a sync.',
    waitFor: (view, log) => {
      const switched = gaveCommand(log, 'switchMx')?.at;
      if (switched === undefined) return false;
      // The sync must start after the wait, so it copies whatever the last slow senders left on the old
      // server; and the pass must be over (Synced, not IncrementalSyncing) before the batch goes.
      return view.batch.status === 'Synced' && view.batch.lastSyncedAt !== undefined && view.batch.lastSyncedAt >= switched + MX_PROPAGATION_WAIT;
    },
  },
  {
    id: 'remove-batch', source: 'Step 6', title: 'Delete the migration batch',
    explanation: 'Deleting ends the syncs for good. Anything that lands on the old server afterwards never reaches the cloud mailbox, which is why this comes last.',
    command: { action: 'removeBatch' },
    waitsFor: 'the running sync pass to finish (a batch that is syncing cannot be removed)',
  },
  {
    id: 'decommission', source: 'Post-migration tasks', title: 'Decommission the old server',
    explanation: 'Only once mail reaches the cloud directly and nothing depends on the old server any more. Switching it off earlier bounces or strands mail still on its way there.',
    command: { action: 'decommission' }, optional: true,
    waitsFor: 'the batch removal to finish (a few minutes): until then the old server is still the migration\'s source',
    readyWhen: (view) => view.batch.status === 'Deleted' || view.batch.status === 'None',
  },
];

/** A command step is done once the command was carried out; a wait step once its condition holds (or a later step is done). */
export function completedSteps(view: DashboardView, log: readonly LoggedAction[], steps: readonly GuideStep[] = GUIDE_STEPS): boolean[] {
  const done = steps.map((step) => (step.command !== undefined ? commandGiven(log, step.command) : step.waitFor?.(view, log) === true));
  // A wait is behind us once anything after it has been done, even if its condition no longer holds (the batch is gone).
  for (let index = done.length - 2; index >= 0; index--) {
    if (!done[index] && steps[index]?.waitFor !== undefined && done.slice(index + 1).some(Boolean)) done[index] = true;
  }
  return done;
}

/** A command was given; a batch created with AutoStart (from the console, say) counts as started. */
function commandGiven(log: readonly LoggedAction[], command: AdminCommand): boolean {
  if (gaveCommand(log, command.action) !== undefined) return true;
  return command.action === 'startBatch' && log.some((entry) => entry.action.action === 'createBatch' && entry.action.autoStart === true);
}

/** The first step not yet done (the one the guide highlights), or -1 when all are. */
export const currentStep = (done: readonly boolean[]): number => done.findIndex((value) => !value);
