import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, Scheduler, type Millis } from '../../../sim/index.js';
import { PlanRunner, RemovalReadiness } from '../../../model/plan/index.js';
import type { PlannedAction } from '../../../model/config.js';

describe('PlanRunner', () => {
  it('runs absolute actions at their time and anchored ones after their anchor, once', () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    const plan: PlannedAction[] = [
      { action: 'switchMx', timing: { after: 'initialSyncDone', delay: HOUR } },
      { action: 'publishVerificationTxt', timing: { at: 5 * MINUTE } },
      { action: 'verifyDomain', timing: { after: 'start', delay: 20 * MINUTE } },
      { action: 'removeBatch', timing: { after: 'recommendedBatchRemoval', delay: 0 } },
    ];
    const runner = new PlanRunner({ scheduler, plan, execute: (action, index, at) => ran.push(`${action.action}#${index}@${at / MINUTE}m`) });
    runner.start();
    scheduler.runUntil(2 * HOUR);
    runner.fire('initialSyncDone', 2 * HOUR);
    runner.fire('initialSyncDone', 5 * HOUR); // only the first counts
    scheduler.runUntilIdle();
    expect(ran).toEqual(['publishVerificationTxt#1@5m', 'verifyDomain#2@20m', 'switchMx#0@180m']);
    expect(runner.firedAt('initialSyncDone')).toBe(2 * HOUR);
    expect(runner.unscheduled().map((entry) => [entry.index, entry.anchor])).toEqual([[3, 'recommendedBatchRemoval']]);
  });

  it('refuses unknown anchors and negative times as input errors', () => {
    const scheduler = new Scheduler();
    const execute = () => {};
    expect(() => new PlanRunner({ scheduler, execute, plan: [{ action: 'switchMx', timing: { after: 'lunch' as 'start', delay: 0 } }] })).toThrow(/PLAN_ANCHOR_UNKNOWN|unknown anchor/);
    expect(() => new PlanRunner({ scheduler, execute, plan: [{ action: 'switchMx', timing: { after: 'start', delay: -1 } }] })).toThrow(/whole milliseconds/);
  });
});

describe('RemovalReadiness', () => {
  const setup = (window: Millis, clientsMovedAt?: Millis) => {
    const scheduler = new Scheduler();
    const ready: Millis[] = [];
    const readiness = new RemovalReadiness({
      scheduler, oldMxWindow: () => window, clientsAllMovedAt: () => clientsMovedAt,
      migratedMailboxes: () => ['a@contoso.com', 'b@contoso.com'], onReady: (at) => ready.push(at),
    });
    return { scheduler, readiness, ready };
  };

  it('waits for a pass after the last old-MX moment for every mailbox, and at least 72 hours', () => {
    const { scheduler, readiness, ready } = setup(HOUR);
    scheduler.runUntil(DAY);
    readiness.mxSwitched(DAY);
    expect(readiness.lastOldHostMoment()).toBe(DAY + HOUR);
    scheduler.runUntil(2 * DAY);
    readiness.syncPass('a@contoso.com', DAY + 2 * HOUR);
    readiness.syncPass('b@contoso.com', DAY + 2 * HOUR);
    expect(ready).toEqual([]); // passes are fine, but 72 h have not passed
    scheduler.runUntilIdle();
    expect(ready).toEqual([4 * DAY]);
    expect(readiness.recommendedAt()).toBe(4 * DAY);
  });

  it('re-reads the migrated mailboxes only when told they changed', () => {
    const scheduler = new Scheduler();
    const ready: Millis[] = [];
    let migrated = ['a@contoso.com'];
    const readiness = new RemovalReadiness({ scheduler, oldMxWindow: () => HOUR, clientsAllMovedAt: () => undefined, migratedMailboxes: () => migrated, onReady: (at) => ready.push(at) });
    readiness.mxSwitched(0);
    scheduler.runUntil(3 * DAY); // the 72-hour check runs and finds a@ without a late enough pass
    migrated = ['a@contoso.com', 'b@contoso.com'];
    readiness.changed();
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', 4 * DAY);
    expect(ready).toEqual([]); // b@ joined the list: it still needs its pass
    readiness.syncPass('b@contoso.com', 4 * DAY);
    expect(ready).toEqual([4 * DAY]);
  });

  it('needs every migrated mailbox past the moment the last Outlook left on-prem', () => {
    const { scheduler, readiness, ready } = setup(HOUR, 5 * DAY);
    readiness.mxSwitched(0);
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', 4 * DAY);
    readiness.syncPass('b@contoso.com', 4 * DAY);
    expect(ready).toEqual([]);
    scheduler.runUntil(6 * DAY);
    readiness.syncPass('a@contoso.com', 5 * DAY + HOUR);
    expect(ready).toEqual([]);
    readiness.syncPass('b@contoso.com', 5 * DAY + HOUR);
    expect(ready).toEqual([6 * DAY]);
  });
});
