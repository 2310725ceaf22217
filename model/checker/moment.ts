import type { Millis } from '../../sim/index.js';

/**
 * A planned moment without running the plan: a fixed part plus unknown durations (how long
 * the initial sync takes, how long the twin waits before the recommended removal, how long
 * until the next business-window moment such as "next Fri 20:00"), each
 * known only within bounds. Keeping the unknowns symbolic makes "72h after mx-switched"
 * exactly 72 h after the switch, however uncertain the switch itself is.
 */
export type Unknown = 'initialSync' | 'removalWait' | 'windowWait';
export type Bounds = Record<Unknown, { low: Millis; high: Millis }>;

export interface Moment {
  fixed: Millis;
  terms: Partial<Record<Unknown, number>>;
}

export const at = (fixed: Millis): Moment => ({ fixed, terms: {} });

export function plus(moment: Moment, delay: Millis, unknown?: Unknown): Moment {
  const terms = { ...moment.terms };
  if (unknown) terms[unknown] = (terms[unknown] ?? 0) + 1;
  return { fixed: moment.fixed + delay, terms };
}

/** Range of `later - earlier` over every value the unknowns may take. */
export function gap(later: Moment, earlier: Moment, bounds: Bounds): { low: Millis; high: Millis } {
  let low = later.fixed - earlier.fixed;
  let high = low;
  for (const unknown of Object.keys(bounds) as Unknown[]) {
    const weight = (later.terms[unknown] ?? 0) - (earlier.terms[unknown] ?? 0);
    const { low: least, high: most } = bounds[unknown];
    low += weight >= 0 ? weight * least : weight * most;
    high += weight >= 0 ? weight * most : weight * least;
  }
  return { low, high };
}

/** Range of the moment itself (from T+0). */
export const range = (moment: Moment, bounds: Bounds) => gap(moment, at(0), bounds);
