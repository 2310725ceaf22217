import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEngineDemo } from '../../sim/demo.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('determinism', () => {
  it('gives the same trace hash for two runs in one process', () => {
    const first = runEngineDemo(11);
    const second = runEngineDemo(11);
    expect(second).toEqual(first);
    expect(first.events).toBeGreaterThan(1_000);
    expect(runEngineDemo(12).traceHash).not.toBe(first.traceHash);
  });

  it('gives the same trace hash in another process', () => {
    const script = "import { runEngineDemo } from './sim/demo.ts'; console.log(JSON.stringify(runEngineDemo(11)));";
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(runEngineDemo(11));
  });
});
