import { InputError, type Millis, type Scheduler } from '../../sim/index.js';
import type { ExplicitMessage } from '../config.js';

/**
 * Explicit messages (time, sender, recipient) for exact rehearsals. They are sorted by time
 * (ties keep their order in the list) and scheduled one at a time, so even a long list
 * holds one pending event.
 */
export class ExplicitTraffic {
  private readonly ordered: ExplicitMessage[];
  private next = 0;

  constructor(
    private readonly scheduler: Scheduler,
    messages: readonly ExplicitMessage[],
    private readonly send: (message: ExplicitMessage, now: Millis) => void,
  ) {
    messages.forEach((message, index) => {
      if (!Number.isSafeInteger(message.at) || message.at < 0) {
        throw new InputError('EXPLICIT_MESSAGE_TIME_INVALID', `explicit message ${index}: time must be whole milliseconds ≥ 0, got ${message.at}`, { path: `mailFlow.explicit[${index}].at` });
      }
      for (const field of ['from', 'to'] as const) {
        if (typeof message[field] !== 'string' || !message[field].includes('@')) {
          throw new InputError('EXPLICIT_MESSAGE_ADDRESS_INVALID', `explicit message ${index}: "${field}" must be an email address, got ${JSON.stringify(message[field])}`, { path: `mailFlow.explicit[${index}].${field}` });
        }
      }
    });
    this.ordered = messages.map((message, index) => ({ message, index })).sort((a, b) => a.message.at - b.message.at || a.index - b.index).map(({ message }) => message);
  }

  start(): void {
    this.scheduleNext();
  }

  private scheduleNext(): void {
    const message = this.ordered[this.next];
    if (message === undefined) return;
    this.scheduler.at(Math.max(message.at, this.scheduler.now()), 'mail.explicit', message.label ?? this.next, this.fire, message);
  }

  private readonly fire = (message: ExplicitMessage, now: Millis): void => {
    this.next++;
    this.send(message, now);
    this.scheduleNext();
  };
}
