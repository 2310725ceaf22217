import { formatDurationForPeople, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import type { Finding } from '../result.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../defaults.js';
import { finalPassBound, migratedMailboxes } from './estimates.js';
import { profilesMovedLatest } from './rules-users.js';
import { range } from './moment.js';
import { finding, STEP } from './steps.js';
import { all, first, type Timeline } from './timeline.js';

/**
 * The run must not end while mail that landed on an on-prem mailbox of a migrated user still
 * waits for its sync pass: such mail counts as lost (`pending-at-horizon`; docs/concepts.md,
 * "lost" = never reached the live mailbox by the horizon). Incremental passes come 24 h apart
 * plus jitter (MMB; dns §7.3), so mail landing less than a full pass before the horizon is at risk.
 */

/** The latest moment mail is sent, by kind, or undefined when none is. */
function lastSends(config: SimulationConfig): { external?: Millis; internal?: Millis } {
  const result: { external?: Millis; internal?: Millis } = {};
  const later = (kind: 'external' | 'internal', at: Millis) => { result[kind] = Math.max(result[kind] ?? -Infinity, at); };
  const flow = config.mailFlow.generated;
  if (flow && flow.messagesPerUserPerDay > 0) {
    // Generated traffic stops `quietBeforeHorizon` before the horizon (model/mailflow/generated-traffic.ts).
    const stopAt = Math.max(0, config.horizon - (flow.quietBeforeHorizon ?? DEFAULT_GENERATED_MAIL_FLOW.quietBeforeHorizon ?? 0));
    const external = Math.min(1, Math.max(0, flow.externalShareOfReceived));
    if (stopAt > 0 && external > 0) later('external', stopAt);
    if (stopAt > 0 && external < 1) later('internal', stopAt);
  }
  const users = new Set(migratedMailboxes(config).map((mailbox) => mailbox.address.toLowerCase()));
  for (const message of config.mailFlow.explicit) later(users.has(message.from.toLowerCase()) ? 'internal' : 'external', message.at);
  return result;
}

/**
 * An upper bound on the last moment mail can land on an on-prem mailbox, or undefined when
 * none does: external mail until every sender sees the new MX (the switch plus the worst-case
 * old-MX window), internal mail until the last Outlook profile has left the old server.
 */
export function lastOnPremLanding(config: SimulationConfig, timeline: Timeline): Millis | undefined {
  const sends = lastSends(config);
  const switched = first(timeline, 'switchMx')?.moment;
  const externalCut = switched ? range(switched, timeline.bounds).high + timeline.oldMxWindow : Infinity;
  // Users never moved keep reading on-prem (their mail is delivered there); the cut is when the last one moves.
  const internalCut = profilesMovedLatest(config, timeline);
  const landings = [
    sends.external === undefined ? -Infinity : Math.min(sends.external, externalCut),
    sends.internal === undefined ? -Infinity : Math.min(sends.internal, internalCut),
  ];
  const last = Math.max(...landings);
  return Number.isFinite(last) ? last : undefined;
}

export function horizonRules(config: SimulationConfig, timeline: Timeline): Finding[] {
  const { anchors, bounds } = timeline;
  const started = anchors.batchStarted;
  if (!started || !anchors.initialSyncDone || migratedMailboxes(config).length === 0) return [];
  const horizon = config.horizon;
  const m = config.migration;
  // No cloud mailbox before the horizon: the on-prem mailbox stays the live one (delivered there).
  const firstProvisioned = range(started, bounds).low + m.queueDelayMin + m.provisioningDuration;
  if (firstProvisioned >= horizon) return [];
  const removal = first(timeline, 'removeBatch')?.moment;
  const removedBy = removal ? range(removal, bounds).high : Infinity;
  // A stop halts every pass (PS-Stop-MigrationBatch); a later Start is not counted on.
  const stoppedFrom = Math.min(Infinity, ...all(timeline, 'stopBatch').map((step) => range(step.moment!, bounds).low));
  const stopped = stoppedFrom < Math.min(horizon, removedBy);
  // The batch surely gone before the horizon: what it did not copy is stranded (the removal rules).
  if (!stopped && removedBy <= horizon) return [];
  const landing = lastOnPremLanding(config, timeline);
  if (landing === undefined) return [];
  const syncDone = range(anchors.initialSyncDone, bounds).high;
  // Mail that surely lands before any snapshot goes with the initial copy; later mail waits for the next pass.
  const beforeAnySnapshot = landing < range(started, bounds).low + m.queueDelayMin + m.provisioningDuration;
  const wait = finalPassBound(config);
  const copiedBy = beforeAnySnapshot ? syncDone : Math.max(landing, syncDone) + wait;
  if (stopped && copiedBy > stoppedFrom) {
    return [finding('schedule.batch-stopped-before-final-pass', 'error', STEP.remove,
      `the batch may be stopped at T+${formatDurationForPeople(Math.max(0, stoppedFrom))} while mail landing on the on-prem mailboxes (up to T+${formatDurationForPeople(Math.max(0, landing))}) still needs a sync pass (done by T+${formatDurationForPeople(copiedBy)} at the latest): a stopped batch runs no syncs, so that mail never reaches the cloud mailboxes`,
      'do not stop the batch while mail can still reach the on-prem server; delete it `after: recommended-batch-removal` instead',
      { at: Math.max(0, stoppedFrom) })];
  }
  if (copiedBy <= horizon) return [];
  return [finding('schedule.horizon-cuts-final-sync', 'error', STEP.remove,
    `mail may still land on the on-prem mailboxes of migrated users up to T+${formatDurationForPeople(Math.max(0, landing))}, and the incremental sync that copies it may finish up to T+${formatDurationForPeople(copiedBy)} (initial sync done by T+${formatDurationForPeople(syncDone)}, then up to ${formatDurationForPeople(wait)} for the next completed pass), after the horizon (T+${formatDurationForPeople(horizon)}): that mail never reaches the live mailbox in the run and counts as lost`,
    `run longer (\`horizon\` of at least ${formatDurationForPeople(copiedBy)}), or delete the batch before the horizon (\`after: recommended-batch-removal\`, with the switch early enough), so every pass is done in the run`,
    { at: Math.max(0, Math.min(landing, horizon)) })];
}
