import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { HOUR } from '../../../sim/index.js';
import { ACTION_TYPES as MODEL_ACTION_TYPES } from '../../../model/simulation/admin-actions.js';
import {
  ACTION_TYPES, adminTimelineArbitrary, anyTimelineArbitrary, applyTimelineMutations, TEXTBOOK_TIMELINE, timelineMutationArbitrary,
} from '../../../testing/arbitraries/index.js';

describe('admin timelines', () => {
  test('know every action the simulation knows', () => {
    expect([...ACTION_TYPES].sort()).toEqual([...MODEL_ACTION_TYPES].sort());
  });

  test.prop([fc.array(timelineMutationArbitrary(), { maxLength: 5 })], { numRuns: 200 })('mutations never change the base plan, and timings stay whole minutes ≥ 0', (mutations) => {
    const before = JSON.stringify(TEXTBOOK_TIMELINE);
    const plan = applyTimelineMutations(TEXTBOOK_TIMELINE, mutations);
    expect(JSON.stringify(TEXTBOOK_TIMELINE)).toBe(before);
    for (const action of plan) {
      const time = 'at' in action.timing ? action.timing.at : action.timing.delay;
      expect(Number.isSafeInteger(time) && time >= 0).toBe(true);
      if (action.action === 'setMxTtl') expect(action.ttl).toBeGreaterThan(0);
    }
  });

  test('no mutation is the base plan itself', () => {
    expect(applyTimelineMutations(TEXTBOOK_TIMELINE, [])).toEqual(TEXTBOOK_TIMELINE);
  });

  test('a swap exchanges two timings (a wrong order)', () => {
    const plan = applyTimelineMutations(TEXTBOOK_TIMELINE, [{ kind: 'swap', index: 4, other: 7 }]);
    expect(plan[4]!.timing).toEqual(TEXTBOOK_TIMELINE[7]!.timing);
    expect(plan[7]!.timing).toEqual(TEXTBOOK_TIMELINE[4]!.timing);
  });

  test('a failure shrinks to the textbook with one change (one entry moved, two swapped, or one added)', () => {
    // "the batch is never removed before 2 h" fails only on a mutated timeline
    const early = (plan: ReturnType<typeof applyTimelineMutations>) => plan.some((action) => action.action === 'removeBatch' && 'at' in action.timing && action.timing.at < 2 * HOUR);
    const outcome = fc.check(fc.property(adminTimelineArbitrary(), (plan) => !early(plan)), { seed: 5, numRuns: 2_000 });
    expect(outcome.failed).toBe(true);
    const [plan] = outcome.counterexample!;
    const changed = plan.filter((action, index) => JSON.stringify(action) !== JSON.stringify(TEXTBOOK_TIMELINE[index]));
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(plan.length - TEXTBOOK_TIMELINE.length).toBeLessThanOrEqual(1);
    expect(changed).toContainEqual({ action: 'removeBatch', timing: { at: 0 } });
  });

  test.prop([anyTimelineArbitrary()], { numRuns: 100 })('any timeline has only known actions', (plan) => {
    for (const action of plan) expect(ACTION_TYPES).toContain(action.action);
  });
});
