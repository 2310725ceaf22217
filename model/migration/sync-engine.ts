import { HOUR, type EventHandler, type Millis, type RandomStreams, type Scheduler, type Trace } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { MailGroup } from '../organisation.js';
import { createMigrationUser, emptyData, sendUser, userStatus, type MigrationUser, type PendingData } from './migration-user.js';
import { dataSyncFailure, provisioningFailure } from './recipient-checks.js';
import { SlotPool } from './slot-pool.js';
import { drawMailboxRate, sharedCapacityBytesPerHour, transferWork } from './throughput.js';
import { TransferEngine } from './transfer-engine.js';
import type { MigrationListener, SourceView, TenantView } from './types.js';

export interface SyncEngineOptions {
  scheduler: Scheduler;
  random: RandomStreams;
  config: SimulationConfig;
  tenant: TenantView;
  listener: MigrationListener;
  trace: Trace | undefined;
  /** Arrivals on the on-prem mailboxes not yet copied, by address (shared with the service). */
  pending: Map<string, PendingData>;
  /** Called after any change that may move the batch status (the service reconciles). */
  changed: () => void;
  /** The on-prem server passes read from; absent means always reachable. */
  source?: SourceView | undefined;
}

/**
 * The sync engine of one batch: every migration user from the service queue through
 * provisioning, the initial copy and the 24-hour incremental passes. Initial copies take a
 * slot from MaxConcurrentMigrations, incremental passes one from MaxConcurrentIncrementalSyncs
 * (independent buckets: BLOG-CONC). Groups are provisioned after their members (MUSR:
 * ProvisionUpdating). Stop halts everything at once (PS-Stop-MigrationBatch); removal halts
 * it for good.
 */
export class SyncEngine {
  readonly users: MigrationUser[];
  private readonly byAddress = new Map<string, MigrationUser>();
  private readonly batchAddresses = new Set<string>();
  private readonly initialPool: SlotPool<MigrationUser>;
  private readonly incrementalPool: SlotPool<MigrationUser>;
  private readonly transfers: TransferEngine<MigrationUser>;
  private readonly groupsWaiting = new Set<MigrationUser>();
  private removed = false;
  /** An incremental pass failed since the service last looked (it moves a Synced batch to SyncedWithErrors). */
  incrementalFailedSinceCheck = false;
  /** Once every user finished its initial sync, incremental passes run in batch-wide rounds from that moment. */
  private roundsFrom: Millis | undefined;
  private readonly roundStarts: Millis[] = [];
  private readonly queueDone: EventHandler<MigrationUser>;
  private readonly provisioningDone: EventHandler<MigrationUser>;
  private readonly incrementalDue: EventHandler<MigrationUser>;
  private readonly sourceMaybeDown: EventHandler<undefined>;

  constructor(private readonly options: SyncEngineOptions) {
    const { config, scheduler, random, trace } = options;
    // Groups last, so their members are provisioned first.
    const recipients = [...config.organisation.recipients].sort((a, b) => Number(a.kind === 'group') - Number(b.kind === 'group'));
    const now = (): Millis => scheduler.now();
    this.users = recipients.map((recipient) => createMigrationUser(recipient, now, trace));
    for (const user of this.users) {
      this.byAddress.set(user.address, user);
      this.batchAddresses.add(user.address);
    }
    this.initialPool = new SlotPool(config.endpoint.maxConcurrentMigrations, (user) => this.grantInitial(user));
    this.incrementalPool = new SlotPool(config.endpoint.maxConcurrentIncrementalSyncs, (user) => this.grantIncremental(user));
    const migration = config.migration;
    this.transfers = new TransferEngine(
      scheduler,
      sharedCapacityBytesPerHour(config.organisation.server),
      // Each mailbox its own stall stream (issue 20): the same seed stalls it alike at any concurrency.
      { perHour: migration.stallsPerHour, duration: migration.stallDuration, stream: (entity) => random.stream('migration.stalls', entity) },
      (user, at) => this.passDone(user, at),
    );
    this.queueDone = (user) => this.leaveQueue(user);
    this.provisioningDone = (user) => this.finishProvisioning(user);
    this.incrementalDue = (user) => this.requestIncremental(user);
    this.sourceMaybeDown = () => this.sourceChanged();
    // A declared outage fails the passes running when it begins (no event when none is declared).
    for (const start of options.source?.outageStarts() ?? []) {
      if (start >= scheduler.now()) scheduler.at(start, 'migration.source-down', 'source', this.sourceMaybeDown, undefined);
    }
  }

