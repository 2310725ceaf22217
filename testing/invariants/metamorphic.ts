import { formatDuration, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../../model/config.js';
import { isMailbox } from '../../model/organisation.js';
import { sharedCapacityBytesPerHour } from '../../model/migration/index.js';
import { doneAt, initialSyncEndedAt, KEPT_PATHS_LIMIT, keepingAllPaths, lowerTtlEarlier, moreConcurrency, oldHostAcceptedAfter, removeBatchLater } from './metamorphic-transforms.js';
import { ttlLoweringBound } from './ttl-bound.js';
import { broken, HOLDS, vacuous, type InvariantResult, type SimulateFunction } from './result.js';

/**
 * Metamorphic relations (issue 7, restated in issue 20): two runs of the same scenario and
 * seed with one knob moved. Each is stated over the premise under which it is proved for the
 * model (docs/testing.md, "Metamorphic relations"); a case outside it holds `vacuous`, naming
 * the unmet premise, so the properties can count what they compared. Randomness is keyed by
 * entity (each mailbox's stalls and rate, each resolver's re-fetches), so the same seed deals
 * each mailbox and resolver the same world in both runs.
 */

/**
 * Removing the batch later never loses or strands more (CUT step 6: deletion ends the copying of mail
 * that lands on-prem). Proof sketch: both runs are the same until the first removal; after
 * it the later one keeps running incremental passes, so every message it strands the earlier
 * one stranded too. Mail lost at a decommission anchored on the removal is not counted: moving
 * the removal moves the decommission (metamorphic-cases/decommission-follows-removal.yaml). Premise: the removal was accepted after the batch first synced (a batch
 * removed before its initial sync migrated nobody, so its users keep their on-prem mailboxes:
 * test/properties/metamorphic-cases/removal-before-sync.yaml), the later removal is done inside
 * the horizon (else mail still waiting counts as pending at the horizon), one removal in the
 * plan, and no other action timed after the removal (a decommission 1 d after it would move
 * too, and a later decommission lets more mail land on-prem: a different knob).
 */
export function removingLaterLosesNoMore(config: SimulationConfig, by: Millis, simulate: SimulateFunction): InvariantResult {
  const moved = removeBatchLater(config, by);
  if (moved === undefined || by <= 0) return vacuous('no removal to move');
  if (config.plan.filter((action) => action.action === 'removeBatch').length > 1) return vacuous('more than one removal in the plan');
  if (config.plan.some((action) => action.action !== 'removeBatch' && 'after' in action.timing && action.timing.after === 'batchRemoved')) {
    return vacuous('an action is timed after the removal and would move with it');
  }
  const first = simulate(config);
  const removedAt = doneAt(first, 'removeBatch');
  if (removedAt === undefined) return vacuous('the removal was not done'); // a refused removal may be accepted later: no claim
  const syncedAt = first.batch.statusHistory.find((entry) => entry.status === 'Synced' || entry.status === 'SyncedWithErrors')?.at;
  if (syncedAt === undefined || syncedAt > removedAt) return vacuous('the batch was removed before it synced');
  const second = simulate(moved);
  // Not done inside the horizon, or moved into a running round and refused (PS-Remove-MigrationBatch): no claim.
  if (doneAt(second, 'removeBatch') === undefined) return vacuous('the later removal is not done inside the horizon, or was refused in a running round');
  // Stranded mail counts too (issue 13): it is off the mailboxes users read, though still
  // recoverable. Lost mail counts whatever its cause: the same message may be lost at the
  // decommission in one run and to a lapsed licence in the other (saved as
  // found/removing-later-loses-no-more-1597.yaml). A decommission anchored on the removal,
  // which would move with it, is outside the premise above (metamorphic-cases/decommission-follows-removal.yaml).
  const harm = (result: typeof first) => result.messages.lost + (result.messages.stranded ?? 0);
  if (harm(second) <= harm(first)) return HOLDS;
  return broken('removing-later-loses-no-more', `removing the batch ${formatDuration(by)} later lost or stranded ${harm(second)} messages instead of ${harm(first)}`, {
    removedAt: [removedAt, doneAt(second, 'removeBatch')],
    reasons: [first.reasons, second.reasons],
  });
}

/**
 * Lowering the TTL earlier never sends more external mail to the old host after the switch
 * plus the longest lifetime a resolver gives the lowered record (dns facts: a record is
 * cached with the TTL in force when fetched). Proof sketch: after that bound a resolver can
 * still answer the old host only from an entry fetched before the earlier lowering, and that
 * entry, fetched the same way in both runs, lasts as long in the later-lowering run (no
 * resolver replaces a valid entry; re-fetches are keyed by resolver and instant). Premise:
 * one lowering and one switch in the plan, the lowering moved (not clamped at its anchor)
 * and done before the switch, the switch at the same time in both runs, no authority outage
 * (serve-stale), and the bound inside the horizon.
 */
export function loweringTtlEarlierSendsNoMoreToOldHost(config: SimulationConfig, by: Millis, simulate: SimulateFunction): InvariantResult {
  const settings = config.plan.filter((action) => action.action === 'setMxTtl');
  const lowering = settings[0];
  if (settings.length !== 1 || lowering === undefined || !((lowering.ttl ?? Infinity) < config.dns.initialMxTtl)) return vacuous('not exactly one TTL change, lowering the TTL');
  if (config.plan.filter((action) => action.action === 'switchMx').length !== 1) return vacuous('not exactly one switch');
  if (config.faults.some((fault) => fault.kind === 'dnsAuthorityOutage')) return vacuous('an authority outage (serve-stale)');
  const moved = lowerTtlEarlier(config, by);
  if (moved === undefined || by <= 0) return vacuous('no TTL change to move');
  // The premises on a plain run: kept paths cost ~1 KB a message, so they are kept only for
  // a comparison that will be made, and only where every path fits (a sample of paths in
  // two runs is no count of the old host's mail).
  const plain = simulate(config);
  const switchedAt = doneAt(plain, 'switchMx');
  const lowered = doneAt(plain, 'setMxTtl');
  if (switchedAt === undefined || lowered === undefined || lowered > switchedAt) return vacuous('the TTL was not lowered before a switch');
  const bound = switchedAt + ttlLoweringBound(config.dns, lowering.ttl!);
  if (bound >= config.horizon) return vacuous('switch plus the lowered lifetime is past the horizon');
  if (plain.messages.sent > KEPT_PATHS_LIMIT) return vacuous(`more than ${KEPT_PATHS_LIMIT} messages: not every path can be kept`);
  const before = oldHostAcceptedAfter(simulate(keepingAllPaths(config)), bound);
  const second = simulate(keepingAllPaths(moved));
  const loweredEarlier = doneAt(second, 'setMxTtl');
  if (loweredEarlier === undefined || loweredEarlier >= lowered) return vacuous('the lowering could not move earlier');
  if (doneAt(second, 'switchMx') !== switchedAt) return vacuous('the switch moved');
  const after = oldHostAcceptedAfter(second, bound);
  if (after <= before) return HOLDS;
  return broken('lowering-ttl-earlier-sends-no-more-to-old-host', `lowering the TTL ${formatDuration(by)} earlier sent ${after} messages to the old host after switch + ${formatDuration(bound - switchedAt)} instead of ${before}`, {
    switchedAt, ttl: lowering.ttl, bound, loweredAt: [lowered, loweredEarlier],
  });
}

/**
 * More concurrency (MaxConcurrentMigrations) never finishes the initial sync later. Proof
 * sketch: slots are granted first come, first served, and with the capacity never shared
 * each transfer moves at its mailbox's own rate with its own stalls (drawn per mailbox, in
 * moving time), so a copy's end is a nondecreasing function of its start; with one more slot
 * every start is no later (list scheduling: the sorted slot-free times never increase), so
 * no end is later. Premise: the first run's initial sync ended, fewer slots than mailboxes
 * (else the raise changes nothing), the capacity never shared even with the raise (slots in
 * use × the fastest mailbox rate ≤ the server's capacity: fair sharing makes each copy slower
 * and so more exposed to stalls; issue 20's counterexample), and no Start, Stop or Remove
 * between the start of the sync and its end (a Start retries failed users, a Stop restarts
 * the stall clocks).
 */
export function moreConcurrencyNeverSlower(config: SimulationConfig, extra: number, simulate: SimulateFunction): InvariantResult {
  if (extra <= 0) return vacuous('no extra slot');
  const moved = moreConcurrency(config, extra);
  const mailboxes = config.organisation.recipients.filter(isMailbox).length;
  if (config.endpoint.maxConcurrentMigrations >= mailboxes || moved.endpoint.maxConcurrentMigrations === config.endpoint.maxConcurrentMigrations) {
    return vacuous('the slots already cover every mailbox');
  }
  const moving = Math.min(mailboxes, moved.endpoint.maxConcurrentMigrations + config.endpoint.maxConcurrentIncrementalSyncs);
  if (moving * config.migration.mailboxThroughputMaxBytesPerHour > sharedCapacityBytesPerHour(config.organisation.server)) return vacuous('the capacity may be shared');
  const first = simulate(config);
  const ended = initialSyncEndedAt(first);
  if (ended === undefined) return vacuous('the initial sync did not end');
  const syncing = first.batch.statusHistory.find((entry) => entry.status === 'Syncing')?.at ?? 0;
  const commands = first.actions.filter((action) => ['startBatch', 'stopBatch', 'removeBatch'].includes(action.action) && action.outcome === 'done' && action.at > syncing && action.at <= ended);
  if (commands.length > 0) return vacuous('a Start, Stop or Remove during the initial sync');
  const second = simulate(moved);
  const endedWithMore = initialSyncEndedAt(second);
  if (endedWithMore !== undefined && endedWithMore <= ended) return HOLDS;
  return broken('more-concurrency-never-slower', `raising MaxConcurrentMigrations from ${config.endpoint.maxConcurrentMigrations} to ${moved.endpoint.maxConcurrentMigrations} ended the initial sync ${endedWithMore === undefined ? 'never' : `at ${formatDuration(endedWithMore)}`} instead of ${formatDuration(ended)}`, {
    ended: [ended, endedWithMore],
  });
}
