import type { Millis, RandomStream, Scheduler } from '../../sim/index.js';
import type { OutlookProfiles } from '../clients/index.js';
import type { Ledger, PendingResolution } from '../ledger/index.js';
import { AwaitingSync, type OnPremExchange } from '../onprem/index.js';
import type { DeliveryAttemptOutcome, MailDestinations } from '../senders/index.js';
import type { InboundVerdict, Tenant } from '../tenant/index.js';
import { REASONS } from './reasons.js';
import { externalSenderAddress, type UserDirectory } from './user-directory.js';

const IN_TRANSIT = 0;
const AWAITING_SYNC = 1;

export interface MailRouterOptions {
  scheduler: Scheduler;
  ledger: Ledger;
  tenant: Tenant;
  onPrem: OnPremExchange;
  clients: OutlookProfiles;
  users: UserDirectory;
  hosts: { oldMx: string; newMx: string };
  /** Stream 'mailflow.size': the size of each message that lands on-prem (for the next sync pass). */
  sizes: RandomStream;
  /** Tells the migration service about new on-prem data (bound once the service exists). */
  recordOnPremArrival: (address: string, bytes: number) => void;
}

/**
 * Where each message goes once it is sent (issue 3, 4, 6): the two destinations, the
 * on-prem mailboxes waiting for a sync pass, and Outlook submissions. It owns the rule that
 * a migrated user's live mailbox is the cloud one: mail that lands on-prem counts as
 * delivered only when a sync pass copies it (latency to the moment the user could first
 * read it), and is stranded once the batch is gone.
 */
export class MailRouter implements MailDestinations {
  readonly awaiting = new AwaitingSync();
  /** External inbound messages accepted by each host so far (for the hourly series). */
  acceptedByOldHost = 0;
  acceptedByNewHost = 0;
  strandedCount = 0;
  private batchGone = false;
  /** Each user's address as the ledger's interned index, so generated mail is recorded without string look-ups. */
  private readonly userAddressIndex: Int32Array;
  /** True when the ledger interned the users before any other address (a fresh ledger): its index is then the user index. */
  private readonly usersInternedFirst: boolean;
  /** Per user: 1 once a cloud mailbox is known to exist; else the tenant's inbound version when last found absent. */
  private readonly cloudMailbox: Uint8Array;
  private readonly cloudCheckedAt: Float64Array;
  /** Per user: Exchange Online's last answer and the tenant's inbound version it was given at. */
  private readonly cloudVerdicts: (InboundVerdict | undefined)[] = [];
  private readonly cloudVerdictVersion: Float64Array;
  /** Generated external senders' ledger address indexes, by sender organisation, interned on first use. */
  private readonly externalSenderIndex: number[] = [];

  /** The accepted answers of the two hosts, built once (one attempt per external message). */
  private readonly acceptedByOld: DeliveryAttemptOutcome;
  private readonly acceptedByNew: DeliveryAttemptOutcome;

  constructor(private readonly options: MailRouterOptions) {
    const { users, ledger } = options;
    this.acceptedByOld = Object.freeze({ kind: 'accepted', host: options.hosts.oldMx });
    this.acceptedByNew = Object.freeze({ kind: 'accepted', host: options.hosts.newMx });
    this.userAddressIndex = new Int32Array(users.count);
    this.cloudMailbox = new Uint8Array(users.count);
    this.cloudCheckedAt = new Float64Array(users.count).fill(-1);
    this.cloudVerdictVersion = new Float64Array(users.count).fill(-1);
    for (let user = 0; user < users.count; user++) this.userAddressIndex[user] = ledger.internAddress(users.address(user));
    this.usersInternedFirst = this.userAddressIndex.every((index, user) => index === user);
  }

  /** Records a new message in the ledger; returns its id. */
  register(from: string, to: string, now: Millis, extra: { label?: string; keepPath?: boolean } = {}): number {
    return this.options.ledger.send(from, to, now, extra);
  }

  /** Records a generated message from one user to another (by index); returns its id. */
  registerInternal(sender: number, recipient: number, now: Millis): number {
    return this.options.ledger.sendBetween(this.userAddressIndex[sender]!, this.userAddressIndex[recipient]!, now);
  }

  /** Records a generated message from external sender organisation `organisation` to a user (by index); returns its id. */
  registerExternal(organisation: number, recipient: number, now: Millis): number {
    let from = this.externalSenderIndex[organisation];
    if (from === undefined) {
      from = this.options.ledger.internAddress(externalSenderAddress(organisation));
      this.externalSenderIndex[organisation] = from;
    }
    return this.options.ledger.sendBetween(from, this.userAddressIndex[recipient]!, now);
  }

