/**
 * Stable reason keys for messages that end bounced or lost (SimulationResult.reasons), and
 * for deliveries (MessageTrace.reason). Kept to a small fixed set so they can be counted.
 */
export const REASONS = {
  deliveredCloud: 'delivered:cloud',
  deliveredOnPrem: 'delivered:on-prem',
  stranded: 'stranded-on-prem-after-batch-removal',
  pendingAtHorizon: 'pending-at-horizon',
  cloudMailboxGoneBeforeSync: 'cloud-mailbox-disabled-before-sync',
  senderOnDecommissionedServer: 'sender-outlook-on-decommissioned-server',
  queueExpired: 'queue-expired-4.4.7',
} as const;

/** The ledger key for an NDR: the destination's own key when it gave one, else one per status code. */
export function bounceReason(code: string, reason: string, knownKeys: ReadonlySet<string>, expiredCode: string): string {
  if (knownKeys.has(reason)) return reason;
  if (code === expiredCode) return REASONS.queueExpired;
  return `ndr-${code.replace(/\s+/g, '-')}`;
}
