import { DAY, HOUR, MINUTE, SECOND, type Millis } from '../../sim/index.js';
import type { SenderProfileName, SenderProfileOverride } from '../config.js';

/** Exim retry rule: applies while the time since the first failure is below `until`. */
export type EximRetryRule =
  | { until: Millis; kind: 'fixed'; interval: Millis }
  | { until: Millis; kind: 'geometric'; first: Millis; factor: number };

/** When a deferred message is tried again, as data (so reports can show it). */
export type RetrySchedule =
  /** `count` retries at `interval` for each step in turn, then every `thereafter`. */
  | { kind: 'steps'; steps: readonly { count: number; interval: Millis }[]; thereafter: Millis }
  /** Postfix: next = now + clamp(time in queue, minimum, maximum). */
  | { kind: 'backoff'; minimum: Millis; maximum: Millis }
  /** first, first × factor, ... up to maximum. */
  | { kind: 'exponential'; first: Millis; factor: number; maximum: Millis }
  /** Exim retry rules, measured from the first failure. */
  | { kind: 'rules'; rules: readonly EximRetryRule[] };

export interface SenderProfile {
  name: SenderProfileName;
  software: string;
  schedule: RetrySchedule;
  /** Retries happen only on queue runs this far apart (0: exactly when due). */
  queueRunInterval: Millis;
  /** Retry interval after a 4xx for the message itself, when it differs (Exchange MessageRetryInterval). */
  messageRetryInterval?: Millis;
  /** Bounce (NDR 4.4.7) this long after `lifetimeFrom`. */
  queueLifetime: Millis;
  lifetimeFrom: 'submission' | 'first-failure';
  /** One delay notice (DSN) at the first deferral this long after submission; null: none. */
  delayNoticeAfter: Millis | null;
  /** How long connecting to an address that does not answer takes before the attempt fails. */
  connectTimeout: Millis;
  /** How long the sender waits for the 220 greeting of a server that accepted the connection. */
  greetingTimeout: Millis;
  /**
   * When the message expires: when its lifetime ends ('at-lifetime'), or only when an attempt
   * ending at or after it fails ('first-failed-attempt-after': queue managers that decide at
   * a deferral, like Postfix's qmgr).
   */
  expiry: 'at-lifetime' | 'first-failed-attempt-after';
  /**
   * After a connection-level failure the destination (the recipient domain, Postfix's
   * nexthop) is marked dead this long: other messages for it are deferred without DNS or a
   * connection. Null where no source documents one.
   */
  deadDestination: { window: Millis } | null;
  /** Where the numbers come from. */
  source: string;
}

/** RFC 5321 §4.5.3.2.1: a client waits 5 minutes for the 220 greeting (used where the software documents nothing). */
const RFC5321_GREETING_TIMEOUT = 5 * MINUTE;
/**
 * Windows' TCP connect timeout (an initial SYN and two retransmissions, 3 + 6 + 12 s): an
 * Exchange 2016 protocol log shows "Failed connection ... (TimedOut)" 21 s after the connect
 * (community log). An assumption for Exchange, which documents no connect timeout.
 */
const WINDOWS_CONNECT_TIMEOUT = 21 * SECOND;

