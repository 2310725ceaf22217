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

describe('Scheduler.post', () => {
  it('runs posted events in the same (time, sequence) order as scheduled ones, and traces them alike', async () => {
    const { Trace } = await import('../../sim/index.js');
    const run = (usePost: boolean) => {
      const trace = new Trace();
      const scheduler = new Scheduler({ trace });
      const log: string[] = [];
      let left = 200;
      const tick = (entity: number, now: number) => {
        log.push(`${entity}@${now}`);
        if (left-- <= 0) return;
        const next = now + ((entity * 7 + now) % 13);
        if (usePost) scheduler.post(next, 'tick', entity, tick, entity);
        else scheduler.at(next, 'tick', entity, tick, entity);
      };
      for (let entity = 0; entity < 5; entity++) scheduler.at(entity % 3, 'tick', entity, tick, entity);
      scheduler.runUntilIdle();
      return { log, hash: trace.hash(), processed: scheduler.processedCount, pending: scheduler.pendingCount };
    };
    const posted = run(true);
    expect(posted).toEqual(run(false));
    expect(posted.processed).toBe(205); // 5 first events and 200 follow-ups
    expect(posted.pending).toBe(0);
  });

  it('refuses the past and fractional times like `at`', () => {
    const scheduler = new Scheduler();
    scheduler.runUntil(100);
    expect(() => scheduler.post(99, 'late', 0, () => {}, null)).toThrow(/before now/);
    expect(() => scheduler.post(100.5, 'odd', 0, () => {}, null)).toThrow(/integer/);
  });
});
