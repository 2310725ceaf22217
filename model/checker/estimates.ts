import { DAY, HOUR, MINUTE, type Millis } from '../../sim/index.js';
import type { PlannedAction, SimulationConfig } from '../config.js';
import { addBusinessTime } from '../clients/index.js';
import { DEFAULT_CLIENTS } from '../defaults.js';
import { isMailbox, type Mailbox } from '../organisation.js';
import { sharedCapacityBytesPerHour } from '../migration/index.js';

/**
 * Closed-form bounds the checker uses instead of simulating. The "low" ends are what the
 * service cannot beat; the "high" ends are deliberately pessimistic, so a plan that passes
 * against them is safe for almost every seed (the checker must be at least as strict as
 * the simulator).
 */

/** One-sided normal quantile for 10%: a slow mailbox's rate is median × e^(-1.2816 σ). */
const Z_10 = 1.2816;
/** dns §6.4: ≈ 75 KB per message (Exchange sizing guidance). */
export const AVERAGE_MESSAGE_BYTES = 75 * 1024;
/** Chance allowed that the last Outlook profile moves later than the bound (assumption). */
const PROFILE_TAIL = 1e-3;

export const migratedMailboxes = (config: SimulationConfig): Mailbox[] => config.organisation.recipients.filter(isMailbox);

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Bounds on the initial sync: from the batch start to the last mailbox Synced. */
export function initialSyncBounds(config: SimulationConfig): { low: Millis; high: Millis } {
  const m = config.migration;
  const mailboxes = migratedMailboxes(config);
  const slots = Math.max(1, config.endpoint.maxConcurrentMigrations);
  const shared = Math.max(1, sharedCapacityBytesPerHour(config.organisation.server));
  const fastRate = Math.min(m.mailboxThroughputMaxBytesPerHour, shared);
  const slowRate = Math.min(
    clamp(m.mailboxThroughputMedianBytesPerHour * Math.exp(-Z_10 * m.mailboxThroughputSigma), m.mailboxThroughputMinBytesPerHour, m.mailboxThroughputMaxBytesPerHour),
    shared / slots,
  );
  const work = (mailbox: Mailbox, rate: number) => (mailbox.sizeBytes / rate) * HOUR + mailbox.itemCount * m.perItemOverhead + m.provisioningDuration;
  const totalBytes = mailboxes.reduce((sum, mailbox) => sum + mailbox.sizeBytes, 0);

  const largestFast = Math.max(0, ...mailboxes.map((mailbox) => work(mailbox, fastRate)));
  const low = m.queueDelayMin + Math.max(largestFast, (totalBytes / Math.min(shared, slots * fastRate)) * HOUR);

  // Longest-processing-time list scheduling on the slots, every mailbox at a slow rate.
  const finish = new Array<number>(Math.min(slots, Math.max(1, mailboxes.length))).fill(0);
  for (const duration of mailboxes.map((mailbox) => work(mailbox, slowRate)).sort((a, b) => b - a)) {
    let earliest = 0;
    for (let slot = 1; slot < finish.length; slot++) if ((finish[slot] ?? 0) < (finish[earliest] ?? 0)) earliest = slot;
    finish[earliest] = (finish[earliest] ?? 0) + duration;
  }
  // A single mailbox may draw the slowest rate the service allows (PERF: 0.1 GB/h); LPT starts the largest first.
  const largestSlowest = Math.max(0, ...mailboxes.map((mailbox) => work(mailbox, Math.min(m.mailboxThroughputMinBytesPerHour, shared))));
  const makespan = Math.max((totalBytes / shared) * HOUR, largestSlowest, ...finish);
  const stallFactor = 1 + (m.stallsPerHour * m.stallDuration) / HOUR;
  // Directory objects (groups, contacts, mail users) take a queue delay and a provisioning too.
  const high = m.queueDelayMax + Math.max(m.provisioningDuration, makespan * stallFactor + (m.stallsPerHour > 0 ? m.stallDuration : 0));
  // Whole minutes: the bounds are estimates, and findings print them.
  return { low: Math.floor(low / MINUTE) * MINUTE, high: Math.ceil(high / MINUTE) * MINUTE };
}

/**
 * How long after the last moment mail can land on-prem until every mailbox has finished a
 * pass that started after it: the next pass starts within one interval plus jitter, then
 * waits for an incremental slot; passes carry about a day of mail each (dns §7.4 volumes).
 */
export function finalPassBound(config: SimulationConfig): Millis {
  const m = config.migration;
  const users = Math.max(1, migratedMailboxes(config).length);
  const flow = config.mailFlow.generated;
  const window = (m.incrementalInterval + m.incrementalJitter) / DAY;
  const meanMessages = flow ? flow.messagesPerUserPerDay * Math.exp((flow.volumeSigma ** 2) / 2) * window : 0;
  const heavyMessages = flow ? flow.messagesPerUserPerDay * Math.exp(3 * flow.volumeSigma) * window : 0;
  const explicit = config.mailFlow.explicit.length;
  const pass = (messages: number) => ((messages * AVERAGE_MESSAGE_BYTES) / m.mailboxThroughputMinBytesPerHour) * HOUR + messages * m.perItemOverhead;
  const rounds = Math.ceil(users / Math.max(1, config.endpoint.maxConcurrentIncrementalSyncs));
  const stall = m.stallsPerHour > 0 ? m.stallDuration : 0;
  const bound = m.incrementalInterval + m.incrementalJitter + rounds * pass(meanMessages) + pass(heavyMessages + explicit) + stall + m.queueDelayMax;
  return Math.ceil(bound / MINUTE) * MINUTE;
}

/** A bound on how long a self-service rebuild takes after the rollout starts (exponential delays, the slowest of all users). */
export function profileMoveBound(config: SimulationConfig): Millis {
  const users = Math.max(1, migratedMailboxes(config).length);
  return Math.ceil((config.clients.meanReconfigureDelay * (Math.log(users) + Math.log(1 / PROFILE_TAIL))) / MINUTE) * MINUTE;
}

/**
 * A bound on how long after a `rebuild-outlook-profiles` action the last profile is rebuilt:
 * 0 for every desk at once; at a rate, every desk by IT in business hours (the worst start in
 * the week) or a self-service rebuild, whichever is slower.
 */
export function rolloutBound(config: SimulationConfig, action: PlannedAction): Millis {
  if (action.rate === undefined) return 0;
  const users = migratedMailboxes(config).length;
  const deskHours = Math.max(0, users - 1) / action.rate;
  const flow = config.mailFlow.generated;
  const week = { startWeekday: flow?.startWeekday ?? 0, startHour: flow?.startHour ?? 0 };
  const hours = config.clients.businessHours ?? DEFAULT_CLIENTS.businessHours!;
  let desks = 0;
  for (let start = 0; start < 7 * DAY; start += HOUR) desks = Math.max(desks, addBusinessTime(start, Math.round(deskHours * HOUR), week, hours) - start);
  const self = (action.selfService ?? 0) > 0 ? profileMoveBound(config) : 0;
  return Math.ceil(Math.max(desks + HOUR, self) / MINUTE) * MINUTE;
}
