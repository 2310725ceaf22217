import { DAY, HOUR, type Millis, type RandomStream, type RandomStreams, type Scheduler } from '../../sim/index.js';
import type { GeneratedMailFlow } from '../config.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../defaults.js';
import { hourFactor, type CalendarAnchor } from './diurnal-shape.js';
import { UserVolumes } from './user-volumes.js';

export interface TrafficSink {
  /** A user's Outlook submits a message to another user now. */
  internal(sender: number, recipient: number, now: Millis): void;
  /** An external organisation sends a message to a user now. */
  external(senderOrganisation: number, recipient: number, now: Millis): void;
}

export interface GeneratedTrafficOptions {
  scheduler: Scheduler;
  random: RandomStreams;
  flow: GeneratedMailFlow;
  userCount: number;
  senderOrganisations: number;
  /** No generated message is sent at or after this time (horizon minus the quiet period). */
  stopAt: Millis;
  sink: TrafficSink;
}

interface Flow {
  name: 'internal' | 'external';
  /** The engine event kind, built once: a template string per arrival cost a string and its hash every event (issue 9). */
  kind: 'mail.internal' | 'mail.external';
  /** Messages per millisecond at a shape factor of 1. */
  baseRate: number;
  random: RandomStream;
  /** The process's own time, in fractional ms: arrivals are posted at whole ms, rounded. */
  clock: number;
  /** The local hour (counted from midnight of T+0's day) that `clock` lies in, its end and its rate. */
  hour: number;
  hourEnd: number;
  hourRate: number;
  /** The next arrival, a whole ms (Infinity once the flow has stopped). */
  next: number;
  /** When `next` was drawn, counted across flows: of two arrivals in the same ms, the one drawn first runs first. */
  drawn: number;
}

/**
 * Generated traffic to the organisation's users, lazily: each flow (internal, external
 * inbound) knows only its next arrival, and the earlier of the two is the one pending
 * engine event, never a preloaded list (issue 5). Each flow is a Poisson process whose
 * rate follows the weekday/hour shape. The rate is constant within each local hour, so the
 * process is drawn exactly by inverting its cumulative rate: one unit-exponential draw per
 * message, spent hour by hour (Cinlar's time change; it replaced thinning at the peak rate,
 * which drew ten or more candidates per message at night, issue 9).
 *
 * A message here is one copy to one recipient. Of each user's daily volume (sent plus
 * received), the received share is r/(r+1) for a received:sent ratio r (dns §6.1), and
 * of that a fraction comes from outside (dns §6.2); outbound mail to the internet is not
 * generated, as it does not depend on the migration.
 */
export class GeneratedTraffic {
  private readonly volumes: UserVolumes;
  private readonly calendar: CalendarAnchor;
  private readonly offset: number;
  private readonly flows: Flow[];
  private readonly pick: RandomStream;
  private draws = 0;

  constructor(private readonly options: GeneratedTrafficOptions) {
    const { flow, random, userCount } = options;
    this.volumes = new UserVolumes(userCount, flow.messagesPerUserPerDay, flow.volumeSigma, random.stream('mailflow.volume'));
    this.calendar = { startWeekday: flow.startWeekday, startHour: flow.startHour, weekendFactor: flow.weekendFactor };
    this.offset = flow.startHour * HOUR;
    const receivedPerDay = (this.volumes.totalPerDay * flow.receivedPerSent) / (flow.receivedPerSent + 1);
    const external = Math.min(1, Math.max(0, flow.externalShareOfReceived));
    this.flows = [
      { name: 'internal', kind: 'mail.internal', baseRate: (receivedPerDay * (1 - external)) / DAY, random: random.stream('mailflow.internal'), clock: 0, hour: 0, hourEnd: 0, hourRate: 0, next: Infinity, drawn: 0 },
      { name: 'external', kind: 'mail.external', baseRate: (receivedPerDay * external) / DAY, random: random.stream('mailflow.external'), clock: 0, hour: 0, hourEnd: 0, hourRate: 0, next: Infinity, drawn: 0 },
    ];
    this.pick = random.stream('mailflow.pick');
  }

  /** Schedules the first arrival of each flow. */
  start(): void {
    if (this.options.userCount === 0) return;
    const now = this.options.scheduler.now();
    for (const flow of this.flows) {
      if (!(flow.baseRate > 0)) continue;
      flow.clock = now;
      this.enterHour(flow, Math.floor((now + this.offset) / HOUR));
      this.drawNext(flow);
    }
    this.postEarliest();
  }

  /** Expected messages per weekday from both flows (for tests and the report). */
  expectedPerWeekday(): number {
    return this.flows.reduce((sum, flow) => sum + flow.baseRate * DAY, 0);
  }

  private enterHour(flow: Flow, hour: number): void {
    flow.hour = hour;
    flow.hourEnd = (hour + 1) * HOUR - this.offset;
    flow.hourRate = flow.baseRate * hourFactor(hour, this.calendar);
  }

  /**
   * One unit-exponential draw is the cumulative rate to the next arrival: spend it on the
   * rest of the current hour, then on whole hours, until it runs out inside one.
   */
  private drawNext(flow: Flow): void {
    flow.next = Infinity;
    flow.drawn = this.draws++;
    const stopAt = this.options.stopAt;
    let need = -Math.log(1 - flow.random.next32()); // 32 bits suffice for a unit exponential (up to 22.2)
    let clock = flow.clock;
    for (;;) {
      const rate = flow.hourRate;
      const end = flow.hourEnd;
      if (rate > 0) {
        const at = clock + need / rate;
        if (at < end) {
          clock = at;
          break;
        }
        need -= (end - clock) * rate;
      }
      if (end >= stopAt) {
        flow.clock = end;
        return;
      }
      clock = end;
      this.enterHour(flow, flow.hour + 1);
    }
    flow.clock = clock;
    const at = Math.round(clock);
    if (at < stopAt) flow.next = at;
  }

  /**
   * Only the earlier of the flows' next arrivals is an engine event: with one pending event
   * per flow the less frequent flow's waited in the heap behind thousands of mailbox and
   * license timers, and every external message paid a heap push and pop (issue 9 profile);
   * the earliest event is almost always ahead of the whole heap, which the scheduler keeps
   * in a slot in front of it. Same arrivals, same order of arrivals.
   */
  private postEarliest(): void {
    let earliest: Flow | undefined;
    for (const flow of this.flows) {
      if (flow.next === Infinity) continue;
      if (earliest === undefined || flow.next < earliest.next || (flow.next === earliest.next && flow.drawn < earliest.drawn)) earliest = flow;
    }
    if (earliest !== undefined) this.options.scheduler.post(earliest.next, earliest.kind, 'generated', this.arrive, earliest);
  }

  private readonly arrive = (flow: Flow, now: Millis): void => {
    const recipient = this.volumes.pick(this.pick);
    if (flow.name === 'internal') this.options.sink.internal(this.volumes.pickOther(this.pick, recipient), recipient, now);
    else this.options.sink.external(Math.floor(this.pick.next32() * Math.max(1, this.options.senderOrganisations)), recipient, now);
    this.drawNext(flow);
    this.postEarliest();
  };
}

/** The moment generated traffic stops: the horizon minus the quiet period (default 1 day). */
export const generatedTrafficStopsAt = (horizon: Millis, flow: GeneratedMailFlow): Millis =>
  Math.max(0, horizon - (flow.quietBeforeHorizon ?? DEFAULT_GENERATED_MAIL_FLOW.quietBeforeHorizon ?? DAY));
