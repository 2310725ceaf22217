import type { LicenseStateName } from './license.js';

/**
 * Exchange Online as a mail destination. The verified domain is Authoritative, so mail
 * to unknown recipients is rejected (ACCDOM); a domain the tenant does not accept is
 * refused at the edge. A disabled mailbox no longer resolves, so its mail bounces with
 * 550 5.1.10 (NDR; facts §6 — the best of the two documented candidates).
 */
export type InboundVerdict = { kind: 'accepted' } | { kind: 'permanent'; code: string; reason: string };

/** Stable reason keys, used in the ledger's `reasons`. */
export const EXO_REASONS = {
  domainNotAccepted: 'exo-domain-not-accepted-5.4.1',
  recipientNotFound: 'exo-recipient-not-found-5.1.10',
  mailboxDisabled: 'mailbox-disabled-5.1.10',
} as const;

/** Shared answers: a verdict is asked for every message, so none is rebuilt per call (issue 9). */
const VERDICTS = {
  accepted: Object.freeze({ kind: 'accepted' }),
  domainNotAccepted: Object.freeze({ kind: 'permanent', code: '550 5.4.1', reason: EXO_REASONS.domainNotAccepted }),
  recipientNotFound: Object.freeze({ kind: 'permanent', code: '550 5.1.10', reason: EXO_REASONS.recipientNotFound }),
  mailboxDisabled: Object.freeze({ kind: 'permanent', code: '550 5.1.10', reason: EXO_REASONS.mailboxDisabled }),
} as const satisfies Record<string, InboundVerdict>;

export function exchangeOnlineVerdict(domainAccepted: boolean, mailbox: LicenseStateName | 'none'): InboundVerdict {
  if (!domainAccepted) return VERDICTS.domainNotAccepted;
  if (mailbox === 'none') return VERDICTS.recipientNotFound;
  if (mailbox === 'disabled' || mailbox === 'deleted') return VERDICTS.mailboxDisabled;
  return VERDICTS.accepted;
}