  /** The source's state may have changed: when it is down, every running pass fails now. */
  sourceChanged(): void {
    if (this.removed) return;
    const error = this.sourceError();
    if (error === undefined) return;
    // Waiters first, so the slots the running passes give back find nobody to hand them to.
    const waiting = this.users.filter((user) => user.awaitingIncrementalSlot);
    this.incrementalPool.clearQueue();
    for (const user of waiting) {
      user.awaitingIncrementalSlot = false;
      this.failIncremental(user, error);
    }
    for (const user of this.users) {
      const pass = user.pass;
      if (pass === undefined) continue;
      if (pass.kind === 'initial') this.fail(user, error);
      else this.failIncremental(user, error);
    }
  }

  /**
   * The error a pass gets when the source cannot be read now, in the service's style
   * (EE695827: "Couldn't connect to the source mailbox"; the connection text as the
   * endpoint test words it). Undefined while the source is up.
   */
  private sourceError(): string | undefined {
    const how = this.options.source?.unavailable(this.options.scheduler.now());
    if (how === undefined) return undefined;
    const { endpoint, organisation } = this.options.config;
    const proxy = endpoint.mode === 'manual' ? endpoint.rpcProxyServer ?? organisation.server.rpcProxyFqdn : organisation.server.rpcProxyFqdn;
    const detail = how === 'refused' ? 'the server refused the connection' : 'the server did not answer before the connection timed out';
    return `MigrationTransientException: Couldn't connect to the source mailbox. The connection to the server '${proxy}' could not be completed: ${detail}.`;
  }

  slotsInUse(): { initial: number; incremental: number } {
    return { initial: this.initialPool.inUse, incremental: this.incrementalPool.inUse };
  }

  /** Transfers moving now and the bytes per ms they use together (for invariants). */
  transferLoad(): { moving: number; bytesPerMs: number } {
    return { moving: this.transfers.movingCount, bytesPerMs: this.transfers.totalRate };
  }

  user(address: string): MigrationUser | undefined {
    return this.byAddress.get(address);
  }

  /** What landed on the user's on-prem mailbox since the last snapshot, not yet taken by a pass (for statistics). */
  waiting(user: MigrationUser): PendingData | undefined {
    return this.options.pending.get(user.address);
  }

  /** Fraction of the running pass done, for statistics. */
  passProgress(user: MigrationUser): number {
    return user.pass === undefined ? 0 : this.transfers.progress(user.pass.transfer);
  }

  /** Start or resume: new users queue, stopped ones resume, failed ones are retried (PS-Start-MigrationBatch). */
  startAll(): void {
    if (this.removed) return;
    const now = this.options.scheduler.now();
    for (const user of this.users) {
      const status = userStatus(user);
      if (!user.started) {
        user.started = true;
        this.enterQueue(user);
      } else if (status === 'Stopped' || status === 'Failed') {
        sendUser(user, { type: 'RESUME', at: now });
        this.enterQueue(user);
      } else if (status === 'IncrementalStopped' || status === 'IncrementalFailed') {
        // MMB: the last synced time is also the last restart: a resumed or retried synced user runs a pass now.
        sendUser(user, { type: 'RESUME', at: now });
        if (user.hasData) this.passNow(user);
      } else if (status === 'Synced' && user.hasData && user.timer === undefined && !user.awaitingIncrementalSlot) {
        this.scheduleIncremental(user, now);
      }
    }
  }

