import { holdModel, xstateDelays } from './engine.js';
import { floorRun } from './floor.js';
import type { CaseFigures } from './measure.js';
import { propertyCases } from './properties.js';
import { sketchRun } from './sketch.js';
import { benchConfig, fullRun, memoryScaling, warmRuns } from './scenario-runs.js';
import { sweepPoolThroughput, sweepThroughput } from './sweep.js';

export interface BenchCase {
  title: string;
  /** Runs the case once in this process; `messages` is the count `max` sent in the same bench run (the floor and the sketch use it). */
  run(options: { messages?: number }): CaseFigures | Promise<CaseFigures>;
}

/** Every benchmark `npm run bench` runs, in order (the targets are in targets.ts). */
export const BENCH_CASES: Record<string, BenchCase> = {
  'engine-hold': {
    title: 'Engine: hold model, bare events',
    run: () => holdModel(1_000, 1_000_000),
  },
  'engine-hold-traced': {
    title: 'Engine: hold model with the trace hash on',
    run: () => holdModel(1_000, 1_000_000, true),
  },
  'xstate-delays': {
    title: 'Engine: XState delayed transitions on the engine clock',
    run: () => xstateDelays(1_000, 200),
  },
  textbook: {
    title: 'Scenario textbook, full run (150 mailboxes, 30 days)',
    run: () => fullRun('textbook', benchConfig('textbook')),
  },
  'textbook-warm': {
    title: 'Scenario textbook, 30 days, warm (the process ran it once before)',
    run: () => warmRuns('textbook', benchConfig('textbook')),
  },
  max: {
    title: 'Scenario max, full run (2,000 mailboxes, 30 days, ~100 messages/user/day)',
    run: () => fullRun('max', benchConfig('max')),
  },
  floor: {
    title: 'Floor: max\'s messages, each one draw, one queue operation, one record write',
    run: ({ messages }) => floorRun(messages),
  },
  sketch: {
    title: 'Sketch: max\'s messages through only the steps every message takes, nothing of the cutover',
    run: ({ messages }) => sketchRun(messages),
  },
  'memory-scaling': {
    title: 'Memory per message: textbook at 1× and 4× the mail volume',
    run: () => memoryScaling('textbook', 4),
  },
  properties: {
    title: 'Properties: small generated cases (generate + simulate)',
    run: () => propertyCases(1_000),
  },
  sweep: {
    title: 'Sweep: all cores against one worker (CLI, start-up included)',
    run: () => sweepThroughput(),
  },
  'sweep-pool': {
    title: 'Sweep pool without start-up: efficiency per CPU-second, all cores against one worker',
    run: () => sweepPoolThroughput(200),
  },
};

/**
 * Cases run alternately, run by run, so that a change in the machine's load falls on all alike;
 * naming the first of a group brings the others along, and they send as many messages as it.
 */
export const ALTERNATED: readonly (readonly string[])[] = [['max', 'floor', 'sketch']];
