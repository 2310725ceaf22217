import type { RandomStream } from '../../sim/index.js';
import { HOUR } from '../../sim/index.js';
import type { MigrationParameters } from '../config.js';
import type { OnPremServer } from '../organisation.js';

/**
 * Transfer rates of the sync engine. The service pulls data over RPC/HTTP from the
 * on-prem server ("cloud-initiated data-pull", PERF); each mailbox moves at its own rate,
 * and all concurrent transfers share the source server's capacity and the site's uplink.
 */

/** The uplink as bytes per hour: Mbps × 10^6 / 8 × 3600 (facts §9). */
export const uplinkBytesPerHour = (uplinkMbps: number): number => ((uplinkMbps * 1e6) / 8) * 3600;

/** The capacity all concurrent transfers share, bytes per hour: the smaller of the source server and the uplink. */
export const sharedCapacityBytesPerHour = (server: OnPremServer): number =>
  Math.min(server.sourceCapBytesPerHour, uplinkBytesPerHour(server.uplinkMbps));

/**
 * A mailbox's own rate, bytes per hour: lognormal around the median (PERF: 10-14 GB/h at 20
 * concurrent ≈ 0.5-0.7 GB/h each), clamped to the single-migration range 0.1-1.0 GB/h (PERF
 * footnotes). With sigma 0 no draw is made.
 */
export function drawMailboxRate(stream: RandomStream, parameters: MigrationParameters): number {
  const { mailboxThroughputMedianBytesPerHour: median, mailboxThroughputSigma: sigma } = parameters;
  const drawn = sigma > 0 ? stream.lognormal(median, sigma) : median;
  return Math.min(parameters.mailboxThroughputMaxBytesPerHour, Math.max(parameters.mailboxThroughputMinBytesPerHour, drawn));
}

/**
 * Work of a transfer in bytes: its data plus a per-item cost (many small items are slower
 * than few large ones: PERF), converted into bytes at the mailbox's own rate.
 */
export const transferWork = (bytes: number, items: number, perItemOverhead: number, ownRateBytesPerHour: number): number =>
  bytes + (items * perItemOverhead * ownRateBytesPerHour) / HOUR;

/**
 * Max-min fair shares of a capacity among transfers that each want at most their own rate
 * (water-filling): slow transfers get what they ask, the rest split what is left equally.
 * Deterministic and O(n log n).
 */
export function fairShares(demands: readonly number[], capacity: number): number[] {
  // The usual case: the capacity covers every demand, so nobody is held back and no sort is needed.
  let demanded = 0;
  for (const demand of demands) demanded += demand;
  if (demanded <= capacity) return demands.slice();
  const shares = new Array<number>(demands.length).fill(0);
  const order = demands.map((_, index) => index).sort((a, b) => (demands[a] ?? 0) - (demands[b] ?? 0) || a - b);
  let left = Math.max(0, capacity);
  let remaining = order.length;
  for (const index of order) {
    const equal = left / remaining;
    const share = Math.min(demands[index] ?? 0, equal);
    shares[index] = share;
    left -= share;
    remaining--;
  }
  return shares;
}