  /**
   * Stops every queue, provisioning and copy at once. With `stopSynced` (Stop-MigrationBatch)
   * synced users become IncrementalStopped: their data stays, their 24-hour passes stop.
   * Removal leaves synced users as they are (the batch is gone; their statistics stay).
   */
  haltAll(stopSynced: boolean): void {
    const { scheduler } = this.options;
    const now = scheduler.now();
    this.initialPool.clearQueue();
    this.incrementalPool.clearQueue();
    this.groupsWaiting.clear();
    for (const user of this.users) {
      scheduler.cancel(user.timer);
      user.timer = undefined;
      user.awaitingIncrementalSlot = false;
      user.resumePass = false;
      this.stopPass(user);
      const status = userStatus(user);
      const running = status === 'Queued' || status === 'Provisioning' || status === 'ProvisionUpdating' || status === 'Syncing' || status === 'IncrementalSyncing';
      if (user.started && (running || (stopSynced && status === 'Synced'))) sendUser(user, { type: 'STOP', at: now });
    }
  }

  /** Remove-MigrationBatch: halts everything; nothing syncs again. */
  remove(): void {
    this.haltAll(false);
    this.removed = true;
  }

  private enterQueue(user: MigrationUser): void {
    // PERF: the service queue is shared among tenants; a request waits before it is picked.
    const { queueDelayMin, queueDelayMax } = this.options.config.migration;
    const delay = queueDelayMax > queueDelayMin ? this.options.random.stream('migration.queue', user.address).integer(queueDelayMin, queueDelayMax) : queueDelayMin;
    user.timer = this.options.scheduler.after(delay, 'migration.queued', user.address, this.queueDone, user);
  }

  private leaveQueue(user: MigrationUser): void {
    user.timer = undefined;
    // Only data moves use endpoint connections; directory objects are provisioned without a slot (assumption).
    if (user.hasData) this.initialPool.request(user);
    else this.beginProvisioning(user);
  }

  private grantInitial(user: MigrationUser): void {
    user.slot = 'initial';
    this.beginProvisioning(user);
  }

  private beginProvisioning(user: MigrationUser): void {
    sendUser(user, { type: 'PROVISION', at: this.options.scheduler.now() });
    const duration = user.provisioned ? 0 : this.options.config.migration.provisioningDuration;
    user.timer = this.options.scheduler.after(duration, 'migration.provisioning', user.address, this.provisioningDone, user);
  }

  private finishProvisioning(user: MigrationUser): void {
    user.timer = undefined;
    const { tenant, listener, scheduler } = this.options;
    const now = scheduler.now();
    const failure = provisioningFailure(user.recipient, tenant, this.batchAddresses);
    if (failure !== undefined) return this.fail(user, failure);
    if (!user.provisioned) {
      user.provisioned = true;
      if (user.recipient.kind === 'group' && user.recipient.security && !tenant.isSecurityGroupPreCreated(user.address)) {
        user.note = 'provisioned as a distribution group: no empty mail-enabled security group was pre-created (CUT)';
      }
      listener.onProvisioned(user.address, user.recipient.kind, now);
    }
    if (user.recipient.kind === 'group' && !this.membersSettled(user.recipient)) {
      // MUSR ProvisionUpdating: the group exists; its membership waits for its members.
      if (userStatus(user) === 'Provisioning') sendUser(user, { type: 'PROVISION_PENDING', at: now });
      this.groupsWaiting.add(user);
      return;
    }
    sendUser(user, { type: 'PROVISIONED', at: now, hasData: user.hasData });
    // A provisioned mailbox may be the last member a waiting group needs (MUSR: ProvisionUpdating).
    if (user.recipient.kind === 'mailbox') this.releaseSettledGroups();
    if (user.recipient.kind !== 'mailbox') {
      user.lastSuccessfulSyncAt = now;
      user.initialSyncDoneAt = now;
      this.settled();
      return;
    }
    const dataFailure = dataSyncFailure(user.recipient, this.options.config);
    if (dataFailure !== undefined) return this.fail(user, dataFailure);
    this.startInitialCopy(user);
  }