/** Sourced retry behaviour of common sending MTAs (dns-smtp-facts §4, §7.2). */
export const SENDER_PROFILES: Readonly<Record<SenderProfileName, SenderProfile>> = {
  'exchange-onprem': {
    name: 'exchange-onprem',
    software: 'Exchange Server (on-premises)',
    // QueueGlitchRetryCount 4 × 1 min, TransientFailureRetryCount 6 × 5 min, then
    // OutboundConnectionFailureRetryInterval 10 min (Hub; Edge 30 min): dns §4.5.
    schedule: { kind: 'steps', steps: [{ count: 4, interval: 1 * MINUTE }, { count: 6, interval: 5 * MINUTE }], thereafter: 10 * MINUTE },
    queueRunInterval: 0,
    messageRetryInterval: 15 * MINUTE, // MessageRetryInterval: dns §4.5
    queueLifetime: 2 * DAY, // MessageExpirationTimeout
    lifetimeFrom: 'submission',
    delayNoticeAfter: 4 * HOUR, // DelayNotificationTimeout
    connectTimeout: WINDOWS_CONNECT_TIMEOUT, // assumption (see WINDOWS_CONNECT_TIMEOUT)
    greetingTimeout: RFC5321_GREETING_TIMEOUT, // assumption: undocumented for Exchange
    expiry: 'at-lifetime', // MessageExpirationTimeout: "maximum length of time ... tries to deliver"
    // Exchange marks a failing target host unhealthy until a next retry time (protocol logs), but
    // its queue-level retry is not modelled per destination: none.
    deadDestination: null,
    source: 'Microsoft Learn, TransportServer parameters (dns facts §4.5)',
  },
  'exchange-online': {
    name: 'exchange-online',
    software: 'Exchange Online',
    // Only documented for DANE failures: 15 min, 15 min, then hourly, expiry 24 h; taken as
    // the general schedule (an inference: dns §4.6). The delay notice time is assumed.
    schedule: { kind: 'steps', steps: [{ count: 2, interval: 15 * MINUTE }], thereafter: 1 * HOUR },
    queueRunInterval: 0,
    queueLifetime: 24 * HOUR,
    lifetimeFrom: 'submission',
    delayNoticeAfter: 4 * HOUR,
    connectTimeout: WINDOWS_CONNECT_TIMEOUT, // assumption: as Exchange Server
    greetingTimeout: RFC5321_GREETING_TIMEOUT, // assumption: undocumented
    expiry: 'at-lifetime', // "after 24 hours ... the message will expire" (dns §4.6)
    deadDestination: null, // undocumented
    source: 'Microsoft Learn, outbound SMTP DANE (dns facts §4.6; general use inferred)',
  },
  webmail: {
    name: 'webmail',
    software: 'large webmail provider (Gmail-like)',
    // Schedule unpublished: exponential 5 min → 2 h assumed; ≈48 h from the "will retry for
    // N more hours" notice; notice time assumed (dns §4.7, §7.2).
    schedule: { kind: 'exponential', first: 5 * MINUTE, factor: 2, maximum: 2 * HOUR },
    queueRunInterval: 0,
    queueLifetime: 48 * HOUR,
    lifetimeFrom: 'submission',
    delayNoticeAfter: 4 * HOUR,
    connectTimeout: 30 * SECOND, // assumption: unpublished (Postfix's default taken)
    greetingTimeout: RFC5321_GREETING_TIMEOUT, // assumption: unpublished
    expiry: 'at-lifetime', // "will retry for N more hours" (dns §4.7)
    deadDestination: null, // unpublished
    source: 'Gmail delay notice text and user reports (dns facts §4.7); schedule assumed',
  },
  postfix: {
    name: 'postfix',
    software: 'Postfix',
    // qmgr_active.c: next = now + clamp(age, minimal_backoff_time 300 s, maximal_backoff_time
    // 4000 s); deferred queue scanned every queue_run_delay 300 s (dns §4.2).
    schedule: { kind: 'backoff', minimum: 300 * SECOND, maximum: 4_000 * SECOND },
    queueRunInterval: 300 * SECOND,
    queueLifetime: 5 * DAY, // maximal_queue_lifetime
    lifetimeFrom: 'submission',
    delayNoticeAfter: null, // delay_warning_time 0h (off)
    connectTimeout: 30 * SECOND, // smtp_connect_timeout
    greetingTimeout: 300 * SECOND, // smtp_helo_timeout (the wait for the greeting and the HELO reply)
    // qmgr bounces a message whose deferral comes at or after maximal_queue_lifetime; the last
    // retry scheduled before it still runs (measured against Postfix 3.7: issue 14)
    expiry: 'first-failed-attempt-after',
    // minimal_backoff_time "also limits the time an unreachable destination is kept in the
    // short-term, in-memory, destination status cache" (dns §4.2); the nexthop is the domain
    deadDestination: { window: 300 * SECOND },
    source: 'Postfix postconf.proto, qmgr_active.c (dns facts §4.2)',
  },
  exim: {
    name: 'exim',
    software: 'Exim',
    // configure.default "F,2h,15m; G,16h,1h,1.5; F,4d,6h", from the first failure, tried on
    // 30 min queue runs (Debian QUEUEINTERVAL): dns §4.3.
    schedule: {
      kind: 'rules',
      rules: [
        { until: 2 * HOUR, kind: 'fixed', interval: 15 * MINUTE },
        { until: 16 * HOUR, kind: 'geometric', first: 1 * HOUR, factor: 1.5 },
        { until: 4 * DAY, kind: 'fixed', interval: 6 * HOUR },
      ],
    },
    queueRunInterval: 30 * MINUTE,
    queueLifetime: 4 * DAY,
    lifetimeFrom: 'first-failure',
    delayNoticeAfter: 24 * HOUR, // delay_warning
    connectTimeout: 5 * MINUTE, // smtp transport connect_timeout (smtp.c; a shorter OS timeout wins)
    greetingTimeout: 5 * MINUTE, // smtp transport command_timeout, also the wait for the banner
    // The final rule's cutoff (4 d from the first failure) ends the retries: as modelled before.
    expiry: 'at-lifetime',
    // Exim keeps per-IP retry state in its hints database, driven by the same retry rules, not
    // a fixed window: none.
    deadDestination: null,
    source: 'Exim configure.default and spec (dns facts §4.3)',
  },
  sendmail: {
    name: 'sendmail',
    software: 'Sendmail',
    // QUEUE=1h queue runs (Red Hat): retries happen on the next hourly run (dns §4.4).
    schedule: { kind: 'steps', steps: [], thereafter: 0 },
    queueRunInterval: 1 * HOUR,
    queueLifetime: 5 * DAY, // Timeout.queuereturn
    lifetimeFrom: 'submission',
    delayNoticeAfter: 4 * HOUR, // Timeout.queuewarn
    connectTimeout: 5 * MINUTE, // Timeout.connect (cf/m4/proto.m4)
    greetingTimeout: 5 * MINUTE, // Timeout.initial (cf/m4/proto.m4)
    // A queue run tries the message, then returns it when it is older than Timeout.queuereturn.
    expiry: 'first-failed-attempt-after',
    // Timeout.hoststatus (30m) caches a host found down within one queue run, and across runs
    // only with a HostStatusDirectory, which the defaults do not set: no window across runs.
    deadDestination: null,
    source: 'sendmail cf/m4/proto.m4; Red Hat sysconfig (dns facts §4.4)',
  },
};

/** A profile with the scenario's overrides applied. */
export function withOverride(profile: SenderProfile, override: SenderProfileOverride | undefined): SenderProfile {
  if (override === undefined) return profile;
  return {
    ...profile,
    queueLifetime: override.queueLifetime ?? profile.queueLifetime,
    delayNoticeAfter: override.delayNoticeAfter === undefined ? profile.delayNoticeAfter : override.delayNoticeAfter,
  };
}
