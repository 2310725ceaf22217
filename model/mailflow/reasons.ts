import { CAUSES } from '../ledger/index.js';

/**
 * Stable reason keys the router gives messages (SimulationResult.reasons and causes,
 * MessageTrace.reason). Kept to a small fixed set so they can be counted; the users' side
 * causes and their plain words are in model/ledger/causes.ts.
 */
export const REASONS = {
  deliveredCloud: CAUSES.deliveredCloud.key,
  deliveredOnPrem: CAUSES.deliveredOnPrem.key,
  readOnNewProfile: CAUSES.readOnNewProfile.key,
  strandedFromOutlook: CAUSES.strandedFromOutlook.key,
  strandedFromOldMx: CAUSES.strandedFromOldMx.key,
  serverDecommissioned: CAUSES.lostServerDecommissioned.key,
  pendingAtHorizon: CAUSES.pendingInFlight.key,
  pendingSyncPass: CAUSES.pendingSyncPass.key,
  unreadNoProfile: CAUSES.unreadNoProfile.key,
  unreadNoPassword: CAUSES.unreadNoPassword.key,
  outbox: CAUSES.outbox.key,
  pstImportRunning: CAUSES.pstImportRunning.key,
  recoveredPst: CAUSES.recoveredPst.key,
  recoveredForwarded: CAUSES.recoveredForwarded.key,
  imceaex: CAUSES.imceaex.key,
  cloudMailboxGoneBeforeSync: CAUSES.cloudMailboxGoneBeforeSync.key,
  queueExpired: 'queue-expired-4.4.7',
} as const;

/** The stranded causes (mail on-prem after the last sync pass, recoverable until decommission). */
export const STRANDED_REASONS: ReadonlySet<string> = new Set([REASONS.strandedFromOutlook, REASONS.strandedFromOldMx]);

/** The ledger key for an NDR: the destination's own key when it gave one, else one per status code. */
export function bounceReason(code: string, reason: string, knownKeys: ReadonlySet<string>, expiredCode: string): string {
  if (knownKeys.has(reason)) return reason;
  if (code === expiredCode) return REASONS.queueExpired;
  return `ndr-${code.replace(/\s+/g, '-')}`;
}
