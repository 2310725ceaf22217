import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DAY, HOUR, InputError, MINUTE, SECOND, formatDuration, parseDuration } from '../../sim/index.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90 * SECOND],
    ['15m', 15 * MINUTE],
    ['72h', 72 * HOUR],
    ['30d', 30 * DAY],
    ['1d12h', DAY + 12 * HOUR],
    ['1.5h', 90 * MINUTE],
    ['250ms', 250],
    ['2w', 14 * DAY],
    ['0', 0],
    [' 1h 30m ', 90 * MINUTE],
  ])('reads %s', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each(['', 'abc', '10', '5x', '1h1d', '1h1h', '-5m', '0.0001ms', 'h'])('refuses %j with a clear error', (text) => {
    let caught: unknown;
    try {
      parseDuration(text, { file: 'plan.yaml', path: 'plan[0].at' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.code).toBe('DURATION_INVALID');
    expect(error.message).toContain(JSON.stringify(text));
    expect(error.message).toContain('expected a duration');
    expect(error.describe()).toMatch(/^plan\.yaml: plan\[0\]\.at: invalid duration/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [90 * SECOND, '1m30s'],
    [DAY + 12 * HOUR, '1d12h'],
    [72 * HOUR, '3d'],
    [1500, '1s500ms'],
    [-HOUR, '-1h'],
  ])('prints %d as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test.prop([fc.integer({ min: 0, max: 400 * DAY })], { numRuns: 200 })('round-trips through parseDuration', (ms) => {
    expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
