import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
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

describe('metamorphic: saved cases', () => {
  it('removal-before-sync: a batch removed before its initial sync is outside "removing later never loses more"', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../scenarios/index.js');
    const file = new URL('./metamorphic-cases/removal-before-sync.yaml', import.meta.url);
    const config = parseScenario(readFileSync(file, 'utf8'), 'removal-before-sync.yaml').config;
    const early = simulate(config);
    expect(early.messages.lost).toBe(0);
    expect(early.batch.statusHistory.some((entry) => entry.status === 'Synced')).toBe(false);
    // Removed 3 h later the mailbox is migrated, but its user never gets a new profile and keeps
    // reading the on-prem mailbox: the mail landing there is delivered, not stranded (issue 13).
    const later = simulate({ ...config, plan: config.plan.map((action) => (action.action === 'removeBatch' ? { ...action, timing: { at: 40 * MINUTE + 3 * HOUR } } : action)) });
    expect(later.messages.lost + later.messages.stranded).toBe(0);
    expect(later.causes.delivered?.['delivered:on-prem']).toBeGreaterThan(0);
    assertInvariant(removingLaterLosesNoMore(config, 3 * HOUR, simulate));
  });

  it('decommission-follows-removal: mail lost at a decommission anchored on the removal is outside "removing later never loses more"', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../scenarios/index.js');
    const file = new URL('./metamorphic-cases/decommission-follows-removal.yaml', import.meta.url);
    const config = parseScenario(readFileSync(file, 'utf8'), 'decommission-follows-removal.yaml').config;
    const result = simulate(config);
    expect(result.causes.lost?.['lost:server-decommissioned']).toBeGreaterThan(0);
    assertInvariant(removingLaterLosesNoMore(config, HOUR, simulate));
  });
});
