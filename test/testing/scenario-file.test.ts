import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseScenario } from '../../scenarios/index.js';
import { scenarioArbitrary } from '../../testing/arbitraries/index.js';
import { scenarioFileData, scenarioFileProblems, scenarioFileText } from '../../testing/scenario-file.js';

describe('scenario files written from a config', () => {
  test.prop([scenarioArbitrary()], { numRuns: 60 })('read back to the same config', (config) => {
    expect(scenarioFileProblems(config)).toEqual([]);
    const loaded = parseScenario(scenarioFileText(config, { comment: 'written by a test' }), 'generated.yaml');
    expect(loaded.config).toEqual(config);
  });

  test.prop([scenarioArbitrary()], { numRuns: 10 })('leave out the defaults the file format fills in', (config) => {
    const data = scenarioFileData(config) as { migration?: Record<string, unknown>; mailFlow: { generated: unknown } };
    expect(data.migration?.mailboxThroughputMedianPerHour).toBeUndefined();
    if (config.mailFlow.generated === undefined) expect(data.mailFlow.generated).toBe(false);
  });

  test('name a config the file format cannot carry', () => {
    const config = fc.sample(scenarioArbitrary(), { seed: 1, numRuns: 1 })[0]!;
    const odd = { ...config, name: 'has spaces', migration: { ...config.migration, incrementalPassOverhead: 1 } };
    expect(scenarioFileProblems(odd)).toHaveLength(2);
  });
});
