import { holdModel, xstateDelays, type CaseFigures } from './engine.js';
import { propertyCases } from './properties.js';
import { benchConfig, fullRun, memoryScaling } from './scenario-runs.js';
import { sweepPoolThroughput, sweepThroughput } from './sweep.js';

export interface BenchCase {
  title: string;
  /**
   * A target the figures must meet on the reference 2-core machine, if any: `min` / `maxRate`
   * bound the headline rate (from below / above), the others the wall time and peak memory.
   */
  target?: { min?: number; maxRate?: number; maxWallMs?: number; maxPeakRssMB?: number; text: string };
  run(): CaseFigures | Promise<CaseFigures>;
}

/** Every benchmark `npm run bench` runs, in order. */
export const BENCH_CASES: Record<string, BenchCase> = {
  'engine-hold': {
    title: 'Engine: hold model, bare events',
    target: { min: 2_500_000, text: '≥ 2.5M events/s' },
    run: () => holdModel(1_000, 1_000_000),
  },
  'engine-hold-traced': {
    title: 'Engine: hold model with the trace hash on',
    run: () => holdModel(1_000, 1_000_000, true),
  },
  'xstate-delays': {
    title: 'Engine: XState delayed transitions on the engine clock',
    target: { min: 50_000, text: '≥ 50k transitions/s' },
    run: () => xstateDelays(1_000, 200),
  },
  textbook: {
    title: 'Scenario textbook, full run (150 mailboxes, 30 days)',
    target: { maxWallMs: 500, text: '≤ 0.5 s' },
    run: () => fullRun('textbook', benchConfig('textbook')),
  },
  max: {
    title: 'Scenario max, full run (2,000 mailboxes, 30 days, ~100 messages/user/day)',
    target: { maxWallMs: 5_000, maxPeakRssMB: 500, text: '≤ 5 s and ≤ 500 MB' },
    run: () => fullRun('max', benchConfig('max')),
  },
  'memory-scaling': {
    title: 'Memory per message: textbook at 1× and 4× the mail volume',
    // The ledger's record is 24 bytes; on-prem queues hold 12 more while a message waits for a sync pass.
    target: { maxRate: 48, text: '≤ 48 bytes/message (compact arrays only)' },
    run: () => memoryScaling('textbook', 4),
  },
  properties: {
    title: 'Properties: small generated cases (generate + simulate)',
    target: { min: 200, text: '≥ 200 cases/s' },
    run: () => propertyCases(1_000),
  },
  sweep: {
    title: 'Sweep: all cores against one worker',
    target: { min: 1.7, text: '≥ 1.7× faster on 2 workers' },
    run: () => sweepThroughput(),
  },
  'sweep-pool': {
    title: 'Sweep pool without start-up: all cores against one worker',
    run: () => sweepPoolThroughput(200),
  },
};
