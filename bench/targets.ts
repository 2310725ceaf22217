/**
 * The bench's targets, each read from the summaries of one run of `npm run bench`. Rates
 * are per CPU-second: on a shared machine wall time moves with other work, CPU time much
 * less (issue 19). A target whose cases were not run is shown as not measured.
 */
import { format, type CaseSummary } from './summary.js';

export interface Target {
  text: string;
  why: string;
  /** The figure and whether it meets the target, or undefined when a case it needs did not run. */
  measure(cases: Record<string, CaseSummary>): { figure: string; met: boolean } | undefined;
}

const atLeast = (name: string, minimum: number, text: string, why: string): Target => ({
  text,
  why,
  measure: (cases) => {
    const rate = cases[name]?.rate?.median;
    return rate === undefined ? undefined : { figure: `${format(rate)} ${cases[name]!.unit}/CPU-s`, met: rate >= minimum };
  },
});

export const TARGETS: readonly Target[] = [
  {
    text: 'max ≥ 1/3 of the floor (messages per CPU-second)',
    why: 'issue 19: within 3× of what the engine, the random streams and the ledger cost per message',
    measure: ({ max, floor }) => {
      if (max?.rate === undefined || floor?.rate === undefined) return undefined;
      const ratio = max.rate.median / floor.rate.median;
      return { figure: `${ratio.toFixed(3)} (1/${(1 / ratio).toFixed(2)}): ${format(max.rate.median)} ÷ ${format(floor.rate.median)} messages/CPU-s`, met: ratio >= 1 / 3 };
    },
  },
  {
    text: 'textbook 30 d ≤ 150 ms CPU',
    why: 'issue 19; judged on a fresh process (compiling included), as `cutover run` pays it; the warm figure is what each run of a sweep pays',
    measure: ({ textbook, 'textbook-warm': warm }) => {
      if (textbook === undefined) return undefined;
      const warmFigure = warm === undefined ? '' : ` (warm: ${format(warm.cpuMs.median)} ms)`;
      return { figure: `${format(textbook.cpuMs.median)} ms CPU${warmFigure}`, met: textbook.cpuMs.median <= 150 };
    },
  },
  {
    text: 'max peak memory ≤ 250 MB',
    why: 'issue 19 (largest resident set of the max runs)',
    measure: ({ max }) => max === undefined ? undefined : { figure: `${format(max.peakRssMB.max)} MB`, met: max.peakRssMB.max <= 250 },
  },
  {
    text: 'memory per message ≤ 16 bytes (marginal)',
    why: 'issue 19: a 16-byte record and nothing else kept per message',
    measure: (cases) => {
      const bytes = cases['memory-scaling']?.value?.median;
      return bytes === undefined ? undefined : { figure: `${format(bytes)} bytes/message`, met: bytes <= 16 };
    },
  },
  {
    text: 'sweep pool efficiency ≥ 0.9 (runs per CPU-second on 2 workers ÷ on 1)',
    why: 'issue 19: the sweep target of issue 9 restated in CPU terms',
    measure: (cases) => {
      const efficiency = cases['sweep-pool']?.value?.median;
      return efficiency === undefined ? undefined : { figure: efficiency.toFixed(3), met: efficiency >= 0.9 };
    },
  },
  {
    text: 'max ≤ 5 s CPU',
    why: 'issue 9 (then ≤ 5 s of wall time)',
    measure: ({ max }) => max === undefined ? undefined : { figure: `${format(max.cpuMs.median)} ms CPU`, met: max.cpuMs.median <= 5_000 },
  },
  atLeast('engine-hold', 2_500_000, 'bare engine ≥ 2.5M events per CPU-second', 'simulation notes §4: a binary heap does 2.6-3.65M/s'),
  atLeast('xstate-delays', 50_000, 'XState delayed transitions ≥ 50k per CPU-second', 'simulation notes §1.7: 57-75k/s for XState 5.33'),
  atLeast('properties', 200, 'property cases ≥ 200 per CPU-second', 'issue 7'),
];
