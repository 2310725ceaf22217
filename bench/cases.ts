import { holdModel, xstateDelays, type CaseFigures } from './engine.js';
import { propertyCases } from './properties.js';

export interface BenchCase {
  title: string;
  /** A target the figure must meet on the reference 2-core machine, if any. */
  target?: { min?: number; maxWallMs?: number; maxPeakRssMB?: number; text: string };
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
  properties: {
    title: 'Properties: small generated cases (generate + simulate)',
    target: { min: 200, text: '≥ 200 cases/s' },
    run: () => propertyCases(1_000),
  },
};
