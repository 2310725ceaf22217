import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { Scheduler } from '../../sim/index.js';

const record = (log: string[]) => (label: string) => log.push(label);

describe('Scheduler', () => {
  it('runs events by time, then by insertion order', () => {
    const scheduler = new Scheduler();
    const log: string[] = [];
    const push = record(log);
    scheduler.at(20, 'e', 'b', push, 'b@20');
    scheduler.at(10, 'e', 'a', push, 'a@10');
    scheduler.at(20, 'e', 'c', push, 'c@20');
    scheduler.at(10, 'e', 'd', push, 'd@10');
    expect(scheduler.runUntilIdle()).toBe('idle');
    expect(log).toEqual(['a@10', 'd@10', 'b@20', 'c@20']);
    expect(scheduler.now()).toBe(20);
    expect(scheduler.processedCount).toBe(4);
  });

  it('schedules after a delay from the current time', () => {
    const scheduler = new Scheduler();
    const times: number[] = [];
    scheduler.at(100, 'e', 0, (_: null, now) => {
      times.push(now);
      scheduler.after(50, 'e', 0, (__: null, later) => times.push(later), null);
    }, null);
    scheduler.runUntilIdle();
    expect(times).toEqual([100, 150]);
  });

  it('refuses the past, negative delays and fractional times', () => {
    const scheduler = new Scheduler();
    scheduler.runUntil(1_000);
    expect(() => scheduler.at(999, 'late', 0, () => {}, null)).toThrow(/before now/);
    expect(() => scheduler.after(-1, 'late', 0, () => {}, null)).toThrow(/negative/);
    expect(() => scheduler.at(1_000.5, 'odd', 0, () => {}, null)).toThrow(/integer/);
    expect(() => scheduler.runUntil(10)).toThrow(/before now/);
  });

  it('cancels pending events and ignores late cancels', () => {
    const scheduler = new Scheduler();
    const log: string[] = [];
    const push = record(log);
    const first = scheduler.at(10, 'e', 0, push, 'first');
    const second = scheduler.at(20, 'e', 0, push, 'second');
    expect(scheduler.pendingCount).toBe(2);
    scheduler.cancel(second);
    scheduler.cancel(second);
    expect(scheduler.pendingCount).toBe(1);
    scheduler.runUntilIdle();
    scheduler.cancel(first);
    expect(log).toEqual(['first']);
    expect(scheduler.pendingCount).toBe(0);
  });

  it('runs until a time, advancing the clock even without events', () => {
    const scheduler = new Scheduler();
    const log: string[] = [];
    scheduler.at(10, 'e', 0, record(log), 'x');
    scheduler.at(30, 'e', 0, record(log), 'y');
    expect(scheduler.runUntil(20)).toBe('time-reached');
    expect(log).toEqual(['x']);
    expect(scheduler.now()).toBe(20);
    expect(scheduler.peekTime()).toBe(30);
    scheduler.runUntil(100);
    expect(scheduler.now()).toBe(100);
    expect(log).toEqual(['x', 'y']);
  });

  it('runs a given number of steps', () => {
    const scheduler = new Scheduler();
    const log: string[] = [];
    for (let index = 0; index < 5; index++) scheduler.at(index, 'e', index, record(log), String(index));
    expect(scheduler.step(2)).toBe('step-limit');
    expect(log).toEqual(['0', '1']);
    expect(scheduler.step()).toBe('step-limit');
    expect(log).toEqual(['0', '1', '2']);
    expect(scheduler.runUntilIdle(10)).toBe('idle');
    expect(log).toHaveLength(5);
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 60 })], { numRuns: 100 })(
    'pops in (time, sequence) order and skips exactly the cancelled events',
    (plan) => {
      const scheduler = new Scheduler();
      const seen: number[] = [];
      const events = plan.map(([time], index) => scheduler.at(time, 'e', index, (i: number) => seen.push(i), index));
      plan.forEach(([, cancel], index) => cancel && scheduler.cancel(events[index]));
      scheduler.runUntilIdle();
      const expected = plan
        .map(([time, cancel], index) => ({ time, cancel, index }))
        .filter((entry) => !entry.cancel)
        .sort((a, b) => a.time - b.time || a.index - b.index)
        .map((entry) => entry.index);
      expect(seen).toEqual(expected);
    },
  );
});
