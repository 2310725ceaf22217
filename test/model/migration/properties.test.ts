import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { HOUR, type Millis } from '../../../sim/index.js';
import type { BatchStatus } from '../../../model/result.js';
import { deterministic, GB, harness, mailboxes, makeConfig, type Harness } from './fixtures.js';

type Step = { afterHours: number; command: 'start' | 'stop' | 'remove' | 'arrival'; bytes: number; mailbox: number };

const stepArbitrary = fc.record({
  afterHours: fc.integer({ min: 0, max: 30 }),
  command: fc.constantFrom('start', 'stop', 'remove', 'arrival'),
  bytes: fc.integer({ min: 0, max: 50_000_000 }),
  mailbox: fc.nat(5),
}) as fc.Arbitrary<Step>;

const scenarioArbitrary = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  mailboxCount: fc.integer({ min: 1, max: 6 }),
  sizeMb: fc.integer({ min: 10, max: 3_000 }),
  initialSlots: fc.integer({ min: 1, max: 4 }),
  incrementalSlots: fc.integer({ min: 1, max: 4 }),
  autoStart: fc.boolean(),
  steps: fc.array(stepArbitrary, { maxLength: 8 }),
});

const QUIET: BatchStatus[] = ['Stopping', 'Stopped', 'Removing', 'Deleted'];

/** Runs one event at a time so invariants are checked after every event. */
function runChecked(h: Harness, until: Millis, check: () => void): void {
  while (h.scheduler.run(until, 1) === 'step-limit') check();
  check();
}

describe('migration service properties', () => {
  test.prop([scenarioArbitrary], {
    numRuns: 40,
    // Saved counterexample: a Stop and a Start in the same millisecond, the new pass snapshotting then.
    examples: [[{ seed: 1, mailboxCount: 1, sizeMb: 10, initialSlots: 1, incrementalSlots: 1, autoStart: true, steps: [{ afterHours: 1, command: 'stop', bytes: 0, mailbox: 0 }, { afterHours: 0, command: 'start', bytes: 0, mailbox: 0 }] }]],
  })('slots stay within concurrency; nothing syncs while stopped or after removal', (scenario) => {
    const h = harness(makeConfig(mailboxes(scenario.mailboxCount, { sizeBytes: scenario.sizeMb * 1024 ** 2 }), (config) => {
      config.seed = scenario.seed;
      config.endpoint.maxConcurrentMigrations = scenario.initialSlots;
      config.endpoint.maxConcurrentIncrementalSyncs = Math.min(scenario.incrementalSlots, scenario.initialSlots);
      config.migration.stallsPerHour = 0.5; // make stalls frequent enough to matter
    }));
    const { maxConcurrentMigrations, maxConcurrentIncrementalSyncs } = h.config.endpoint;
    expect(h.service.createEndpoint().ok).toBe(true);
    expect(h.service.createBatch('PropertyBatch', scenario.autoStart).ok).toBe(true);
    let passesAtRemoval: number | undefined;
    const check = (): void => {
      const slots = h.service.slotsInUse();
      expect(slots.initial).toBeLessThanOrEqual(maxConcurrentMigrations);
      expect(slots.incremental).toBeLessThanOrEqual(maxConcurrentIncrementalSyncs);
      const status = h.service.batchStatus();
      if (status !== 'None' && QUIET.includes(status)) {
        expect(slots).toEqual({ initial: 0, incremental: 0 });
        expect(h.service.batchCounts().active).toBe(0);
      }
      if (passesAtRemoval !== undefined) expect(h.recorded.passes.length).toBe(passesAtRemoval);
    };
    for (const step of scenario.steps) {
      runChecked(h, h.scheduler.now() + step.afterHours * HOUR, check);
      if (step.command === 'arrival') h.service.recordOnPremArrival(`user${step.mailbox % scenario.mailboxCount}@contoso.com`, step.bytes);
      else {
        const result = step.command === 'start' ? h.service.startBatch() : step.command === 'stop' ? h.service.stopBatch() : h.service.removeBatch();
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
        if (step.command === 'remove' && result.ok) passesAtRemoval = h.recorded.passes.length;
      }
      check();
    }
    runChecked(h, h.scheduler.now() + 4 * 24 * HOUR, check);

    // Every pass ran wholly inside an active period: the batch was active at its snapshot and no
    // Stop/Remove status came before its completion. The history is in event order, so a Stop and
    // a Start in the same millisecond as the snapshot are told apart by their place in it.
    const history = h.service.statusHistory();
    for (const pass of h.recorded.passes) {
      let atSnapshot = 0;
      while (atSnapshot + 1 < history.length && history[atSnapshot + 1]!.at <= pass.snapshotAt) atSnapshot++;
      const quietDuring = QUIET.includes(history[atSnapshot]!.status)
        || history.slice(atSnapshot + 1).some((entry) => QUIET.includes(entry.status) && entry.at < pass.completedAt);
      expect(quietDuring, `pass of ${pass.address} ${pass.snapshotAt}-${pass.completedAt}`).toBe(false);
    }
  });

  test.prop(
    [fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 4 })],
    { numRuns: 25 },
  )('with randomness off, the initial makespan of N equal mailboxes on c slots is ceil(N/c) × size/throughput within 5%', (count, slots, sizeGb) => {
    const h = harness(makeConfig(mailboxes(count, { sizeBytes: sizeGb * GB, itemCount: 100 }), (config) => {
      deterministic(config);
      config.endpoint.maxConcurrentMigrations = slots;
      config.endpoint.maxConcurrentIncrementalSyncs = slots;
    }));
    expect(h.service.createEndpoint().ok).toBe(true);
    expect(h.service.createBatch('Makespan', true).ok).toBe(true);
    while (h.service.initialSyncDoneAt() === undefined && h.scheduler.now() < 60 * 24 * HOUR) h.scheduler.runUntil(h.scheduler.now() + HOUR);
    const measured = h.service.initialSyncDuration();
    expect(measured).toBeDefined();
    const expected = (Math.ceil(count / slots) * (sizeGb * GB)) / h.config.migration.mailboxThroughputMedianBytesPerHour * HOUR;
    expect(Math.abs(measured! - expected) / expected).toBeLessThan(0.05);
  });
});
