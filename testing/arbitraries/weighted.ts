import fc from 'fast-check';

/**
 * A value that is usually `usual` and sometimes drawn from `unusual`, shrinking back to
 * `usual` (fc.oneof with cross-shrinking tries the first arbitrary first). Used for the
 * healthy default of each knob, so a shrunk counterexample keeps only the faults it needs.
 */
export function mostly<T>(usual: T, unusual: fc.Arbitrary<T>, unusualWeight = 1, usualWeight = 6): fc.Arbitrary<T> {
  return fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(usual), weight: usualWeight }, { arbitrary: unusual, weight: unusualWeight });
}

/** Whole minutes in [min, max] minutes, as milliseconds; shrinks toward `min`. */
export const minutesBetween = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min, max }).map((minutes) => minutes * 60_000);