  // ---- destinations (called by the sending MTAs) ----------------------------------------------

  attempt(host: string, recipient: string, messageId: number, now: Millis): DeliveryAttemptOutcome {
    const { onPrem, tenant, ledger, hosts } = this.options;
    if (host === hosts.oldMx) {
      const user = this.recipientUser(messageId, recipient);
      const verdict = user === undefined ? onPrem.inbound(recipient, now) : onPrem.inboundToMailbox(now);
      if (verdict.kind === 'temporary') return { kind: 'temporary', host, reason: verdict.reason, scope: 'connection', failure: verdict.failure };
      if (verdict.kind === 'permanent') return { kind: 'permanent', host, code: verdict.code, reason: verdict.reason };
      this.acceptedByOldHost++;
      ledger.hop(messageId, now, 'accepted:old-host', host);
      this.landOnPrem(messageId, user!, now);
      return this.acceptedByOld;
    }
    if (host === hosts.newMx) {
      const user = this.recipientUser(messageId, recipient);
      const verdict = user === undefined ? tenant.inbound(recipient) : this.cloudVerdict(user);
      if (verdict.kind === 'permanent') return { kind: 'permanent', host, code: verdict.code, reason: verdict.reason };
      this.acceptedByNewHost++;
      ledger.hop(messageId, now, 'accepted:new-host', host);
      ledger.deliver(messageId, now, REASONS.deliveredCloud);
      return this.acceptedByNew;
    }
    return { kind: 'temporary', host, reason: `no mail server answers at ${host}`, scope: 'connection' };
  }

  // ---- Outlook submissions ------------------------------------------------------------------------

  /**
   * A user's Outlook sends a message to `recipient`. On-prem Outlook submits to the on-prem
   * server, which delivers internal mail to its own mailboxes (no forwarding in a cutover:
   * CUT); cloud Outlook submits to Exchange Online. Returns false when the on-prem server is
   * down for a declared outage (Outlook keeps it in the Outbox: the caller resubmits later).
   */
  submitFromOutlook(messageId: number, sender: number, recipient: string, now: Millis, recipientUser?: number): boolean {
    const { onPrem, tenant, clients, users, ledger } = this.options;
    const onCloud = clients.location(sender, now) === 'cloud' && this.hasCloudMailbox(sender);
    if (onCloud) {
      ledger.hop(messageId, now, 'submitted:cloud');
      const verdict = recipientUser === undefined ? tenant.inbound(recipient) : this.cloudVerdict(recipientUser);
      if (verdict.kind === 'permanent') ledger.bounce(messageId, now, verdict.reason);
      else ledger.deliver(messageId, now, REASONS.deliveredCloud);
      return true;
    }
    if (onPrem.isDecommissioned(now)) {
      // Outlook cannot reach its server: the user sees the failure at once. Counted as bounced.
      ledger.bounce(messageId, now, REASONS.senderOnDecommissionedServer);
      return true;
    }
    if (!onPrem.isUp(now)) return false;
    ledger.hop(messageId, now, 'submitted:on-prem');
    // `recipientUser` (generated mail) is one of the organisation's mailboxes, all of which are on-prem mailboxes.
    const verdict = recipientUser === undefined ? onPrem.inbound(recipient, now) : onPrem.inboundToMailbox(now);
    if (verdict.kind === 'accepted') this.landOnPrem(messageId, recipientUser ?? users.indexOf(recipient)!, now);
    else if (verdict.kind === 'permanent') ledger.bounce(messageId, now, verdict.reason);
    return true;
  }

  // ---- migration events ---------------------------------------------------------------------------

  /** A sync pass finished: what reached the on-prem mailbox by `snapshotAt` is now in the cloud mailbox. */
  syncPass(address: string, snapshotAt: Millis, completedAt: Millis): void {
    const user = this.options.users.indexOf(address);
    if (user === undefined) return;
    const { ledger, tenant } = this.options;
    const state = tenant.licenses.state(address);
    const gone = state === 'disabled' || state === 'deleted';
    this.awaiting.takeUpTo(user, snapshotAt, (id) => {
      ledger.setPlace(id, IN_TRANSIT);
      if (gone) return ledger.lose(id, completedAt, REASONS.cloudMailboxGoneBeforeSync);
      ledger.hop(id, completedAt, 'synced');
      ledger.deliver(id, completedAt, REASONS.deliveredCloud);
    });
  }

