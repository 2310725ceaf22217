import { DAY, InputError } from '../sim/index.js';
import type { SimulationConfig } from '../model/config.js';

/**
 * The work budget: before a run starts, its size is estimated from the resolved config
 * (mailboxes, messages, engine events, memory) and a run over the budget is refused with
 * the flag that raises it (`--budget <factor>`), instead of spinning for minutes or running
 * out of memory. Each field's range keeps one number sane; the budget keeps their product
 * sane (2,000 mailboxes × 10,000 messages a day × a year is in range and far too big).
 *
 * The estimates are upper-leaning expectations, calibrated on the built-ins (engine events
 * ≈ 0.8 messages on textbook and max: docs/cli.md, Work budget); they decide only whether
 * to start, never what the run does.
 */

export interface WorkEstimate {
  mailboxes: number;
  /** Generated plus explicit messages over the horizon. */
  messages: number;
  /** Engine events: message arrivals and deliveries, sync passes, resolver and sender work. */
  events: number;
  /** Peak memory of the run, bytes. */
  memoryBytes: number;
}

export interface WorkBudget {
  events: number;
  memoryBytes: number;
}

/**
 * What a laptop runs in about a minute: max.yaml, the largest built-in (2,000 mailboxes,
 * 16 days), is about 3 million events; the budget is ten times that, and 2 GB, well inside
 * Node's default heap on a 64-bit machine.
 */
export const DEFAULT_WORK_BUDGET: WorkBudget = { events: 30_000_000, memoryBytes: 2 * 1024 ** 3 };

/** Per-item memory (assumptions, measured on the built-ins): a message record, its queue slot, and per-entity state. */
const BYTES_PER_MESSAGE = 96;
const BYTES_PER_EVENT_PENDING = 64;
const BYTES_PER_MAILBOX = 8 * 1024;
const BYTES_PER_RESOLVER_OR_SENDER = 2 * 1024;
const BASE_BYTES = 64 * 1024 ** 2;
/** Events per message: arrival, look-up and delivery fold into about one (0.8 measured); 1.5 leaves room for retries. */
const EVENTS_PER_MESSAGE = 1.5;
/** Fixed events per migrated mailbox (queue, provisioning, initial sync steps, completion). */
const EVENTS_PER_MAILBOX = 20;

export function estimateWork(config: SimulationConfig): WorkEstimate {
  const mailboxes = (config.organisation?.recipients ?? []).reduce((sum, recipient) => sum + (recipient.kind === 'mailbox' ? 1 : 0), 0);
  const days = config.horizon / DAY;
  const flow = config.mailFlow?.generated;
  // Received messages of a lognormal per-user volume (mean = median × e^(σ²/2)); outbound to the Internet is not generated.
  const generated = flow === undefined ? 0
    : mailboxes * flow.messagesPerUserPerDay * Math.exp((flow.volumeSigma ** 2) / 2) * (flow.receivedPerSent / (flow.receivedPerSent + 1)) * days;
  const messages = generated + (config.mailFlow?.explicit?.length ?? 0);
  const migrated = Math.min(mailboxes, config.migration?.maxMailboxes ?? mailboxes);
  // An interval of 0 (possible through a sweep's --vary, which sets resolved values) counts a pass a millisecond.
  const passes = config.horizon / Math.max(1, config.migration?.incrementalInterval ?? DAY);
  const population = (config.dns?.resolverCount ?? 0) + (config.senders?.senderCount ?? 0);
  const events = messages * EVENTS_PER_MESSAGE + migrated * (passes + EVENTS_PER_MAILBOX) + population + (config.plan?.length ?? 0);
  const memoryBytes = BASE_BYTES + messages * BYTES_PER_MESSAGE + mailboxes * BYTES_PER_MAILBOX + population * BYTES_PER_RESOLVER_OR_SENDER
    + Math.min(events, messages + migrated) * BYTES_PER_EVENT_PENDING;
  return { mailboxes, messages: Math.round(messages), events: Math.round(events), memoryBytes: Math.round(memoryBytes) };
}

const count = (value: number): string => Math.round(value).toLocaleString('en-US');
const gigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** The budget raised by `factor` (the `--budget` flag). */
export const scaledBudget = (factor: number, budget: WorkBudget = DEFAULT_WORK_BUDGET): WorkBudget =>
  ({ events: budget.events * factor, memoryBytes: budget.memoryBytes * factor });

/**
 * Refuses a run over the budget (SCENARIO_OVER_BUDGET, exit 2) naming the estimate, the
 * budget and the factor that would admit it. Returns the estimate otherwise.
 */
export function checkWorkBudget(config: SimulationConfig, budget: WorkBudget, file?: string): WorkEstimate {
  const estimate = estimateWork(config);
  const factor = Math.max(estimate.events / budget.events, estimate.memoryBytes / budget.memoryBytes);
  if (factor > 1) {
    // --budget scales the default budget, so the factor that admits this run is measured against the default.
    const needed = Math.ceil(Math.max(estimate.events / DEFAULT_WORK_BUDGET.events, estimate.memoryBytes / DEFAULT_WORK_BUDGET.memoryBytes));
    throw new InputError('SCENARIO_OVER_BUDGET',
      `this run would take about ${count(estimate.messages)} messages, ${count(estimate.events)} engine events and ${gigabytes(estimate.memoryBytes)} `
      + `(${count(estimate.mailboxes)} mailboxes over ${count(config.horizon / DAY)} days); the work budget is ${count(budget.events)} events and ${gigabytes(budget.memoryBytes)}. `
      + `Shorten the horizon or the traffic (mailFlow.generated.messagesPerUserPerDay), or raise the budget with --budget ${Math.max(2, needed)}`,
      file === undefined ? {} : { file }, `at most ${count(budget.events)} events and ${gigabytes(budget.memoryBytes)}`);
  }
  return estimate;
}
