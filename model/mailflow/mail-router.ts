import type { Millis, RandomStream, Scheduler } from '../../sim/index.js';
import type { OutlookProfiles } from '../clients/index.js';
import type { Ledger, PendingResolution } from '../ledger/index.js';
import { AwaitingSync, IdBuckets, type OnPremExchange } from '../onprem/index.js';
import type { DeliveryAttemptOutcome, MailDestinations } from '../senders/index.js';
import type { InboundVerdict, Tenant } from '../tenant/index.js';
import { REASONS } from './reasons.js';
import { externalSenderAddress, type UserDirectory } from './user-directory.js';

/** Where a message without a fate is (the ledger's place byte; issue 13). */
const IN_TRANSIT = 0;
/** On-prem, waiting for a sync pass; it came from on-prem Outlook (internal) or through the old MX (external). */
const AWAITING_FROM_OUTLOOK = 1;
const AWAITING_FROM_OLD_MX = 2;
/** On-prem after the batch was deleted, in the mailbox of a user with a cloud mailbox: stranded. */
const STRANDED_FROM_OUTLOOK = 3;
const STRANDED_FROM_OLD_MX = 4;
/** In the cloud mailbox of a user who does not read it yet (delivered, recovered by PST, forwarded). */
const UNREAD_DELIVERED = 5;
const UNREAD_PST = 6;
const UNREAD_FORWARDED = 7;
/** In the sender's Outlook Outbox: their Outlook cannot reach a working server. */
const IN_OUTBOX = 8;
/** Exported to PST, its import into the cloud mailbox still running. */
const IN_PST_IMPORT = 9;

type Source = 'outlook' | 'old-mx';

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
  /** Stream 'clients.x500': which internal mail from a cloud profile addresses an old legacyExchangeDN. */
  x500: RandomStream;
  /** Share of that mail (ClientConfig.x500ReplyShare). */
  x500ReplyShare: number;
  /** Tells the migration service about new on-prem data (bound once the service exists). */
  recordOnPremArrival: (address: string, bytes: number, user: number) => void;
}

/**
 * Where each message goes once it is sent (issue 3, 4, 6, 13): the two destinations, the
 * on-prem mailboxes waiting for a sync pass, Outlook submissions and Outboxes, and mail
 * waiting unread in cloud mailboxes. It owns the rule that a message is delivered when its
 * recipient can first read it where they read mail: on-prem while their Outlook opens the
 * on-prem mailbox, in the cloud once they read it (new profile, web or phone, with the
 * password). Mail on-prem after the last pass is stranded (recoverable by PST export or
 * forwarding) until the server is decommissioned, when it is lost.
 */