  /** The batch was deleted: nothing on-prem reaches a migrated user's cloud mailbox any more (CUT step 6). */
  batchRemoved(at: Millis): number {
    this.batchGone = true;
    let stranded = 0;
    const { users, tenant, ledger } = this.options;
    for (let user = 0; user < users.count; user++) {
      if (!tenant.hasCloudMailbox(users.address(user))) continue;
      stranded += this.awaiting.takeAll(user, (id) => {
        ledger.setPlace(id, IN_TRANSIT);
        ledger.lose(id, at, REASONS.stranded);
      });
    }
    this.strandedCount += stranded;
    return stranded;
  }

  /** A new batch exists again: on-prem mail can reach the cloud through it. */
  batchCreated(): void {
    this.batchGone = false;
  }

  /** What a message still without a fate counts as now (the horizon rule). */
  resolvePending(id: number): PendingResolution {
    const { ledger, tenant } = this.options;
    if (ledger.place(id) === AWAITING_SYNC) {
      // Never migrated: the on-prem mailbox is the user's live mailbox, where it already is.
      if (!tenant.hasCloudMailbox(ledger.recipient(id))) return { fate: 'delivered', readableAt: ledger.readableAt(id) ?? ledger.sentTime(id), reason: REASONS.deliveredOnPrem };
    }
    return { fate: 'lost', reason: REASONS.pendingAtHorizon };
  }

  /**
   * The user a message is addressed to when it is one of the organisation's mailboxes,
   * read from the ledger's record (user addresses are interned first, so their ledger
   * index is the user index) rather than looked up by address (issue 9).
   */
  private recipientUser(messageId: number, recipient: string): number | undefined {
    if (this.usersInternedFirst) {
      const index = this.options.ledger.recipientIndex(messageId);
      return index < this.userAddressIndex.length ? index : undefined;
    }
    return this.options.users.indexOf(recipient);
  }

  /** Exchange Online's answer for user `user`, reused until the tenant's inbound version moves (issue 9). */
  private cloudVerdict(user: number): InboundVerdict {
    const { tenant, users } = this.options;
    const version = tenant.inboundVersion;
    let verdict = this.cloudVerdicts[user];
    if (verdict === undefined || this.cloudVerdictVersion[user] !== version) {
      verdict = tenant.inbound(users.address(user));
      this.cloudVerdicts[user] = verdict;
      this.cloudVerdictVersion[user] = version;
    }
    return verdict;
  }

  /**
   * Whether user `user` has a cloud mailbox, asked for every message that lands on-prem.
   * Cloud mailboxes are only ever added, so a yes is kept and a no is asked again only once
   * the tenant's inbound version has moved, as it does when a mailbox is created (issue 9:
   * no address look-up per message).
   */
  private hasCloudMailbox(user: number): boolean {
    if (this.cloudMailbox[user] === 1) return true;
    const { tenant, users } = this.options;
    const version = tenant.inboundVersion;
    if (this.cloudCheckedAt[user] === version) return false;
    this.cloudCheckedAt[user] = version;
    if (!tenant.hasCloudMailbox(users.address(user))) return false;
    this.cloudMailbox[user] = 1;
    return true;
  }

  /** The message reached the on-prem mailbox of user `user`. */
  private landOnPrem(messageId: number, user: number, now: Millis): void {
    const { ledger, clients, users, sizes } = this.options;
    const address = users.address(user);
    ledger.hop(messageId, now, 'delivered:on-prem');
    // dns §7.4: lognormal sizes, median ~15 KB, mean ~60-75 KB (sigma 1.7 gives ~64 KB).
    this.options.recordOnPremArrival(address, Math.round(sizes.lognormal(15_000, 1.7)));
    const cloudMailbox = this.hasCloudMailbox(user);
    // Readable at once when the user's Outlook works against on-prem (or there is no cloud mailbox yet).
    if (!cloudMailbox || clients.location(user, now) === 'on-prem') ledger.markReadable(messageId, now);
    if (cloudMailbox && this.batchGone) {
      this.strandedCount++;
      ledger.lose(messageId, now, REASONS.stranded);
      return;
    }
    ledger.setPlace(messageId, AWAITING_SYNC);
    this.awaiting.add(user, messageId, now);
  }
}
