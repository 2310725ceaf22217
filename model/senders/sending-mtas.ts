import { InputError, formatDuration, type EventHandler, type Millis, type RandomStreams, type Scheduler } from '../../sim/index.js';
import type { SenderConfig, SenderProfileName } from '../config.js';
import type { Dns } from '../dns/index.js';
import { MessageSlots } from './message-slots.js';
import { SENDER_PROFILES, withOverride, type SenderProfile } from './profiles.js';
import { expiryOf, nextRetry } from './retry-schedule.js';
import type { MailDestinations, SenderListener, SendingMtas } from './types.js';

export interface SendingMtasOptions {
  scheduler: Scheduler;
  random: RandomStreams;
  dns: Dns;
  config: SenderConfig;
  destinations: MailDestinations;
  listener: SenderListener;
  /** The accepted-domain index of a recipient, whose MX is looked up (default: the primary's, 0). Asked once per distinct recipient. */
  domainOf?: (recipient: string) => number;
}

/** RFC 3463 / Exchange: 4.4.7 message expired in the queue. */
export const EXPIRED_CODE = '4.4.7';

function checkConfig(config: SenderConfig): [SenderProfileName, number][] {
  if (!Number.isSafeInteger(config.senderCount) || config.senderCount < 1) {
    throw new InputError('SENDERS_CONFIG_INVALID', `senders.senderCount must be a whole number ≥ 1, got ${config.senderCount}`, { path: 'senders.senderCount' });
  }
  const mix = Object.entries(config.profileMix).filter(([, weight]) => weight !== undefined) as [SenderProfileName, number][];
  for (const [name, weight] of mix) {
    if (!(name in SENDER_PROFILES)) throw new InputError('SENDERS_PROFILE_UNKNOWN', `unknown sender profile "${name}"`, { path: `senders.profileMix.${name}` }, Object.keys(SENDER_PROFILES).join(', '));
    if (!(weight >= 0)) throw new InputError('SENDERS_CONFIG_INVALID', `senders.profileMix.${name} must be ≥ 0, got ${weight}`, { path: `senders.profileMix.${name}` });
  }
  if (!mix.some(([, weight]) => weight > 0)) throw new InputError('SENDERS_CONFIG_INVALID', 'senders.profileMix needs at least one positive weight', { path: 'senders.profileMix' });
  return mix;
}

/**
 * External sending MTAs. Sender organisation i looks up MX records through resolver
 * i mod resolverCount and runs one profile drawn from the mix. Every attempt resolves the MX
 * again (no MTA-side DNS cache: dns §7.2), then tries the host: accepted → done;
 * refused/timeout/4xx or no DNS answer → defer on the profile's schedule; 5xx → NDR at once;
 * queue lifetime over → NDR 4.4.7. The first attempt happens inside `submit`.
 */
