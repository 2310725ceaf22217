import { DAY, MINUTE, SECOND, type Millis } from '../../sim/index.js';
import type { DelayHistogram } from '../result.js';
import type { Ledger, PendingResolution } from './ledger.js';

/** Bucket width for a delay: a second below a minute, a minute below a day, 15 minutes above. */
export function bucketWidth(delay: Millis): Millis {
  return delay < MINUTE ? SECOND : delay < DAY ? MINUTE : 15 * MINUTE;
}

/** The lower edge of the bucket a delay falls in. */
export const bucketOf = (delay: Millis): Millis => Math.floor(delay / bucketWidth(delay)) * bucketWidth(delay);

/**
 * The delivery delay of every delivered message (sent to readable where the user reads
 * mail), counted exactly in buckets: not a sample. Messages still on their way at the
 * horizon count with the moment the horizon rule gives them, as the fate counts do.
 */
export function delayHistogram(ledger: Ledger, resolvePending: (id: number) => PendingResolution): DelayHistogram {
  // Below a day the buckets are few and fixed (60 seconds, 1,440 minutes): counted in arrays, one
  // increment a message; only delays of a day or more, 15-minute buckets, go to a map.
  const seconds = new Float64Array(MINUTE / SECOND);
  const minutes = new Float64Array(DAY / MINUTE);
  const counts = new Map<Millis, number>();
  let total = 0;
  let max = 0;
  for (let id = 0; id < ledger.sentCount; id++) {
    const fate = ledger.fate(id);
    let readable: Millis | undefined;
    if (fate === 'delivered' || fate === 'deliveredLate') readable = ledger.readableAt(id);
    else if (fate === undefined) {
      const resolution = resolvePending(id);
      if ('readableAt' in resolution) readable = resolution.readableAt;
    }
    if (readable === undefined) continue;
    const delay = Math.max(0, readable - ledger.sentTime(id));
    if (delay < MINUTE) seconds[Math.floor(delay / SECOND)]!++;
    else if (delay < DAY) minutes[Math.floor(delay / MINUTE)]!++;
    else {
      const bucket = bucketOf(delay);
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
    total++;
    if (delay > max) max = delay;
  }
  const buckets: [Millis, number][] = [];
  seconds.forEach((count, index) => count > 0 && buckets.push([index * SECOND, count]));
  minutes.forEach((count, index) => count > 0 && buckets.push([index * MINUTE, count]));
  buckets.push(...[...counts].sort((a, b) => a[0] - b[0]));
  return { buckets, total, max };
}

/** Merges histograms (the runs of one sweep row). */
export function mergeHistograms(histograms: readonly DelayHistogram[]): DelayHistogram {
  const counts = new Map<Millis, number>();
  for (const histogram of histograms) for (const [bucket, count] of histogram.buckets) counts.set(bucket, (counts.get(bucket) ?? 0) + count);
  return {
    buckets: [...counts].sort((a, b) => a[0] - b[0]),
    total: histograms.reduce((sum, histogram) => sum + histogram.total, 0),
    max: Math.max(0, ...histograms.map((histogram) => histogram.max)),
  };
}

/**
 * Nearest-rank percentile (p in 0..1) from a histogram: the upper edge of the bucket the
 * rank falls in (never below the true value, never above the maximum); null when empty.
 */
export function histogramPercentile(histogram: DelayHistogram, p: number): Millis | null {
  if (histogram.total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * histogram.total));
  let seen = 0;
  for (const [bucket, count] of histogram.buckets) {
    seen += count;
    if (seen >= rank) return Math.min(histogram.max, bucket + bucketWidth(bucket) - 1);
  }
  return histogram.max;
}
