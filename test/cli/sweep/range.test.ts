import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { parseVary } from '../../../cli/index.js';
import { InputError } from '../../../sim/index.js';

describe('parseVary', () => {
  test('numbers with a step', () => {
    expect(parseVary('endpoint.maxConcurrentMigrations=10..50:10')).toMatchObject({
      path: 'endpoint.maxConcurrentMigrations', values: [10, 20, 30, 40, 50], labels: ['10', '20', '30', '40', '50'], durations: false,
    });
  });

  test('durations become milliseconds and keep readable labels', () => {
    const spec = parseVary('plan[removeBatch].timing.delay=0h..72h:24h');
    expect(spec.path).toBe('plan[removeBatch].timing.delay');
    expect(spec.values).toEqual([0, 24, 48, 72].map((hours) => hours * 3_600_000));
    expect(spec.labels).toEqual(['0s', '1d', '2d', '3d']);
  });

  test('without a step: five evenly spaced values, integers kept integral and unique', () => {
    expect(parseVary('x=0..1').values).toEqual([0, 1]);
    expect(parseVary('x=0..100').values).toEqual([0, 25, 50, 75, 100]);
    expect(parseVary('x=0.5..1.5').values).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(parseVary('x=3..3').values).toEqual([3]);
  });

  test.each(['nopath', '=1..2', 'x=1-2', 'x=2..1', 'x=1..2:0', 'x=1h..2q', 'x=0..1000:1'])('refuses %s with a coded error', (text) => {
    expect(() => parseVary(text)).toThrow(InputError);
    try {
      parseVary(text);
    } catch (error) {
      expect((error as InputError).code).toBe('CLI_BAD_VARY');
    }
  });

  test.prop([fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 100 })], { numRuns: 100 })(
    'values stay inside the range, ascend and start at FROM',
    (a, b, step) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      if ((to - from) / step >= 50) return;
      const { values } = parseVary(`k=${from}..${to}:${step}`);
      expect(values[0]).toBe(from);
      for (let index = 1; index < values.length; index++) expect(values[index]! - values[index - 1]!).toBe(step);
      expect(values.at(-1)!).toBeLessThanOrEqual(to);
      expect(to - values.at(-1)!).toBeLessThan(step);
    },
  );
});
