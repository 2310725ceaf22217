import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { builtinScenarioNames, loadScenario, parseScenario } from '../../scenarios/index.js';
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

  test.each([...builtinScenarioNames(), 'test/properties/found/clean-plan-additional-domain-verified-late.yaml'])('%s reads back to the same config', (name) => {
    const { config } = loadScenario(name);
    expect(scenarioFileProblems(config)).toEqual([]);
    expect(parseScenario(scenarioFileText(config), 'written.yaml').config).toEqual(config);
  });

  test('carry a second accepted domain, the actions on it and the pace of profile rebuilds', () => {
    const { config } = loadScenario('test/properties/found/clean-plan-additional-domain-verified-late.yaml');
    const paced = { ...config, plan: [...config.plan, { action: 'rebuildOutlookProfiles' as const, timing: { at: 0 }, rate: 12, selfService: 0.25 }] };
    const data = scenarioFileData(paced) as { organisation: { additionalDomains?: unknown[] }; plan: Record<string, unknown>[] };
    expect(data.organisation.additionalDomains).toEqual(['fabrikam.com']);
    expect(data.plan.filter((entry) => entry.domain === 'fabrikam.com')).toHaveLength(5);
    expect(data.plan.at(-1)).toMatchObject({ action: 'rebuild-outlook-profiles', rate: 12, selfService: 0.25 });
    const tuned = { ...paced, organisation: { ...paced.organisation, additionalDomains: [{ name: 'fabrikam.com', initialMxTtl: 300_000, verificationTxtPublished: true, autodiscoverCnameExists: true }] } };
    expect((scenarioFileData(tuned) as { organisation: { additionalDomains: unknown[] } }).organisation.additionalDomains).toEqual([{ name: 'fabrikam.com', initialMxTtl: '5m', verificationTxtPublished: true, autodiscoverCnameExists: true }]);
    for (const each of [paced, tuned]) expect(parseScenario(scenarioFileText(each), 'written.yaml').config).toEqual(each);
  });
});