  private startInitialCopy(user: MigrationUser): void {
    if (user.recipient.kind !== 'mailbox') return;
    const mailbox = user.recipient;
    const sourceError = this.sourceError();
    if (sourceError !== undefined) return this.fail(user, sourceError);
    const arrived = this.takePending(user);
    let data: PendingData;
    if (user.initialLeft === undefined) {
      // A fresh copy: what the mailbox holds at the snapshot, minus the items skipped as large or bad.
      data = { bytes: mailbox.sizeBytes + arrived.bytes, items: Math.max(0, mailbox.itemCount - mailbox.largeItems - mailbox.badItems) + arrived.items, large: mailbox.largeItems + arrived.large };
      user.initialTotalBytes = data.bytes;
    } else {
      data = { bytes: user.initialLeft.bytes + arrived.bytes, items: user.initialLeft.items + arrived.items, large: user.initialLeft.large + arrived.large };
      user.initialTotalBytes += arrived.bytes;
      user.initialLeft = undefined;
    }
    // The target mailbox takes no more than its quota (facts: 50 or 100 GB by license); the copy stops there and fails.
    const room = Math.max(0, this.options.config.tenant.mailboxQuotaBytes - user.bytesSynced);
    if (data.bytes > room) {
      const items = data.bytes > 0 ? Math.floor((data.items * room) / data.bytes) : 0;
      user.overQuota = { bytes: data.bytes - room, items: data.items - items, large: 0 };
      data = { bytes: room, items, large: data.large };
    }
    this.startPass(user, 'initial', data, mailbox.badItems);
  }

  private startPass(user: MigrationUser, kind: 'initial' | 'incremental', data: PendingData, bad: number): void {
    const { config, random, scheduler } = this.options;
    user.ownRate ??= drawMailboxRate(random.stream('migration.throughput', user.address), config.migration);
    const passOverhead = kind === 'incremental' ? ((config.migration.incrementalPassOverhead ?? 0) * user.ownRate) / HOUR : 0;
    const work = transferWork(data.bytes, data.items, config.migration.perItemOverhead, user.ownRate) + passOverhead;
    const transfer = this.transfers.start(user, user.address, work, user.ownRate, data.bytes);
    user.pass = { kind, snapshotAt: scheduler.now(), data, bad, transfer };
  }

  private passDone(user: MigrationUser, at: Millis): void {
    const pass = user.pass;
    if (pass === undefined) return;
    user.pass = undefined;
    user.bytesSynced += pass.data.bytes;
    user.itemsSynced += pass.data.items;
    user.skippedLarge += pass.data.large;
    user.resumePass = false;
    const over = pass.kind === 'initial' ? user.overQuota : undefined;
    if (over !== undefined) {
      // The copy stops at the quota: the rest is what a retry (after a larger quota) resumes with.
      user.overQuota = undefined;
      user.initialLeft = over;
      this.releaseSlot(user);
      return this.fail(user, quotaError(this.options.config.tenant.mailboxQuotaBytes, over.bytes));
    }
    if (pass.kind === 'initial') {
      user.skippedBad += pass.bad;
      user.initialSyncDoneAt = at;
    }
    user.lastSuccessfulSyncAt = at;
    user.lastSuccessfulSnapshotAt = pass.snapshotAt;
    this.releaseSlot(user);
    sendUser(user, { type: 'SYNC_DONE', at });
    this.options.listener.onSyncPass(user.address, pass.snapshotAt, at);
    this.scheduleIncremental(user, pass.snapshotAt + this.options.config.migration.incrementalInterval);
    this.options.changed();
  }

  /**
   * Incremental passes every 24 h while the batch exists (MMB). While the batch is still in
   * its initial sync, each user's next pass is 24 h after its last snapshot; once the whole
   * batch is synced, passes run in batch-wide rounds every 24 h from that moment, each round
   * with its own start jitter (dns facts §7.3: phase = initial-sync completion + up to ~2 h,
   * an assumption). `earliest` is the earliest a pass may start.
   */
  private scheduleIncremental(user: MigrationUser, earliest: Millis): void {
    const { scheduler, random, config } = this.options;
    let due: Millis;
    if (this.roundsFrom === undefined) {
      const jitter = config.migration.incrementalJitter > 0 ? random.stream('migration.incremental', user.address).integer(0, config.migration.incrementalJitter) : 0;
      due = earliest + jitter;
    } else {
      // `earliest` is usually a full interval after the last snapshot; looking half an interval
      // earlier makes a user synced in one round join the next round rather than skip one.
      due = this.roundStartAtOrAfter(earliest - config.migration.incrementalInterval / 2);
    }
    scheduler.cancel(user.timer); // one pending pass per user, never two chains
    user.timer = scheduler.at(Math.max(scheduler.now(), Math.round(due)), 'migration.incremental', user.address, this.incrementalDue, user);
  }

