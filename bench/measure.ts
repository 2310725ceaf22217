/** What one benchmark run reports, and the clock both wall and CPU time are read from. */
export interface CaseFigures {
  /**
   * Units of work done (events, messages, cases): the runner divides them by CPU and wall
   * seconds. Cases whose headline is not a rate (bytes per message, a ratio) leave it out.
   */
  work?: number;
  /** The unit of `work` ("events", "messages") or of `value`. */
  unit: string;
  /** The headline when it is not a rate of `work`. */
  value?: number;
  /** Messages the run sent, when it is a full run (messages per CPU-second, the floor ratio). */
  messages?: number;
  wallMs: number;
  /** CPU time of the whole process (every thread: V8 compiles and collects on its own threads). */
  cpuMs: number;
  detail?: string;
  /** Further figures a target reads (for example the sweep pool's efficiency). */
  extra?: Record<string, number>;
}

export interface Timed<T> {
  result: T;
  wallMs: number;
  cpuMs: number;
}

/** Runs `work` once and measures its wall time and the process's CPU time (process.cpuUsage). */
export function timed<T>(work: () => T): Timed<T> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const wallMs = performance.now() - started;
  return { result, wallMs, cpuMs: cpuMillis(process.cpuUsage(cpuBefore)) };
}

/** The figures of a run that sent `messages`: its rate is messages per CPU-second. */
export const messageFigures = (messages: number, { wallMs, cpuMs }: { wallMs: number; cpuMs: number }, detail: string): CaseFigures =>
  ({ work: messages, messages, unit: 'messages', wallMs, cpuMs, detail });

export const cpuMillis = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1_000;
