import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinScenarioNames } from '../../scenarios/index.js';
import { goldenRuns, goldenSimulation, GOLDEN_SEED, type GoldenRun } from './golden-runs.js';

/**
 * Golden truths of the built-in scenarios (issue 20): at seed 1, each one's trace hash, the
 * exit code of `cutover run` and the cause with the most lost or bounced messages, pinned in
 * golden/builtins.json and computed again in a second process. They change only on purpose:
 * after a deliberate model change, regenerate with
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/scenarios/golden.test.ts
 *
 * and say in the commit message why each changed value changed.
 */
const FILE = new URL('./golden/builtins.json', import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const HOW = 'If the model changed on purpose, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/scenarios/golden.test.ts` and give the reason in the commit message.';

describe('golden built-in runs', () => {
  it(`pins each built-in's trace hash, exit code and largest cause at seed ${GOLDEN_SEED}, the same in another process`, async () => {
    const runs = await goldenRuns();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, `${JSON.stringify(runs, null, 2)}\n`);
    const pinned = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, GoldenRun>;
    expect(Object.keys(pinned).sort(), `every built-in has a golden row. ${HOW}`).toEqual([...builtinScenarioNames()].sort());
    for (const name of builtinScenarioNames()) expect(runs[name], `${name} moved from its golden row. ${HOW}`).toEqual(pinned[name]);
    const script = "import('./test/scenarios/golden-runs.ts').then(async (m) => process.stdout.write(JSON.stringify(await m.goldenRuns())));";
    const other = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })) as Record<string, GoldenRun>;
    expect(other, 'a second process gives the same golden runs (determinism across processes)').toEqual(runs);
  }, 240_000);

  it('the command and the model give the same golden run', async () => {
    const runs = await goldenRuns(); // this process's runs, already made above
    for (const name of builtinScenarioNames()) {
      const result = goldenSimulation(name);
      expect(result.traceHash, `${name}: cutover run and simulate disagree`).toBe(runs[name]!.traceHash);
      const largest = Object.entries(result.reasons).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'none';
      expect(largest, `${name}: the model's largest cause`).toBe(runs[name]!.largestCause);
    }
  });

  it('the table holds both outcomes: some built-ins pass and some fail with a named cause', () => {
    const pinned = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, GoldenRun>;
    expect(pinned.textbook).toMatchObject({ exitCode: 0, largestCause: 'none' });
    expect(Object.values(pinned).some((run) => run.exitCode === 1 && run.largestCause !== 'none')).toBe(true);
  });
});
