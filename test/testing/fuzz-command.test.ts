import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../sim/index.js';
import type { SimulationConfig } from '../../model/config.js';
import type { SimulationResult } from '../../model/result.js';
import { coloursFor } from '../../cli/colour.js';
import type { Engine } from '../../cli/engine.js';
import { addFuzzCommand } from '../../cli/fuzz/command.js';
import { fuzz } from '../../cli/fuzz/search.js';
import { memoryIo } from '../../cli/io.js';
import { checkPlan } from '../../model/checker/index.js';
import { simulate } from '../../model/simulation.js';
import { parseScenario } from '../../scenarios/index.js';
import { TEXTBOOK_TIMELINE } from '../../testing/index.js';
import { smallConfig } from '../fixtures/config.js';
import { fixtureResult } from '../fixtures/simulation-result.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

const directory = temporaryDirectory('fuzz');
/** One mailbox, the textbook, no mail: nothing can be lost. */
const base = smallConfig({ name: 'base', horizon: 6 * HOUR, mailboxCount: 1, plan: [...TEXTBOOK_TIMELINE], mailFlow: { explicit: [] } });

/** The real engine with a planted bug: a plan that tests the endpoint (harmless) "loses" a message. */
const buggy = {
  checkPlan,
  simulate: (config: SimulationConfig): SimulationResult => {
    const result = simulate(config);
    if (!config.plan.some((action) => action.action === 'testEndpoint')) return result;
    return { ...result, messages: { ...result.messages, sent: result.messages.sent + 1, lost: result.messages.lost + 1 }, reasons: { ...result.reasons, 'planted-bug': 1 } };
  },
};

describe('cutover fuzz', () => {
  it('writes the shrunk counterexample as a scenario file that reads back and names its replay', () => {
    const output = join(directory, 'found.yaml');
    const outcome = fuzz(buggy, base, 'base.yaml', { runs: 300, time: 60_000, seed: 1, output, metamorphic: false });
    expect(outcome.counterexample).toBeDefined();
    // shrunk to the base plan plus one endpoint test
    expect(outcome.counterexample!.config.plan.slice(0, TEXTBOOK_TIMELINE.length)).toEqual(TEXTBOOK_TIMELINE);
    expect(outcome.counterexample!.config.plan.slice(TEXTBOOK_TIMELINE.length).map((action) => action.action)).toEqual(['testEndpoint']);
    const text = readFileSync(output, 'utf8');
    expect(text).toContain(`# Replay: cutover replay ${output} --seed ${outcome.counterexample!.config.seed}`);
    expect(text).toContain('# Broken invariant: ');
    const loaded = parseScenario(text, output);
    expect(loaded.config.plan).toEqual(outcome.counterexample!.config.plan);
    expect(loaded.config.organisation).toEqual(base.organisation);
  });

  it('reports no counterexample with exit 0 when every invariant holds, and prints how to search again', async () => {
    const clean = fixtureResult({ messages: { sent: 3, delivered: 3, deliveredLate: 0, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 0 }, reasons: {}, traces: [] });
    const engine = { loadScenario: () => ({ config: { ...base, horizon: DAY }, source: { file: 'base.yaml', text: '' } }), simulate: () => clean, checkPlan: () => [] } as unknown as Engine;
    const io = memoryIo();
    let exitCode: number | undefined;
    const program = new Command().exitOverride();
    addFuzzCommand(program, { io, colours: coloursFor(io), engine: async () => engine, setExitCode: (code) => { exitCode = code; } });
    await program.parseAsync(['fuzz', 'base.yaml', '--runs', '5', '--seed', '3'], { from: 'user' });
    expect(exitCode).toBe(0);
    expect(io.out.join('')).toContain('No counterexample in 5 cases (seed 3).\nSearch again: cutover fuzz base.yaml --runs 5 --seed 3');
  });

  it('sets exit 1 on a counterexample and refuses a bad --time', async () => {
    const io = memoryIo();
    let exitCode: number | undefined;
    const engine = { loadScenario: () => ({ config: base, source: { file: 'base.yaml', text: '' } }), ...buggy } as unknown as Engine;
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    addFuzzCommand(program, { io, colours: coloursFor(io), engine: async () => engine, setExitCode: (code) => { exitCode = code; } });
    await program.parseAsync(['fuzz', 'base.yaml', '--runs', '300', '--seed', '1', '--no-metamorphic', '-o', join(directory, 'again.yaml')], { from: 'user' });
    expect(exitCode).toBe(1);
    expect(io.out.join('')).toMatch(/Counterexample after \d+ cases: /);
    await expect(program.parseAsync(['fuzz', 'base.yaml', '--time', 'soon'], { from: 'user' })).rejects.toThrow(/duration/);
  });
});
