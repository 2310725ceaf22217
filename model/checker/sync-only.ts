import { DAY, HOUR, RandomStreams, Scheduler, type Millis } from '../../sim/index.js';
import type { SimulationConfig } from '../config.js';
import { createMigrationService } from '../migration/index.js';

/**
 * How long the initial sync takes for one seed, run on the migration service alone (no
 * mail, no DNS, no senders): the batch is created and started at T+0 in a tenant that is
 * ready for it. Much faster than a whole simulation, and the sync engine is the same.
 * Undefined when the endpoint or the batch is refused, or the sync does not finish within `limit`.
 */
export function initialSyncDuration(config: SimulationConfig, seed: number, limit: Millis = 120 * DAY): Millis | undefined {
  const scheduler = new Scheduler();
  const groups = new Set(config.tenant.preCreatedSecurityGroups.map((group) => group.toLowerCase()));
  const service = createMigrationService({
    scheduler,
    random: new RandomStreams(seed),
    config: { ...config, seed, tenant: { ...config.tenant, directorySync: false, existingCutoverBatch: false } },
    tenant: {
      isDomainVerified: () => true,
      isDirectorySyncEnabled: () => false,
      isSecurityGroupPreCreated: (address) => groups.has(address.toLowerCase()),
    },
    listener: { onBatchStatus: () => {}, onProvisioned: () => {}, onSyncPass: () => {}, onMailboxFailed: () => {} },
  });
  if (!service.createEndpoint().ok) return undefined;
  if (!service.createBatch('Recommendation', true).ok) return undefined;
  // Incremental passes go on for ever once the sync is done, so run in steps and stop at the first answer.
  for (let until = HOUR; until <= limit; until += 6 * HOUR) {
    scheduler.run(until);
    const done = service.initialSyncDoneAt();
    if (done !== undefined) return done;
  }
  return undefined;
}
