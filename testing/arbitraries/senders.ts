import fc from 'fast-check';
import { HOUR } from '../../sim/index.js';
import type { SenderConfig, SenderProfileName, SenderProfileOverride } from '../../model/config.js';
import { DEFAULT_SENDERS } from '../../model/defaults.js';
import { limitsWith, type ScenarioLimits } from './limits.js';
import { mostly } from './weighted.js';

export const SENDER_PROFILE_NAMES: readonly SenderProfileName[] = ['exchange-onprem', 'exchange-online', 'webmail', 'postfix', 'exim', 'sendmail'];

/**
 * Weights of the sending-MTA profiles (dns §7.2; the default weights are assumed). Shrinks
 * toward the default mix; otherwise one to all profiles with whole-number weights.
 */
export const senderMixArbitrary = (): fc.Arbitrary<SenderConfig['profileMix']> =>
  mostly(
    DEFAULT_SENDERS.profileMix,
    fc
      .uniqueArray(fc.constantFrom(...SENDER_PROFILE_NAMES), { minLength: 1, maxLength: SENDER_PROFILE_NAMES.length })
      .chain((names) => fc.tuple(...names.map(() => fc.integer({ min: 1, max: 10 }))).map((weights) => Object.fromEntries(names.map((name, index) => [name, weights[index]!])) as SenderConfig['profileMix'])),
    1,
    2,
  );

/** A queue lifetime shorter than the profile's own (dns §4.6: 24-48 h for Exchange Online; others days). */
const overrideArbitrary: fc.Arbitrary<SenderProfileOverride> = fc.record({
  queueLifetime: fc.integer({ min: 1, max: 48 }).map((hours) => hours * HOUR),
});

/** A small sender population; rarely with a profile's queue lifetime cut short. */
export function sendersArbitrary(limitOverrides: Partial<ScenarioLimits> = {}): fc.Arbitrary<SenderConfig> {
  const limits = limitsWith(limitOverrides);
  return fc
    .record({
      senderCount: fc.integer({ min: 1, max: Math.max(1, limits.maxSenders) }),
      profileMix: senderMixArbitrary(),
      override: mostly<[SenderProfileName, SenderProfileOverride] | null>(null, fc.tuple(fc.constantFrom(...SENDER_PROFILE_NAMES), overrideArbitrary), 1, 10),
    })
    .map(({ senderCount, profileMix, override }) => {
      const senders: SenderConfig = { senderCount, profileMix };
      if (override !== null) senders.profileOverrides = { [override[0]]: override[1] };
      return senders;
    });
}

