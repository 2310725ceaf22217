import { createActor, type Actor } from 'xstate';
import { InputError, type Millis } from '../../sim/index.js';
import { CONCURRENCY_LIMITS } from '../defaults.js';
import { isMailbox } from '../organisation.js';
import type { BatchStatus } from '../result.js';
import { batchNameProblem, COMPLETE_REFUSAL, refusalReason } from './batch-commands.js';
import { batchMachine, type BatchEvent, type BatchMachine } from './batch-machine.js';
import { testEndpoint } from './endpoint-test.js';
import { userStatus, type PendingData } from './migration-user.js';
import { migrationStatistics } from './cmdlet-statistics.js';
import { batchCounts, recipientStatistics, syncTotals } from './statistics.js';
import { SyncEngine } from './sync-engine.js';
import type { BatchCommand, CommandResult, EndpointTestResult, MigrationListener, MigrationService, MigrationServiceOptions } from './types.js';

/** One batch: its lifecycle actor and its sync engine. */
interface Batch {
  name: string;
  actor: Actor<BatchMachine>;
  engine: SyncEngine;
  status: BatchStatus;
  firstStartedAt: Millis | undefined;
  initialSyncDoneAt: Millis | undefined;
}

const ADMIN_EVENTS = { start: 'START', stop: 'STOP', remove: 'REMOVE' } as const;

/** Refuses a configuration the real endpoint would not accept (PERF 1-100, KB2797784 300; Set-MigrationEndpoint). */
function validateConcurrency(options: MigrationServiceOptions): void {
  const { maxConcurrentMigrations: initial, maxConcurrentIncrementalSyncs: incremental } = options.config.endpoint;
  for (const [path, value] of [['endpoint.maxConcurrentMigrations', initial], ['endpoint.maxConcurrentIncrementalSyncs', incremental]] as const) {
    if (!Number.isInteger(value) || value < CONCURRENCY_LIMITS.min || value > CONCURRENCY_LIMITS.max) {
      throw new InputError('ENDPOINT_CONCURRENCY_INVALID', `${path} must be an integer from ${CONCURRENCY_LIMITS.min} to ${CONCURRENCY_LIMITS.max}, got ${value}`, { path });
    }
  }
  if (incremental > initial) {
    throw new InputError('ENDPOINT_CONCURRENCY_INVALID', `endpoint.maxConcurrentIncrementalSyncs (${incremental}) must not exceed maxConcurrentMigrations (${initial})`, { path: 'endpoint.maxConcurrentIncrementalSyncs' });
  }
}

