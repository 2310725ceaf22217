import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, Scheduler } from '../../../sim/index.js';
import { PlanRunner } from '../../../model/plan/index.js';
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
