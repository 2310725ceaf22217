/**
 * Full runs of the built-in scenarios at the sizes the issue names (issue 9): `textbook`
 * (150 mailboxes) and `max` (2,000 mailboxes, ~100 messages per user per day), both over
 * 30 days. The scenario files keep their own horizons; the bench overrides the horizon in
 * code so the figures do not move when a scenario file is edited for its story.
 */
import { DAY } from '../sim/index.js';
import { createSimulation, simulate, type SimulationConfig } from '../model/index.js';
import { loadScenario } from '../scenarios/index.js';
import { messageFigures, timed, type CaseFigures } from './measure.js';

export const BENCH_HORIZON = 30 * DAY;

/** The built-in scenario with the bench horizon and, optionally, its generated volume scaled. */
export function benchConfig(name: string, volumeFactor = 1): SimulationConfig {
  const config = loadScenario(name).config;
  const generated = config.mailFlow.generated;
  const scaled = generated === undefined ? undefined : { ...generated, messagesPerUserPerDay: generated.messagesPerUserPerDay * volumeFactor };
  return { ...config, horizon: BENCH_HORIZON, mailFlow: { ...config.mailFlow, generated: scaled } };
}

/** Runs one config to its horizon; reports messages per CPU-second, events and compression (simulated ms per wall ms). */
export function fullRun(name: string, config: SimulationConfig): CaseFigures {
  const { result, wallMs, cpuMs } = timed(() => simulate(config));
  const events = result.events;
  const messages = result.messages.sent;
  const compression = config.horizon / wallMs;
  return messageFigures(messages, { wallMs, cpuMs }, `${name}: ${config.organisation.recipients.length.toLocaleString('en')} recipients, ${Math.round(config.horizon / DAY)} d, ${messages.toLocaleString('en')} messages, ${events.toLocaleString('en')} events, compression ${Math.round(compression).toLocaleString('en')}× (hash ${result.traceHash})`);
}

/**
 * The same run repeated in a process that has already run it once (compiled and warm), as
 * a sweep or a property search runs it: per-run CPU and wall time of the timed runs.
 */
export function warmRuns(name: string, config: SimulationConfig, runs = 3): CaseFigures {
  const hash = simulate(config).traceHash;
  const { result, wallMs, cpuMs } = timed(() => Array.from({ length: runs }, () => simulate(config)));
  if (result.some((run) => run.traceHash !== hash)) throw new Error(`${name}: a warm run gave another trace hash`);
  const messages = result[0]!.messages.sent;
  return {
    work: messages,
    unit: 'messages',
    wallMs: wallMs / runs,
    cpuMs: cpuMs / runs,
    messages,
    detail: `${name}: ${Math.round(config.horizon / DAY)} d, ${messages.toLocaleString('en')} messages; one untimed run first, then the mean of ${runs} (hash ${hash})`,
  };
}

/** Live memory (heap plus array buffers) after a full collection when --expose-gc is on. */
function liveBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Peak live memory of one run above what was live before it, sampled every simulated `every` ms. */
function peakLiveBytes(config: SimulationConfig, every: number): { peak: number; messages: number } {
  const before = liveBytes();
  const simulation = createSimulation(config);
  let peak = 0;
  for (let time = every; ; time += every) {
    simulation.runUntil(Math.min(time, config.horizon));
    peak = Math.max(peak, liveBytes() - before);
    if (time >= config.horizon) break;
  }
  const messages = simulation.result().messages.sent;
  peak = Math.max(peak, liveBytes() - before);
  return { peak, messages };
}

/**
 * Memory scaling (issue 9): the same scenario at 1× and `factor`× the generated volume. The
 * marginal bytes per message, (peak₄ − peak₁) / (messages₄ − messages₁), must stay near the
 * ledger's fixed record size: anything kept per message beyond compact arrays shows up here.
 */
export function memoryScaling(name: string, factor = 4): CaseFigures {
  const every = 2 * DAY;
  const { result: [low, high], wallMs, cpuMs } = timed(() => [peakLiveBytes(benchConfig(name, 1), every), peakLiveBytes(benchConfig(name, factor), every)] as const);
  const perMessage = (high.peak - low.peak) / (high.messages - low.messages);
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  const exact = typeof (globalThis as { gc?: unknown }).gc === 'function' ? '' : ' (no --expose-gc: garbage included)';
  return {
    value: perMessage,
    unit: 'bytes/message (marginal)',
    wallMs,
    cpuMs,
    detail: `${name} 30 d at 1× (${low.messages.toLocaleString('en')} messages, peak live ${mb(low.peak)}) and ${factor}× (${high.messages.toLocaleString('en')}, ${mb(high.peak)})${exact}`,
  };
}
