import type { Millis } from '../../sim/index.js';
import type { SenderProfile } from './profiles.js';

/**
 * How a connection failed, which decides how long the attempt took (dns §4.9): refused at
 * once (RST: the address routes to a machine that no longer listens), no answer until the
 * sender's connect timeout (the address is gone or filtered), or accepted and never greeted
 * until its greeting timeout (a stalled server). Undefined: an answer (4xx), at once.
 */
export type ConnectionFailure = 'refused' | 'connect-timeout' | 'greeting-timeout';

export type DeliveryAttemptOutcome =
  | { kind: 'accepted'; host: string }
  /**
   * Refused, timeout or 4xx. `scope` says whether the connection failed (the default) or
   * the server answered 4xx for this message (Exchange retries those on MessageRetryInterval).
   */
  | { kind: 'temporary'; host: string; reason: string; scope?: 'connection' | 'message'; failure?: ConnectionFailure }
  | { kind: 'permanent'; host: string; code: string; reason: string }; // 5xx

export interface MailDestinations {
  attempt(host: string, recipient: string, messageId: number, now: Millis): DeliveryAttemptOutcome;
}

export interface SenderListener {
  onAccepted(messageId: number, host: string, at: Millis, attempts: number): void;
  /**
   * A temporary failure (host undefined when DNS gave no answer). `nextAttemptAt` is the next
   * thing that happens to the message: a retry, or its expiry (an NDR) when no retry fits
   * inside the queue lifetime.
   */
  onDeferred(messageId: number, host: string | undefined, reason: string, at: Millis, nextAttemptAt: Millis): void;
  onDelayNotice(messageId: number, at: Millis): void;
  onBounced(messageId: number, code: string, reason: string, at: Millis): void;
  /** Whether the message's path is kept: only then are its MX look-ups reported (they are frequent). */
  keepsPath?(messageId: number): boolean;
  /** An MX look-up for a kept message: the resolver, what it held just before (dns.peekMx), and its answer. */
  onMxLookup?(messageId: number, lookup: MxLookup): void;
}

export interface MxLookup {
  resolver: number;
  at: Millis;
  host: string | undefined;
  before: { host: string | undefined; cached: boolean; expiresAt: Millis };
}

export interface SendingMtas {
  readonly senderCount: number;
  profileOf(sender: number): SenderProfile;
  /** The resolver sender organisation `sender` looks up MX records through. */
  resolverOf(sender: number): number;
  /** Where this sender's queue runs fall: runs at phase + k × queueRunInterval. */
  queuePhaseOf(sender: number): Millis;
  /** Start delivering message `messageId` from sender organisation `sender` to `recipient` now. */
  submit(messageId: number, sender: number, recipient: string, now: Millis): void;
  /** Messages still queued at senders. */
  queuedCount(): number;
}
