import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulationConfig } from '../../../model/config.js';
import { builtinScenarioNames, importInventory, loadScenario, scenarioJsonSchema } from '../../../scenarios/index.js';
import { main, memoryIo, type Engine } from '../../../cli/index.js';
import { fixtureResult } from '../../fixtures/simulation-result.js';
import { temporaryDirectory } from '../../fixtures/temporary.js';

/**
 * Shared set-up of the fuzz shard tests: a tiny base scenario in a temporary directory and
 * a stand-in engine with a planted bug, so a case costs microseconds and some cases (not
 * all) are counterexamples. The base plan has 8 steps; a generated plan that adds a step
 * "loses" a message that no finding explains, which breaks clean-plan-loses-nothing.
 */
export const BASE_STEPS = 8;

const TINY = `name: tiny
seed: 3
horizon: 48h
organisation:
  domain: contoso.com
  mailboxes:
    - { address: ann@contoso.com, displayName: Ann, size: "20 MB", items: 50 }
plan:
  - { action: publish-verification-txt, at: 0s }
  - { action: verify-domain, at: 20m }
  - { action: create-endpoint, at: 30m }
  - { action: create-batch, at: 40m, name: Wave1 }
  - { action: start-batch, after: batch-created }
  - { action: assign-licenses, after: initial-sync-done }
  - { action: switch-mx, at: "2h after initial-sync-done" }
  - { action: remove-batch, at: "24h after mx-switched" }
`;

/** A fresh temporary directory holding `tiny.yaml`; returns both paths. */
export function fuzzDirectory(): { directory: string; scenario: string } {
  const directory = temporaryDirectory('fuzz-shards');
  const scenario = join(directory, 'tiny.yaml');
  writeFileSync(scenario, TINY);
  return { directory, scenario };
}

const clean = fixtureResult({ messages: { sent: 3, delivered: 3, deliveredLate: 0, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 0 }, reasons: {}, traces: [] });
const lossy = fixtureResult({ messages: { sent: 4, delivered: 3, deliveredLate: 0, bounced: 0, lost: 1, stranded: 0, recovered: 0, pending: 0 }, reasons: { 'planted-bug': 1 }, traces: [] });

/** The stand-in engine (without the bug when `bug: false`); `calls` counts the simulations it ran. */
export function plantedBugEngine(options: { bug?: boolean } = {}): Engine & { calls: number } {
  const engine = {
    loadScenario,
    builtinScenarioNames,
    importInventory,
    scenarioJsonSchema,
    calls: 0,
    checkPlan: () => [],
    simulate(config: SimulationConfig) {
      engine.calls++;
      return options.bug !== false && config.plan.length > BASE_STEPS ? lossy : clean;
    },
  };
  return engine;
}

export async function cli(argv: string[], engine: Engine = plantedBugEngine()) {
  const io = memoryIo();
  const code = await main(argv, io, engine);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

export interface CaseRecord {
  case: number;
  verdict: string;
  invariant?: string;
  path?: string;
  counterexampleFile?: string;
}

/** The case lines of a results file (header dropped). */
export const casesOf = (file: string): CaseRecord[] =>
  readFileSync(file, 'utf8').trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as CaseRecord);

/** Case → verdict (with the broken invariant and fast-check path), in case order: what must not depend on sharding. */
export const verdicts = (cases: readonly CaseRecord[]): string[] =>
  [...cases].sort((a, b) => a.case - b.case).map((line) => `${line.case}:${line.verdict}:${line.invariant ?? ''}:${line.path ?? ''}`);
