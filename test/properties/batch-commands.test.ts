import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MINUTE, RandomStreams, Scheduler } from '../../sim/index.js';
import { createMigrationService, type BatchCommand, type CommandResult, type MigrationService } from '../../model/migration/index.js';
import type { SimulationConfig } from '../../model/config.js';
import { smallConfig, testMailbox } from '../fixtures/config.js';
import { accepts, AFTER_COMMAND, reachableByTime, type BatchModel } from './batch-reference-model.js';

/**
 * Model-based test (issue 7): random sequences of admin commands and waits against the
 * migration service, compared with a small reference model of the batch. A failure prints
 * the seed, the path and the command list (with its replayPath); replay with
 * `{ seed, path, endOnFailure: true }` and `fc.commands(..., { replayPath })`.
 */

interface Real {
  scheduler: Scheduler;
  service: MigrationService;
}

function realFor(config: SimulationConfig, createFirst: boolean): Real {
  const scheduler = new Scheduler();
  const service = createMigrationService({
    scheduler, random: new RandomStreams(config.seed), config,
    tenant: { isDomainVerified: () => true, isDirectorySyncEnabled: () => false, isSecurityGroupPreCreated: () => true },
    listener: { onBatchStatus: () => {}, onProvisioned: () => {}, onSyncPass: () => {}, onMailboxFailed: () => {} },
  });
  const endpoint = service.createEndpoint();
  if (!endpoint.ok) throw new Error(`the test endpoint should be accepted: ${endpoint.reason}`);
  if (createFirst && !service.createBatch('CutoverBatch', true).ok) throw new Error('the first batch should be accepted');
  return { scheduler, service };
}

const run = (service: MigrationService, command: BatchCommand, autoStart: boolean): CommandResult => {
  switch (command) {
    case 'create': return service.createBatch('CutoverBatch', autoStart);
    case 'start': return service.startBatch();
    case 'stop': return service.stopBatch();
    case 'complete': return service.completeBatch();
    case 'remove': return service.removeBatch();
  }
};

class AdminCommand implements fc.Command<BatchModel, Real> {
  constructor(readonly command: BatchCommand, readonly autoStart: boolean) {}
  check = () => true;
  run(model: BatchModel, real: Real): void {
    const before = real.service.batchStatus();
    expect(before).toBe(model.status);
    const expected = accepts(model, this.command);
    const allowed = real.service.allowedCommands().find((entry) => entry.command === this.command)!;
    const result = run(real.service, this.command, this.autoStart);
    expect(result.ok).toBe(expected);
    expect(allowed.allowed).toBe(expected); // the dashboard's buttons say the same
    if (!result.ok) {
      expect(result.reason.length).toBeGreaterThan(10); // refused with a reason, never silently
      expect(real.service.batchStatus()).toBe(before);
      return;
    }
    if (this.command !== 'complete') model.status = AFTER_COMMAND[this.command];
    expect(real.service.batchStatus()).toBe(model.status);
  }
  toString = () => `${this.command}${this.command === 'create' ? `(autoStart ${this.autoStart})` : ''}`;
}

class Wait implements fc.Command<BatchModel, Real> {
  constructor(readonly duration: number) {}
  check = () => true;
  run(model: BatchModel, real: Real): void {
    real.scheduler.runUntil(real.scheduler.now() + this.duration);
    const now = real.service.batchStatus();
    expect(reachableByTime(model.status, now), `${model.status} → ${now} by time alone`).toBe(true);
    model.status = now;
  }
  toString = () => `wait(${this.duration / MINUTE} min)`;
}

const commands = [
  fc.tuple(fc.constantFrom<BatchCommand>('create', 'start', 'stop', 'complete', 'remove'), fc.boolean()).map(([command, autoStart]) => new AdminCommand(command, autoStart)),
  // short waits see Created and Syncing; long ones reach Synced, the 24-hour incremental passes and beyond
  fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 90, max: 36 * 60 })).map((minutes) => new Wait(minutes * MINUTE)),
];

const setups = fc.record({ createFirst: fc.boolean(), mailboxes: fc.integer({ min: 1, max: 3 }), firstHidden: fc.boolean(), allowStopWhenSynced: fc.boolean(), seed: fc.nat({ max: 1_000 }) });

describe('the batch against its reference model', () => {
  test.prop([setups, fc.commands(commands, { maxCommands: 25, size: 'max' })], { numRuns: 100 })('accepts, refuses and moves as the documentation says', (setup, sequence) => {
    const recipients = Array.from({ length: setup.mailboxes }, (_, index) => testMailbox(index + 1, { hidden: index === 0 && setup.firstHidden && setup.mailboxes > 1 }));
    const config = smallConfig({ seed: setup.seed, organisation: { recipients }, migration: { allowStopWhenSynced: setup.allowStopWhenSynced } });
    config.endpoint.testMailbox = recipients[recipients.length - 1]!.address;
    const model: BatchModel = { status: setup.createFirst ? 'Created' : 'None', allowStopWhenSynced: setup.allowStopWhenSynced };
    fc.modelRun(() => ({ model, real: realFor(config, setup.createFirst) }), sequence);
  });

  test('the reference model is not trivially permissive', () => {
    expect(accepts({ status: 'Stopping', allowStopWhenSynced: true }, 'remove')).toBe(false);
    expect(accepts({ status: 'Synced', allowStopWhenSynced: false }, 'stop')).toBe(false);
    expect(reachableByTime('Deleted', 'Created')).toBe(false);
    expect(reachableByTime('Syncing', 'Created')).toBe(false);
    expect(reachableByTime('Stopping', 'Deleted')).toBe(true);
  });
});