  /** Called once, when every user has finished its initial sync or failed: aligns pending passes to the first round. */
  beginRounds(at: Millis): void {
    if (this.roundsFrom !== undefined || this.removed) return;
    this.roundsFrom = at;
    for (const user of this.users) {
      if (user.timer !== undefined && userStatus(user) === 'Synced' && !user.awaitingIncrementalSlot && user.pass === undefined) {
        this.scheduleIncremental(user, at + this.options.config.migration.incrementalInterval);
      }
    }
  }

  private roundStartAtOrAfter(time: Millis): Millis {
    const from = this.roundsFrom!;
    const { incrementalInterval, incrementalJitter } = this.options.config.migration;
    const stream = this.options.random.stream('migration.rounds');
    for (let round = 1; ; round++) {
      if (this.roundStarts.length < round) {
        const jitter = incrementalJitter > 0 ? stream.integer(0, Math.min(incrementalJitter, incrementalInterval - 1)) : 0;
        this.roundStarts.push(from + round * incrementalInterval + jitter);
      }
      const start = this.roundStarts[round - 1]!;
      if (start >= time) return start;
    }
  }

  private requestIncremental(user: MigrationUser): void {
    user.timer = undefined;
    // A pass that cannot run fails before it takes a slot: failing inside a grant would hand the
    // slot to the next waiter at once, one nested call per queued user.
    const refusal = this.passRefusal(user);
    if (refusal !== undefined) return this.failIncremental(user, refusal);
    user.awaitingIncrementalSlot = true;
    this.incrementalPool.request(user);
  }

  /** Why an incremental pass of `user` cannot run now: the source is down, or the cloud mailbox is at its quota. */
  private passRefusal(user: MigrationUser): string | undefined {
    const sourceError = this.sourceError();
    if (sourceError !== undefined) return sourceError;
    const quota = this.options.config.tenant.mailboxQuotaBytes;
    const pending = this.options.pending.get(user.address);
    const after = user.bytesSynced + (pending?.bytes ?? 0);
    return after > quota ? quotaError(quota, after - quota) : undefined;
  }

  private grantIncremental(user: MigrationUser): void {
    user.awaitingIncrementalSlot = false;
    user.slot = 'incremental';
    sendUser(user, { type: 'INCREMENTAL', at: this.options.scheduler.now() });
    // Waiters are failed when the source goes down (sourceChanged), so this rarely refuses.
    const refusal = this.passRefusal(user);
    if (refusal !== undefined) return this.failIncremental(user, refusal);
    this.startPass(user, 'incremental', this.takePending(user), 0);
    this.options.changed();
  }

  /** Start asked for a pass now (a resumed or retried synced user), outside the 24-hour rounds. */
  private passNow(user: MigrationUser): void {
    this.options.scheduler.cancel(user.timer);
    user.timer = undefined;
    user.resumePass = true;
    if (!user.awaitingIncrementalSlot) this.requestIncremental(user);
  }

  /**
   * An incremental pass failed: the user is IncrementalFailed, what it would have copied stays
   * on-prem for the next pass (nothing is copied from a source that cannot be read), and the
   * next 24-hour pass tries again (assumption: the service keeps the subscription).
   */
  private failIncremental(user: MigrationUser, error: string): void {
    const now = this.options.scheduler.now();
    this.stopPass(user);
    // A pass refused before it began still shows the attempt (Synced → IncrementalSyncing → IncrementalFailed).
    const status = userStatus(user);
    if (status === 'Synced' || status === 'IncrementalFailed') sendUser(user, { type: 'INCREMENTAL', at: now });
    user.resumePass = false;
    sendUser(user, { type: 'FAIL', at: now, error });
    this.incrementalFailedSinceCheck = true;
    this.options.listener.onIncrementalFailed?.(user.address, error, now);
    this.scheduleIncremental(user, now + this.options.config.migration.incrementalInterval);
    this.options.changed();
  }