export function createMigrationService(options: MigrationServiceOptions): MigrationService {
  validateConcurrency(options);
  const { scheduler, config, tenant, trace } = options;
  const pending = new Map<string, PendingData>();
  /** The same entries by the caller's slot for an address (recordOnPremArrival). */
  const pendingBySlot: (PendingData | undefined)[] = [];
  // Looked up on every on-prem arrival, so a set rather than a scan of the recipients.
  const mailboxAddresses = new Set(config.organisation.recipients.filter(isMailbox).map((mailbox) => mailbox.address.toLowerCase()));
  const history: { status: BatchStatus; at: Millis }[] = [];
  let endpoint: EndpointTestResult | undefined;
  let batch: Batch | undefined;
  let lastSyncedAt: Millis | undefined;
  let reconcileQueued = false;

  const listener: MigrationListener = {
    onBatchStatus: (status, at) => options.listener.onBatchStatus(status, at),
    onProvisioned: (address, kind, at) => options.listener.onProvisioned(address, kind, at),
    onSyncPass: (address, snapshotAt, completedAt) => {
      lastSyncedAt = completedAt; // LastSyncedDateTime: the latest pass (facts §9)
      options.listener.onSyncPass(address, snapshotAt, completedAt);
    },
    onMailboxFailed: (address, error, at) => options.listener.onMailboxFailed(address, error, at),
    onIncrementalFailed: (address, error, at) => options.listener.onIncrementalFailed?.(address, error, at),
  };

  const send = (event: BatchEvent): void => batch?.actor.send(event);

  /** Moves the batch status to match its users; runs as its own engine event so it never re-enters a transition. */
  const reconcile = (): void => {
    reconcileQueued = false;
    if (batch === undefined) return;
    const at = scheduler.now();
    const users = batch.engine.users;
    // An incremental slot is held exactly while a pass copies, so the pool says whether one runs (O(1) on the hot path).
    const incrementalRunning = batch.engine.slotsInUse().incremental > 0;
    if (batch.status !== 'Synced') batch.engine.incrementalFailedSinceCheck = false;
    if (batch.status === 'Syncing') {
      // Done once every user finished its initial copy (and any pass Start asked for) or failed.
      for (const user of users) {
        const status = userStatus(user);
        if (status === 'Failed' || status === 'IncrementalFailed') continue;
        if (user.initialSyncDoneAt === undefined || user.resumePass) return;
      }
      batch.initialSyncDoneAt ??= at;
      batch.engine.beginRounds(at);
      const { failed } = batchCounts(users);
      send({ type: 'INITIAL_SYNC_DONE', at, synced: users.length - failed, failed });
    } else if (batch.status === 'Synced' && batch.engine.incrementalFailedSinceCheck && !incrementalRunning) {
      // A pass failed at once (the source was down when it began): no IncrementalSyncing in between.
      batch.engine.incrementalFailedSinceCheck = false;
      send({ type: 'PASS_FAILED', at });
    } else if ((batch.status === 'Synced' || batch.status === 'SyncedWithErrors') && incrementalRunning) {
      send({ type: 'INCREMENTAL_STARTED', at });
    } else if (batch.status === 'IncrementalSyncing' && !incrementalRunning) {
      send({ type: 'INCREMENTAL_DONE', at, failed: batchCounts(users).failed });
    }
  };
  const scheduleReconcile = (): void => {
    if (reconcileQueued || batch === undefined) return;
    reconcileQueued = true;
    scheduler.after(0, 'migration.reconcile', batch.name, reconcile, undefined);
  };
  const halted = (): void => send({ type: 'HALTED', at: scheduler.now() });
  const started = (): void => send({ type: 'STARTED', at: scheduler.now() });

  /** What the service does when the batch enters a status (admin command or timer alike). */
  const react = (current: Batch, status: BatchStatus): void => {
    const at = scheduler.now();
    current.status = status;
    history.push({ status, at });
    listener.onBatchStatus(status, at);
    if (status === 'Syncing') {
      current.firstStartedAt ??= at;
      current.engine.startAll();
    } else if (status === 'Starting') {
      // MMB: Starting is shown right after Start-MigrationBatch; the twin takes no time over it.
      scheduler.after(0, 'migration.started', current.name, started, undefined);
    } else if (status === 'Stopping') {
      current.engine.haltAll(true);
      scheduler.after(0, 'migration.halted', current.name, halted, undefined);
    } else if (status === 'Removing') {
      current.engine.remove(); // CUT step 6: after deletion nothing is copied any more
    }
    scheduleReconcile();
  };

  function createBatch(name: string, autoStart: boolean): CommandResult {
    const status = batch?.status ?? 'None';
    if (status !== 'None' && status !== 'Deleted') return { ok: false, reason: refusalReason(status, 'create') };
    if (config.tenant.existingCutoverBatch) return { ok: false, reason: 'Only one cutover migration batch can exist at a time, and the tenant already has one (CUTPS).' };
    const nameProblem = batchNameProblem(name);
    if (nameProblem !== undefined) return { ok: false, reason: nameProblem };
    if (endpoint === undefined) return { ok: false, reason: 'No migration endpoint exists; create the Outlook Anywhere endpoint first (Step 2).' };
    if (tenant.isDirectorySyncEnabled()) return { ok: false, reason: 'Directory synchronization is on; a cutover migration needs it turned off (CUT).' };
    const mailboxes = config.organisation.recipients.filter(isMailbox).length;
    if (mailboxes > config.migration.maxMailboxes) {
      return { ok: false, reason: `The organisation has ${mailboxes} mailboxes; a cutover batch takes at most ${config.migration.maxMailboxes} (CUT).` };
    }
    const at = scheduler.now();
    const engine = new SyncEngine({ scheduler, random: options.random, config, tenant, listener, trace, pending, changed: scheduleReconcile, source: options.source });
    const actor = createActor(batchMachine, {
      systemId: `batch:${name}`,
      input: { autoStart, createdAt: at, ...config.migration },
      clock: scheduler,
      ...(trace === undefined ? {} : { inspect: trace.inspector(() => scheduler.now()) }),
    });
    const current: Batch = { name, actor, engine, status: 'Created', firstStartedAt: undefined, initialSyncDoneAt: undefined };
    batch = current;
    let seen: string | undefined;
    actor.subscribe((snapshot) => {
      const value = snapshot.value as BatchStatus;
      if (value === seen) return;
      seen = value;
      react(current, value);
    });
    actor.start();
    return { ok: true, detail: `Batch ${name} created${autoStart ? '; it starts by itself once created' : '; start it when ready'}.` };
  }

  function command(which: 'start' | 'stop' | 'remove'): CommandResult {
    if (batch === undefined) return { ok: false, reason: refusalReason('None', which) };
    const event = { type: ADMIN_EVENTS[which], at: scheduler.now() } as BatchEvent;
    if (!batch.actor.getSnapshot().can(event)) return { ok: false, reason: refusalReason(batch.status, which) };
    const before = batch.status;
    batch.actor.send(event);
    return { ok: true, detail: `${which} accepted: the batch went from ${before} to ${batch.status}.` };
  }

  function allowed(which: BatchCommand): { command: BatchCommand; allowed: boolean; reason?: string } {
    const status = batch?.status ?? 'None';
    if (which === 'complete') return { command: which, allowed: false, reason: COMPLETE_REFUSAL };
    if (which === 'create') {
      const free = (status === 'None' || status === 'Deleted') && !config.tenant.existingCutoverBatch;
      return free ? { command: which, allowed: true } : { command: which, allowed: false, reason: refusalReason(status === 'None' ? 'Created' : status, 'create') };
    }
    if (batch === undefined) return { command: which, allowed: false, reason: refusalReason('None', which) };
    const can = batch.actor.getSnapshot().can({ type: ADMIN_EVENTS[which], at: scheduler.now() } as BatchEvent);
    return can ? { command: which, allowed: true } : { command: which, allowed: false, reason: refusalReason(status, which) };
  }

  return {
    createEndpoint() {
      if (endpoint !== undefined) return { ok: false, reason: `The migration endpoint ${config.endpoint.name} already exists.` };
      const test = testEndpoint(config);
      if (test.result === 'Failed') return { ok: false, reason: `${test.message} ${test.errorDetail ?? ''}`.trim() };
      endpoint = test;
      return { ok: true, detail: `Endpoint ${config.endpoint.name} created: ${test.message}` };
    },
    testEndpoint: () => testEndpoint(config),
    createBatch,
    startBatch: () => command('start'),
    stopBatch: () => command('stop'),
    completeBatch: () => ({ ok: false, reason: COMPLETE_REFUSAL }),
    removeBatch: () => command('remove'),
    allowedCommands: () => (['create', 'start', 'stop', 'complete', 'remove'] as const).map(allowed),
    sourceChanged: () => batch?.engine.sourceChanged(),
    recordOnPremArrival(address, bytes, slot) {
      // Called for every message that lands on-prem: with the caller's slot (the router's user
      // index), an array read, as entries are emptied in place and never replaced; otherwise
      // one map look-up under the address as given (toLowerCase makes a new string every call).
      let key = address;
      let data = slot === undefined ? pending.get(key) : pendingBySlot[slot] ?? pending.get(key);
      if (data === undefined) {
        key = address.toLowerCase();
        data = pending.get(key);
      }
      if (data === undefined && !mailboxAddresses.has(key)) throw new InputError('MIGRATION_UNKNOWN_MAILBOX', `recordOnPremArrival: ${address} is not an on-prem mailbox`, { path: 'address' });
      if (!Number.isFinite(bytes) || bytes < 0) throw new InputError('MIGRATION_BYTES_INVALID', `recordOnPremArrival: bytes must be a non-negative number, got ${bytes}`, { path: 'bytes' });
      if (data === undefined) {
        data = { bytes: 0, items: 0, large: 0 };
        pending.set(key, data);
      }
      if (slot !== undefined) pendingBySlot[slot] = data;
      // Items over the target's MaxReceiveSize are skipped as large items (BLOG-LARGE, facts §5.2).
      if (bytes > config.tenant.maxReceiveSizeBytes) data.large++;
      else {
        data.bytes += bytes;
        data.items++;
      }
    },
    batchStatus: () => batch?.status ?? 'None',
    statusHistory: () => history.map((entry) => ({ ...entry })),
    batchCounts: () => batchCounts(batch?.engine.users ?? []),
    lastSyncedAt: () => lastSyncedAt,
    initialSyncDoneAt: () => batch?.initialSyncDoneAt,
    initialSyncDuration: () => (batch?.initialSyncDoneAt === undefined || batch.firstStartedAt === undefined ? undefined : batch.initialSyncDoneAt - batch.firstStartedAt),
    mailboxStatistics: () => recipientStatistics(config, batch?.engine).filter((entry) => entry.kind === 'mailbox').map(({ kind: _kind, ...rest }) => rest),
    recipientStatistics: () => recipientStatistics(config, batch?.engine),
    slotsInUse: () => batch?.engine.slotsInUse() ?? { initial: 0, incremental: 0 },
    syncTotals: () => syncTotals(batch?.engine),
    migrationStatistics: () => {
      const records = recipientStatistics(config, batch?.engine);
      if (batch === undefined) return migrationStatistics(config, records, undefined);
      const createdAt = history.find((entry) => entry.status === 'Created')?.at ?? 0;
      const provisioned = batch.engine.users.filter((user) => user.provisioned).length;
      return migrationStatistics(config, records, {
        name: batch.name, status: batch.status, createdAt, firstStartedAt: batch.firstStartedAt,
        initialSyncDoneAt: batch.initialSyncDoneAt, lastSyncedAt, provisioned,
      });
    },
    lastSuccessfulSync: (address) => {
      const user = batch?.engine.user(address.toLowerCase());
      return user?.lastSuccessfulSyncAt === undefined || user.lastSuccessfulSnapshotAt === undefined
        ? undefined : { completedAt: user.lastSuccessfulSyncAt, snapshotAt: user.lastSuccessfulSnapshotAt };
    },
  };
}
