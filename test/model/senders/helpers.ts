import { RandomStreams, Scheduler, type Millis } from '../../../sim/index.js';
import type { DnsConfig, SenderConfig, SenderProfileName } from '../../../model/config.js';
import { createDns, type Dns } from '../../../model/dns/index.js';
import { createSendingMtas, type ConnectionFailure, type DeliveryAttemptOutcome, type MailDestinations, type SendingMtas } from '../../../model/senders/index.js';
import { dnsConfig, NEW, OLD } from '../dns/helpers.js';

export { NEW, OLD };

const FAILURE_REASONS: Record<ConnectionFailure, string> = {
  refused: 'connection refused',
  'connect-timeout': 'connection timed out',
  'greeting-timeout': 'no greeting',
};

/** A test double: the old host accepts until decommissioned, then refuses; the new host accepts. */
export class FakeDestinations implements MailDestinations {
  oldHostUp = true;
  /** Answer for the old host while up (for 4xx / 5xx tests). */
  oldHostAnswer: 'accept' | '4xx' | '5xx' = 'accept';
  /** How the old host fails while down: refused at once (default), or a timeout. */
  oldHostFailure: ConnectionFailure = 'refused';
  readonly attempts: { host: string; messageId: number; at: Millis }[] = [];

  attempt(host: string, _recipient: string, messageId: number, now: Millis): DeliveryAttemptOutcome {
    this.attempts.push({ host, messageId, at: now });
    if (host === OLD) {
      if (!this.oldHostUp) return { kind: 'temporary', host, reason: FAILURE_REASONS[this.oldHostFailure], failure: this.oldHostFailure };
      if (this.oldHostAnswer === '4xx') return { kind: 'temporary', host, reason: '451 4.3.0 try later', scope: 'message' };
      if (this.oldHostAnswer === '5xx') return { kind: 'permanent', host, code: '5.1.1', reason: '550 5.1.1 user unknown' };
    }
    return { kind: 'accepted', host };
  }
}

export type Event =
  | { kind: 'accepted'; id: number; host: string; at: Millis; attempts: number }
  | { kind: 'deferred'; id: number; host: string | undefined; reason: string; at: Millis; next: Millis }
  | { kind: 'notice'; id: number; at: Millis }
  | { kind: 'bounced'; id: number; code: string; reason: string; at: Millis };

export interface World {
  scheduler: Scheduler;
  dns: Dns;
  senders: SendingMtas;
  destinations: FakeDestinations;
  events: Event[];
}

export function makeWorld(options: { dns?: Partial<DnsConfig>; senders?: Partial<SenderConfig>; profile?: SenderProfileName; seed?: number; faults?: { from: number; until: number }[] } = {}): World {
  const scheduler = new Scheduler();
  const random = new RandomStreams(options.seed ?? 1);
  const dns = createDns({
    scheduler,
    random,
    config: dnsConfig(options.dns),
    faults: (options.faults ?? []).map((fault) => ({ kind: 'dnsAuthorityOutage' as const, ...fault })),
  });
  const destinations = new FakeDestinations();
  const events: Event[] = [];
  const senders = createSendingMtas({
    scheduler,
    random,
    dns,
    destinations,
    config: { senderCount: 10, profileMix: options.profile ? { [options.profile]: 1 } : { postfix: 1 }, ...options.senders },
    listener: {
      onAccepted: (id, host, at, attempts) => events.push({ kind: 'accepted', id, host, at, attempts }),
      onDeferred: (id, host, reason, at, next) => events.push({ kind: 'deferred', id, host, reason, at, next }),
      onDelayNotice: (id, at) => events.push({ kind: 'notice', id, at }),
      onBounced: (id, code, reason, at) => events.push({ kind: 'bounced', id, code, reason, at }),
    },
  });
  return { scheduler, dns, senders, destinations, events };
}