  private fail(user: MigrationUser, error: string): void {
    const now = this.options.scheduler.now();
    this.stopPass(user);
    user.resumePass = false;
    sendUser(user, { type: 'FAIL', at: now, error });
    this.options.listener.onMailboxFailed(user.address, error, now);
    this.settled();
  }

  /** A user provisioned or failed: groups waiting for it may go on. */
  private settled(): void {
    this.releaseSettledGroups();
    this.options.changed();
  }

  private releaseSettledGroups(): void {
    for (const group of [...this.groupsWaiting]) {
      if (group.recipient.kind === 'group' && this.groupsWaiting.has(group) && this.membersSettled(group.recipient)) {
        this.groupsWaiting.delete(group);
        this.finishProvisioning(group);
      }
    }
  }

  private membersSettled(group: MailGroup): boolean {
    return group.members.every((address) => {
      const member = this.byAddress.get(address.toLowerCase());
      return member === undefined || member.provisioned || userStatus(member) === 'Failed';
    });
  }

  /** Cancels a running pass and gives its slot back; an incremental pass's data waits for the next one. */
  private stopPass(user: MigrationUser): void {
    const pass = user.pass;
    if (pass !== undefined) {
      const done = this.transfers.progress(pass.transfer);
      this.transfers.cancel(pass.transfer);
      user.pass = undefined;
      if (pass.kind === 'initial') {
        // The copy resumes where it stopped (MRS keeps its checkpoint); credit what moved.
        const movedBytes = Math.floor(pass.data.bytes * done);
        const movedItems = Math.floor(pass.data.items * done);
        user.bytesSynced += movedBytes;
        user.itemsSynced += movedItems;
        // What the quota held back is still to copy too.
        const over = user.overQuota ?? emptyData();
        user.overQuota = undefined;
        user.initialLeft = { bytes: pass.data.bytes - movedBytes + over.bytes, items: pass.data.items - movedItems + over.items, large: pass.data.large };
      } else {
        const pending = this.pendingOf(user.address);
        pending.bytes += pass.data.bytes;
        pending.items += pass.data.items;
        pending.large += pass.data.large;
        // Given back, it is taken (and counted as arrived) again by the next pass.
        user.arrivedItems -= pass.data.items + pass.data.large;
        user.arrivedBytes -= pass.data.bytes;
      }
    }
    this.releaseSlot(user);
  }

  private releaseSlot(user: MigrationUser): void {
    const slot = user.slot;
    user.slot = undefined;
    if (slot === 'initial') this.initialPool.release();
    else if (slot === 'incremental') this.incrementalPool.release();
  }

  private pendingOf(address: string): PendingData {
    let pending = this.options.pending.get(address);
    if (pending === undefined) {
      pending = emptyData();
      this.options.pending.set(address, pending);
    }
    return pending;
  }

  /**
   * Takes what arrived since the last snapshot (the pass's snapshot is now). The entry is
   * emptied in place, never replaced, so the migration service may keep it per user.
   */
  private takePending(user: MigrationUser): PendingData {
    const pending = this.pendingOf(user.address);
    const taken = { bytes: pending.bytes, items: pending.items, large: pending.large };
    user.arrivedItems += taken.items + taken.large;
    user.arrivedBytes += taken.bytes;
    pending.bytes = 0;
    pending.items = 0;
    pending.large = 0;
    return taken;
  }
}

/** The error a copy gets at the target's quota (the ProhibitSendReceive quota the license sets). */
function quotaError(quotaBytes: number, overBytes: number): string {
  const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`; // Exchange writes binary GB
  return `MigrationPermanentException: The target mailbox is full: its quota (${gb(quotaBytes)}, set by the license) is ${gb(overBytes)} short of the source mailbox's data.`;
}
