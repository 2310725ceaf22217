import fc from 'fast-check';
import { MINUTE, type Millis } from '../../sim/index.js';
import type { DeclaredFault } from '../../model/config.js';

/**
 * Declared faults (an on-prem outage, the DNS authorities unreachable) inside the horizon.
 * Usually none; shrinks toward none, then toward one short outage at T+0.
 */
export interface FaultDraw {
  kind: DeclaredFault['kind'];
  fromMinute: number;
  lengthMinutes: number;
}

export const faultDraws = (maxFaults = 2): fc.Arbitrary<FaultDraw[]> =>
  fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant<FaultDraw[]>([]), weight: 5 },
    {
      arbitrary: fc.array(
        fc.record({ kind: fc.constantFrom<DeclaredFault['kind']>('onPremOutage', 'dnsAuthorityOutage'), fromMinute: fc.nat({ max: 7 * 24 * 60 }), lengthMinutes: fc.integer({ min: 1, max: 12 * 60 }) }),
        { minLength: 1, maxLength: Math.max(1, maxFaults) },
      ),
      weight: 1,
    },
  );

/** Places fault draws inside the horizon (start modulo the horizon, end clamped to it). */
export function buildFaults(horizon: Millis, draws: readonly FaultDraw[]): DeclaredFault[] {
  const lastMinute = Math.max(1, Math.floor(horizon / MINUTE));
  return draws.map((draw) => {
    const from = draw.fromMinute % lastMinute;
    return { kind: draw.kind, from: from * MINUTE, until: Math.min(lastMinute, from + draw.lengthMinutes) * MINUTE };
  });
}

/**
 * Declared faults (an on-prem outage, the DNS authorities unreachable) inside the horizon.
 * Usually none; shrinks toward none, then toward one short outage at T+0.
 */
export const declaredFaultsArbitrary = (horizon: Millis, maxFaults = 2): fc.Arbitrary<DeclaredFault[]> => faultDraws(maxFaults).map((draws) => buildFaults(horizon, draws));