export class MailRouter implements MailDestinations {
  readonly awaiting = new AwaitingSync();
  /** Mail on-prem after the batch was deleted, for users with a cloud mailbox (recoverable until decommission). */
  readonly stranded = new IdBuckets();
  /** Mail in a cloud mailbox whose user does not read it yet. */
  readonly unread = new IdBuckets();
  /** Outlook Outboxes, by sender. */
  readonly outbox = new IdBuckets();
  /** External inbound messages accepted by each host so far (for the hourly series). */
  acceptedByOldHost = 0;
  acceptedByNewHost = 0;
  strandedCount = 0;
  private batchGone = false;
  private forwardingSince: Millis | undefined;
  private x500AddedAt: Millis | undefined;
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
      this.landOnPrem(messageId, user!, now, 'old-mx');
      return this.acceptedByOld;
    }
    if (host === hosts.newMx) {
      const user = this.recipientUser(messageId, recipient);
      const verdict = user === undefined ? tenant.inbound(recipient) : this.cloudVerdict(user);
      if (verdict.kind === 'permanent') return { kind: 'permanent', host, code: verdict.code, reason: verdict.reason };
      this.acceptedByNewHost++;
      ledger.hop(messageId, now, 'accepted:new-host', host);
      this.toCloud(messageId, user, now, UNREAD_DELIVERED);
      return this.acceptedByNew;
    }
    return { kind: 'temporary', host, reason: `no mail server answers at ${host}`, scope: 'connection' };
  }

  // ---- Outlook submissions ------------------------------------------------------------------------

  /**
   * A user's Outlook sends a message to `recipient`. On-prem Outlook submits to the on-prem
   * server, which delivers internal mail to its own mailboxes (no forwarding in a cutover:
   * CUT); cloud Outlook submits to Exchange Online. Outlook that cannot reach a working
   * server (the old one decommissioned, or a cloud profile still without the password) keeps
   * the message in its Outbox until it can (issue 13: no NDR). Returns false when the on-prem
   * server is down for a declared outage (the caller resubmits when it ends).
   */
  submitFromOutlook(messageId: number, sender: number, recipient: string, now: Millis, recipientUser?: number): boolean {
    const { onPrem, tenant, clients, users, ledger } = this.options;
    const location = clients.location(sender, now);
    if (location === 'cloud' && this.hasCloudMailbox(sender)) {
      ledger.hop(messageId, now, 'submitted:cloud');
      const internal = recipientUser ?? users.indexOf(recipient);
      // KB2807779: replies to migrated mail, autocomplete and meeting updates carry the old legacyExchangeDN.
      if (internal !== undefined && this.x500AddedAt === undefined && this.options.x500ReplyShare > 0 && this.options.x500.chance(this.options.x500ReplyShare)) {
        ledger.hop(messageId, now, 'smtp-reply', '550 5.1.1 IMCEAEX: the old legacyExchangeDN is unknown in the cloud');
        ledger.bounce(messageId, now, REASONS.imceaex);
        return true;
      }
      const verdict = internal === undefined ? tenant.inbound(recipient) : this.cloudVerdict(internal);
      if (verdict.kind === 'permanent') ledger.bounce(messageId, now, verdict.reason);
      else this.toCloud(messageId, internal, now, UNREAD_DELIVERED);
      return true;
    }
    if (location === 'no-password' || onPrem.isDecommissioned(now)) {
      ledger.hop(messageId, now, 'outbox', location === 'no-password' ? 'Outlook asks for the new password' : 'the on-prem server no longer answers');
      ledger.setPlace(messageId, IN_OUTBOX);
      this.outbox.add(sender, messageId);
      return true;
    }
    if (!onPrem.isUp(now)) return false;
    ledger.hop(messageId, now, 'submitted:on-prem');
    // `recipientUser` (generated mail) is one of the organisation's mailboxes, all of which are on-prem mailboxes.
    const verdict = recipientUser === undefined ? onPrem.inbound(recipient, now) : onPrem.inboundToMailbox(now);
    if (verdict.kind === 'accepted') this.landOnPrem(messageId, recipientUser ?? users.indexOf(recipient)!, now, 'outlook');
    else if (verdict.kind === 'permanent') ledger.bounce(messageId, now, verdict.reason);
    return true;
  }

  /** The sender's Outlook works against the cloud now: its Outbox leaves (each message through `resubmit`). */
  flushOutbox(sender: number, resubmit: (messageId: number) => void): number {
    return this.outbox.takeAll(sender, (id) => {
      this.options.ledger.setPlace(id, IN_TRANSIT);
      resubmit(id);
    });
  }

  /** The user reads the cloud mailbox from now on: what waited there unread is read now (late, when it waited long). */
  userReadsCloud(user: number, now: Millis): void {
    const { ledger } = this.options;
    this.unread.takeAll(user, (id) => {
      const place = ledger.place(id);
      ledger.setPlace(id, IN_TRANSIT);
      if (place === UNREAD_PST) ledger.recover(id, now, REASONS.recoveredPst);
      else if (place === UNREAD_FORWARDED) ledger.recover(id, now, REASONS.recoveredForwarded);
      else ledger.deliver(id, now, REASONS.readOnNewProfile);
    });
  }

  // ---- recovery and the server's end (issue 13) ------------------------------------------------

  /** X500 proxy addresses with the old legacyExchangeDNs are added in the cloud: IMCEAEX replies resolve from now on. */
  addX500(at: Millis): { ok: true; detail: string } | { ok: false; reason: string } {
    if (this.x500AddedAt !== undefined) return { ok: false, reason: 'the X500 proxy addresses are already added' };
    if (!this.options.users.addresses.some((address) => this.options.tenant.hasCloudMailbox(address))) return { ok: false, reason: 'no cloud mailbox exists yet to add an X500 proxy address to' };
    this.x500AddedAt = at;
    return { ok: true, detail: 'the old legacyExchangeDN of every migrated user added as an X500 proxy address to their cloud mailbox (KB2807779)' };
  }

  /** Set-Mailbox -ForwardingSmtpAddress <alias>@<tenant>.onmicrosoft.com on the on-prem mailboxes of migrated users. */
  forwardToTenant(at: Millis, tenantDomain: string): { ok: true; detail: string } | { ok: false; reason: string } {
    if (this.options.onPrem.isDecommissioned(at)) return { ok: false, reason: 'the on-prem server is decommissioned: there is no mailbox left to forward from' };
    if (this.forwardingSince !== undefined) return { ok: false, reason: 'the on-prem mailboxes already forward to the tenant' };
    this.forwardingSince = at;
    return { ok: true, detail: `on-prem mailboxes of migrated users forward new mail to <alias>@${tenantDomain}; mail already there stays (export it to PST)` };
  }

  /**
   * A PST export of every stranded message now, imported into the cloud mailboxes `duration`
   * later (the caller schedules `importPst` with the returned ids). Mail that lands on-prem
   * after the export needs another one.
   */
  exportStranded(at: Millis): { ok: true; detail: string; ids: number[] } | { ok: false; reason: string } {
    if (this.options.onPrem.isDecommissioned(at)) return { ok: false, reason: 'the on-prem server is decommissioned: its mailboxes cannot be exported any more' };
    const ids: number[] = [];
    this.stranded.drain((_, id) => {
      this.options.ledger.setPlace(id, IN_PST_IMPORT);
      this.options.ledger.hop(id, at, 'exported:pst');
      ids.push(id);
    });
    return { ok: true, detail: `${ids.length} stranded message${ids.length === 1 ? '' : 's'} exported to PST from the on-prem mailboxes for import into the cloud mailboxes`, ids };
  }

  /** The PST import of `ids` is done: each is in its user's cloud mailbox. */
  importPst(ids: readonly number[], now: Millis): void {
    for (const id of ids) {
      this.options.ledger.setPlace(id, IN_TRANSIT);
      this.toCloud(id, this.recipientUser(id, this.options.ledger.recipient(id)), now, UNREAD_PST);
    }
  }

  /** The on-prem server is gone: whatever existed only there is lost (CUT post-migration: decommission). */
  decommissioned(at: Millis): number {
    const { ledger, users } = this.options;
    let lost = 0;
    const lose = (id: number) => {
      ledger.setPlace(id, IN_TRANSIT);
      ledger.lose(id, at, REASONS.serverDecommissioned);
      lost++;
    };
    this.stranded.drain((_, id) => lose(id));
    for (let user = 0; user < users.count; user++) this.awaiting.takeAll(user, (id) => lose(id));
    return lost;
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
      this.toCloud(id, user, completedAt, UNREAD_DELIVERED);
    });
  }

  /**
   * The batch was deleted: nothing on-prem reaches a migrated user's cloud mailbox any more
   * (CUT step 6). What waits for a pass is stranded: still on the server, recoverable.
   */
  batchRemoved(at: Millis): number {
    this.batchGone = true;
    let stranded = 0;
    const { users, tenant, ledger } = this.options;
    for (let user = 0; user < users.count; user++) {
      if (!tenant.hasCloudMailbox(users.address(user))) continue;
      stranded += this.awaiting.takeAll(user, (id) => {
        ledger.setPlace(id, ledger.place(id) === AWAITING_FROM_OLD_MX ? STRANDED_FROM_OLD_MX : STRANDED_FROM_OUTLOOK);
        ledger.hop(id, at, 'stranded', 'the batch is deleted: no sync pass will copy it');
        this.stranded.add(user, id);
      });
    }
    this.strandedCount += stranded;
    return stranded;
  }

  /** A new batch exists again: on-prem mail can reach the cloud through it. */
  batchCreated(): void {
    this.batchGone = false;
  }

  /**
   * What a message still without a fate counts as now (the horizon rule, issue 13): read
   * where its user reads mail, stranded on-prem, or pending (on its way, or unread in a cloud
   * mailbox its user does not open yet).
   */
  resolvePending(id: number): PendingResolution {
    const { ledger, tenant, clients, scheduler } = this.options;
    const place = ledger.place(id);
    const readableAt = ledger.readableAt(id);
    switch (place) {
      case AWAITING_FROM_OUTLOOK:
      case AWAITING_FROM_OLD_MX:
        // Never migrated, or read on-prem already: the on-prem mailbox had it where its user read mail.
        if (!tenant.hasCloudMailbox(ledger.recipient(id))) return { fate: 'delivered', readableAt: readableAt ?? ledger.sentTime(id), reason: REASONS.deliveredOnPrem };
        if (readableAt !== undefined) return { fate: 'delivered', readableAt, reason: REASONS.deliveredOnPrem };
        return { fate: 'pending', reason: REASONS.pendingSyncPass };
      case STRANDED_FROM_OUTLOOK:
      case STRANDED_FROM_OLD_MX: {
        const user = this.recipientUser(id, ledger.recipient(id));
        // Its user still works in the old profile: the on-prem mailbox is where they read it.
        if (readableAt !== undefined && user !== undefined && clients.location(user, scheduler.now()) === 'on-prem') return { fate: 'delivered', readableAt, reason: REASONS.deliveredOnPrem };
        return { fate: 'stranded', reason: place === STRANDED_FROM_OLD_MX ? REASONS.strandedFromOldMx : REASONS.strandedFromOutlook };
      }
      case UNREAD_DELIVERED:
      case UNREAD_PST:
      case UNREAD_FORWARDED: {
        const user = this.recipientUser(id, ledger.recipient(id));
        const signedIn = user !== undefined && clients.hasPassword(user, scheduler.now());
        return { fate: 'pending', reason: signedIn ? REASONS.unreadNoProfile : REASONS.unreadNoPassword };
      }
      case IN_OUTBOX:
        return { fate: 'pending', reason: REASONS.outbox };
      case IN_PST_IMPORT:
        return { fate: 'pending', reason: REASONS.pstImportRunning };
      default:
        return { fate: 'pending', reason: REASONS.pendingAtHorizon };
    }
  }

  /**
   * The message is in the cloud mailbox of `user` now: readable at once when its user reads
   * the cloud mailbox (or read it on-prem already), else it waits unread until they do
   * (issue 13: readable where the user reads). `unread` is the place it waits in.
   */
  private toCloud(messageId: number, user: number | undefined, now: Millis, unread: number): void {
    const { ledger, clients } = this.options;
    if (user === undefined || ledger.readableAt(messageId) !== undefined || clients.readsCloud(user, now)) {
      if (unread === UNREAD_PST) ledger.recover(messageId, now, REASONS.recoveredPst);
      else if (unread === UNREAD_FORWARDED) ledger.recover(messageId, now, REASONS.recoveredForwarded);
      else ledger.deliver(messageId, now, REASONS.deliveredCloud);
      return;
    }
    ledger.hop(messageId, now, 'in-cloud-mailbox', 'its user does not read the cloud mailbox yet');
    ledger.setPlace(messageId, unread);
    this.unread.add(user, messageId);
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

  /** The message reached the on-prem mailbox of user `user`, from on-prem Outlook or through the old MX. */
  private landOnPrem(messageId: number, user: number, now: Millis, source: Source): void {
    const { ledger, clients, users, sizes } = this.options;
    const address = users.address(user);
    ledger.hop(messageId, now, 'delivered:on-prem');
    const cloudMailbox = this.hasCloudMailbox(user);
    if (cloudMailbox && this.forwardingSince !== undefined && now >= this.forwardingSince) {
      ledger.hop(messageId, now, 'forwarded', 'to the tenant address');
      this.toCloud(messageId, user, now, UNREAD_FORWARDED);
      return;
    }
    // dns §7.4: lognormal sizes, median ~15 KB, mean ~60-75 KB (sigma 1.7 gives ~64 KB).
    this.options.recordOnPremArrival(address, Math.round(sizes.lognormal(15_000, 1.7)), user);
    // Readable at once when the user's Outlook opens the on-prem mailbox (or there is no cloud mailbox yet).
    if (!cloudMailbox || clients.location(user, now) === 'on-prem') ledger.markReadable(messageId, now);
    if (cloudMailbox && this.batchGone) {
      this.strandedCount++;
      ledger.setPlace(messageId, source === 'old-mx' ? STRANDED_FROM_OLD_MX : STRANDED_FROM_OUTLOOK);
      ledger.hop(messageId, now, 'stranded', 'the batch is deleted: no sync pass will copy it');
      this.stranded.add(user, messageId);
      return;
    }
    ledger.setPlace(messageId, source === 'old-mx' ? AWAITING_FROM_OLD_MX : AWAITING_FROM_OUTLOOK);
    this.awaiting.add(user, messageId, now);
  }
}
