import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../sim/index.js';
import {
  assertInvariant, loweringTtlEarlierSendsNoMoreToOldHost, moreConcurrencyNeverSlower, realEngine, removingLaterLosesNoMore, scenarioArbitrary,
} from '../../testing/index.js';

/** Metamorphic properties (issue 7): the same scenario and seed, one knob moved. */
const simulate = realEngine.simulate;
const hours = (max: number) => fc.integer({ min: 1, max }).map((count) => count * HOUR);

describe('metamorphic, same seed', () => {
  test.prop([scenarioArbitrary(), hours(48)], { numRuns: 40 })('removing the batch later never loses more', (config, by) => {
    assertInvariant(removingLaterLosesNoMore(config, by, simulate));
  });

  test.prop([scenarioArbitrary(), fc.integer({ min: 1, max: 24 * 60 }).map((minutes) => minutes * MINUTE)], { numRuns: 40 })(
    'lowering the TTL earlier never sends more mail to the old host after the switch plus the new TTL',
    (config, by) => {
      assertInvariant(loweringTtlEarlierSendsNoMoreToOldHost(config, by, simulate));
    },
  );

  test.prop([scenarioArbitrary({ limits: { minHorizon: DAY, maxHorizon: 2 * DAY } }), fc.integer({ min: 1, max: 40 })], { numRuns: 40 })('more concurrency never finishes the initial sync later', (config, extra) => {
    assertInvariant(moreConcurrencyNeverSlower(config, extra, simulate));
  });
});
