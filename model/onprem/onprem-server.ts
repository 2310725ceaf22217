import { formatInstantForPeople, type Millis } from '../../sim/index.js';
import type { DeclaredFault, SimulationConfig } from '../config.js';
import { DEFAULT_ONPREM_SERVER } from '../defaults.js';
import { isMailbox, type OnPremServer } from '../organisation.js';
import type { ConnectionFailure } from '../senders/index.js';

/** What the on-prem server answers an SMTP client now. */
export type OnPremVerdict =
  | { kind: 'accepted' }
  /** `failure`: how the connection failed, which decides how long the sender waited (senders/types.ts). */
  | { kind: 'temporary'; reason: string; failure: ConnectionFailure }
  | { kind: 'permanent'; code: string; reason: string };

export type OnPremCommandResult = { ok: true; detail: string } | { ok: false; reason: string };

/** Stable reason keys for the ledger. */
export const ONPREM_REASONS = {
  connectionRefused: 'old-host-connection-refused',
  outage: 'old-host-unreachable-outage',
  /** Decommissioned and its address gone: connections time out. */
  addressGone: 'old-host-address-gone-timeout',
  /** In an outage that accepts connections and never greets. */
  stalled: 'old-host-stalled-no-greeting',
  recipientUnknown: 'onprem-recipient-unknown-5.1.1',
} as const;

/** Shared answers: `inbound` runs once per message, so the common verdicts are not rebuilt each time (issue 9). */
const ACCEPTED: OnPremVerdict = Object.freeze({ kind: 'accepted' });
const REFUSED: OnPremVerdict = Object.freeze({ kind: 'temporary', reason: ONPREM_REASONS.connectionRefused, failure: 'refused' });
const ADDRESS_GONE: OnPremVerdict = Object.freeze({ kind: 'temporary', reason: ONPREM_REASONS.addressGone, failure: 'connect-timeout' });
const TIMED_OUT: OnPremVerdict = Object.freeze({ kind: 'temporary', reason: ONPREM_REASONS.outage, failure: 'connect-timeout' });
const STALLED: OnPremVerdict = Object.freeze({ kind: 'temporary', reason: ONPREM_REASONS.stalled, failure: 'greeting-timeout' });
const UNKNOWN: OnPremVerdict = Object.freeze({ kind: 'permanent', code: '550 5.1.1', reason: ONPREM_REASONS.recipientUnknown });

/**
 * The on-prem Exchange server as a mail destination. It stays authoritative for the domain
 * and accepts mail for its mailboxes while it runs (cutover sets no forwarding: CUT
 * "Impact to users"). Once decommissioned the host refuses connections while its address
 * still routes, or lets them time out once the address is gone; senders treat either as a
 * temporary failure and retry (dns §4.9). During a declared outage it does not answer, or
 * accepts and never greets (`outageFailure`); also temporary, after the sender's timeout. Groups and contacts are not modelled as mail
 * destinations: mail to anything but an on-prem mailbox is refused as unknown.
 */
export class OnPremExchange {
  private decommissionedAt: Millis | undefined;
  private readonly mailboxes: Set<string>;
  private readonly outages: { from: Millis; until: Millis }[];

  private readonly decommissionedVerdict: OnPremVerdict;
  private readonly outageVerdict: OnPremVerdict;

  constructor(config: Pick<SimulationConfig, 'organisation' | 'faults'>) {
    const server: Partial<OnPremServer> = config.organisation.server ?? {};
    const address = server.addressAfterDecommission ?? DEFAULT_ONPREM_SERVER.addressAfterDecommission;
    this.decommissionedVerdict = address === 'gone' ? ADDRESS_GONE : REFUSED;
    this.outageVerdict = (server.outageFailure ?? DEFAULT_ONPREM_SERVER.outageFailure) === 'stalls' ? STALLED : TIMED_OUT;
    this.mailboxes = new Set(config.organisation.recipients.filter(isMailbox).map((mailbox) => mailbox.address.toLowerCase()));
    this.outages = config.faults.filter((fault): fault is Extract<DeclaredFault, { kind: 'onPremOutage' }> => fault.kind === 'onPremOutage');
  }

  /** Turns the server off for good (CUT post-migration: optionally decommission). */
  decommission(at: Millis): OnPremCommandResult {
    if (this.decommissionedAt !== undefined) return { ok: false, reason: `the on-prem server was already decommissioned at ${formatInstantForPeople(this.decommissionedAt)}` };
    this.decommissionedAt = at;
    const how = this.decommissionedVerdict === REFUSED ? 'its host now refuses connections' : 'its address is gone, so connections time out';
    return { ok: true, detail: `on-prem Exchange decommissioned: ${how}` };
  }

  decommissionedSince(): Millis | undefined {
    return this.decommissionedAt;
  }

  isDecommissioned(now: Millis): boolean {
    return this.decommissionedAt !== undefined && now >= this.decommissionedAt;
  }

  inOutage(now: Millis): boolean {
    // Asked for every message: most runs declare no outage, so no closure or scan then (issue 9).
    for (const outage of this.outages) if (now >= outage.from && now < outage.until) return true;
    return false;
  }

  /** When the declared outage in force at `now` ends (undefined when there is none). */
  outageEndsAt(now: Millis): Millis | undefined {
    let end: Millis | undefined;
    for (const outage of this.outages) if (now >= outage.from && now < outage.until) end = Math.max(end ?? 0, outage.until);
    return end;
  }

  /** Running and reachable: accepts SMTP and serves Outlook. */
  isUp(now: Millis): boolean {
    return !this.isDecommissioned(now) && !this.inOutage(now);
  }

  hasMailbox(address: string): boolean {
    return this.mailboxes.has(address.toLowerCase());
  }

  /** The answer to a delivery attempt for a recipient already known to be one of its mailboxes (no address look-up). */
  inboundToMailbox(now: Millis): OnPremVerdict {
    if (this.isDecommissioned(now)) return this.decommissionedVerdict;
    if (this.inOutage(now)) return this.outageVerdict;
    return ACCEPTED;
  }

  /** The answer to a delivery attempt for `recipient` now. */
  inbound(recipient: string, now: Millis): OnPremVerdict {
    const verdict = this.inboundToMailbox(now);
    return verdict === ACCEPTED && !this.hasMailbox(recipient) ? UNKNOWN : verdict;
  }
}