export function createSendingMtas(options: SendingMtasOptions): SendingMtas {
  const { scheduler, dns, config, destinations, listener } = options;
  const mix = checkConfig(config);
  const profiles = Object.fromEntries(
    (Object.keys(SENDER_PROFILES) as SenderProfileName[]).map((name) => [name, withOverride(SENDER_PROFILES[name], config.profileOverrides?.[name])]),
  ) as Record<SenderProfileName, SenderProfile>;
  const profileStream = options.random.stream('senders.profile');
  const phaseStream = options.random.stream('senders.queue-phase');
  const senderProfiles: SenderProfile[] = [];
  const queuePhase = new Float64Array(config.senderCount);
  for (let sender = 0; sender < config.senderCount; sender++) {
    const profile = profiles[profileStream.weighted(mix.map(([value, weight]) => ({ value, weight })))];
    senderProfiles.push(profile);
    // Queue runners started at an arbitrary moment: a uniform phase.
    queuePhase[sender] = profile.queueRunInterval > 0 ? phaseStream.integer(0, profile.queueRunInterval - 1) : 0;
  }
  const slots = new MessageSlots();
  const recipients: string[] = [];
  const recipientIndex = new Map<string, number>();
  /** Per interned recipient: the domain whose MX its mail follows. */
  const recipientDomain: number[] = [];

  const finish = (slot: number): void => slots.release(slot);

  // Attempts that take time (a connect or greeting timeout) end in a later event; what they
  // met is kept here by slot until then. Only failing timed attempts pass through it.
  const ending = new Map<number, { host: string; reason: string }>();
  // The recipient domain marked dead (profile.deadDestination), per sender: until when, and why.
  const deadUntil = new Float64Array(config.senderCount);
  const deadReason: string[] = new Array<string>(config.senderCount).fill('');

  const attempt = (slot: number, now: Millis): void => {
    const messageId = slots.messageId[slot]!;
    const sender = slots.sender[slot]!;
    const profile = senderProfiles[sender]!;
    const submittedAt = slots.submittedAt[slot]!;
    const failedBefore = slots.firstFailureAt[slot]!;
    if (profile.expiry === 'at-lifetime' && !Number.isNaN(failedBefore) && now >= expiryOf(profile, submittedAt, failedBefore)) {
      expire(slot, now);
      return;
    }
    if (profile.deadDestination !== null && now < deadUntil[sender]!) {
      // Postfix: the nexthop (the recipient domain) is dead; deferred without DNS or a connection.
      return defer(slot, now, undefined, `delivery temporarily suspended: ${deadReason[sender]!}`, false, slots.attempts[slot]!, false);
    }
    const resolver = sender % dns.resolverCount;
    // Peeking draws nothing and changes no cache a look-up sees, so kept paths cost the run nothing.
    const domain = recipientDomain[slots.recipient[slot]!]!;
    const before = listener.keepsPath?.(messageId) === true ? dns.peekMx(resolver, now, domain) : undefined;
    const host = dns.lookupMx(resolver, now, domain);
    if (before !== undefined) listener.onMxLookup?.(messageId, { resolver, at: now, host, before });
    const attempts = ++slots.attempts[slot]!;
    let reason: string;
    let messageLevel = false;
    if (host === undefined) {
      // RFC 5321 §5.1: a temporary DNS error queues the message for a retry.
      reason = 'dns: no MX answer (temporary failure)';
    } else {
      const outcome = destinations.attempt(host, recipients[slots.recipient[slot]!]!, messageId, now);
      if (outcome.kind === 'accepted') {
        finish(slot);
        listener.onAccepted(messageId, outcome.host, now, attempts);
        return;
      }
      if (outcome.kind === 'permanent') {
        finish(slot);
        listener.onBounced(messageId, outcome.code, outcome.reason, now);
        return;
      }
      reason = outcome.reason;
      messageLevel = outcome.scope === 'message';
      const duration = outcome.failure === 'connect-timeout' ? profile.connectTimeout : outcome.failure === 'greeting-timeout' ? profile.greetingTimeout : 0;
      if (duration > 0) {
        // The attempt ends when the sender gives up waiting; the next wait counts from then.
        ending.set(slot, { host, reason });
        scheduler.post(now + duration, 'sender.attempt-end', messageId, attemptEnded, slot);
        return;
      }
    }
    defer(slot, now, host, reason, messageLevel, attempts, !messageLevel);
  };

  const expire = (slot: number, now: Millis): void => {
    const profile = senderProfiles[slots.sender[slot]!]!;
    const messageId = slots.messageId[slot]!;
    finish(slot);
    listener.onBounced(messageId, EXPIRED_CODE, `expired: not delivered within the ${profile.software} queue lifetime of ${formatDuration(profile.queueLifetime)}`, now);
  };

  /**
   * A failed attempt (or a deferral without one) ending at `now`. `connectionFailed` marks the
   * destination dead for the profile's window.
   */
  const defer = (slot: number, now: Millis, host: string | undefined, reason: string, messageLevel: boolean, failures: number, connectionFailed: boolean): void => {
    const sender = slots.sender[slot]!;
    const profile = senderProfiles[sender]!;
    const submittedAt = slots.submittedAt[slot]!;
    if (Number.isNaN(slots.firstFailureAt[slot]!)) slots.firstFailureAt[slot] = now;
    const firstFailureAt = slots.firstFailureAt[slot]!;
    const expiry = expiryOf(profile, submittedAt, firstFailureAt);
    if (connectionFailed && profile.deadDestination !== null) {
      deadUntil[sender] = now + profile.deadDestination.window;
      deadReason[sender] = reason;
    }
    // Postfix and Sendmail decide at a deferral: one at or after the lifetime returns the message.
    if (profile.expiry === 'first-failed-attempt-after' && now >= expiry) {
      expire(slot, now);
      return;
    }
    const next = nextRetry(profile, {
      now, failures: Math.max(1, failures), submittedAt, firstFailureAt, previousInterval: slots.previousInterval[slot]!, queuePhase: queuePhase[sender]!, messageLevel,
    });
    if (!messageLevel) slots.previousInterval[slot] = next.interval;
    // 'at-lifetime': no retry fits inside the lifetime, so the message expires at its end.
    const nextAt = profile.expiry === 'at-lifetime' ? Math.max(Math.min(next.at, expiry), now) : Math.max(next.at, now);
    const messageId = slots.messageId[slot]!;
    listener.onDeferred(messageId, host, reason, now, nextAt === Infinity ? expiry : nextAt);
    if (profile.delayNoticeAfter !== null && slots.noticeSent[slot] === 0 && now - submittedAt >= profile.delayNoticeAfter) {
      slots.noticeSent[slot] = 1;
      listener.onDelayNotice(messageId, now);
    }
    scheduler.post(nextAt === Infinity ? Math.max(expiry, now) : nextAt, 'sender.retry', messageId, nextAt === Infinity ? expireAt : retry, slot); // no handle kept: its record is reused
  };

  const attemptEnded: EventHandler<number> = (slot, now) => {
    const met = ending.get(slot)!;
    ending.delete(slot);
    defer(slot, now, met.host, met.reason, false, slots.attempts[slot]!, true);
  };

  // One long-lived handler for every retry; the argument is the message's slot.
  const retry: EventHandler<number> = (slot, now) => attempt(slot, now);
  // A 'first-failed-attempt-after' schedule with no retry left (none today) still ends the message.
  const expireAt: EventHandler<number> = (slot, now) => expire(slot, now);

  const checkSender = (sender: number) => {
    if (!Number.isInteger(sender) || sender < 0 || sender >= config.senderCount) {
      throw new InputError('SENDERS_UNKNOWN_SENDER', `no sender organisation ${sender} (there are ${config.senderCount})`);
    }
  };

  return {
    senderCount: config.senderCount,
    profileOf(sender) {
      checkSender(sender);
      return senderProfiles[sender]!;
    },
    resolverOf(sender) {
      checkSender(sender);
      return sender % dns.resolverCount;
    },
    queuePhaseOf(sender) {
      checkSender(sender);
      return queuePhase[sender]!;
    },
    submit(messageId, sender, recipient, now) {
      checkSender(sender);
      if (!Number.isInteger(messageId) || messageId < 0 || messageId > 0x7fffffff) {
        throw new InputError('SENDERS_MESSAGE_ID_INVALID', `message id must be an integer in [0, 2^31), got ${messageId}`);
      }
      let index = recipientIndex.get(recipient);
      if (index === undefined) {
        index = recipients.length;
        recipients.push(recipient);
        recipientIndex.set(recipient, index);
        recipientDomain.push(options.domainOf?.(recipient) ?? 0);
      }
      attempt(slots.allocate(messageId, sender, index, now), now);
    },
    queuedCount: () => slots.liveCount,
  };
}
