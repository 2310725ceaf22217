import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { campaignDifference, campaignFor, campaignJobs, canonicalJson, jobIndex } from '../../../cli/sweep/campaign.js';
import { parseVary } from '../../../cli/sweep/range.js';
import { parseResults, runLine } from '../../../cli/sweep/results.js';
import { loadScenario } from '../../../scenarios/index.js';

const { config } = loadScenario('test/cli/fixtures/hostile.yaml');
const vary = parseVary('dns.initialMxTtl=1h..5h:2h');

describe('campaign identity', () => {
  test('canonical JSON ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'x' }] })).toBe(canonicalJson({ a: [2, { c: 'x' }], b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });

  test('the seed and the base value of the varied field do not change the campaign; anything else does', () => {
    const base = campaignFor(config, vary, 4, 'cmd');
    const reseeded = campaignFor({ ...config, seed: 99, dns: { ...config.dns, initialMxTtl: 12 } }, vary, 4, 'another cmd');
    expect(reseeded.id).toBe(base.id);
    expect(campaignDifference(base, reseeded)).toBeUndefined();
    const longer = campaignFor({ ...config, horizon: config.horizon + 1 }, vary, 4, 'cmd');
    expect(campaignDifference(base, longer)).toMatch(/^the scenario "hostile" was different/);
    expect(campaignDifference(base, campaignFor(config, vary, 5, 'cmd'))).toBe('it ran 5 seeds per value, not 4');
    expect(campaignDifference(base, campaignFor(config, parseVary('dns.initialMxTtl=1h..7h:2h'), 4, 'cmd'))).toBe('it varied dns.initialMxTtl=1h..7h:2h, not dns.initialMxTtl=1h..5h:2h');
    expect(campaignDifference(base, campaignFor({ ...config, name: 'other' }, vary, 4, 'cmd'))).toBe('it is from scenario "other", not "hostile"');
  });

  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 })], { numRuns: 50 })('jobIndex is the position in campaignJobs', (values, seeds) => {
    const spec = { ...vary, values: Array.from({ length: values }, (_, index) => index * 10) };
    const jobs = campaignJobs({ vary: spec, seeds });
    expect(jobs).toHaveLength(values * seeds);
    expect(jobs.every((job, index) => jobIndex({ vary: spec, seeds }, job) === index)).toBe(true);
    expect(jobIndex({ vary: spec, seeds }, { value: 5, seed: 1 })).toBeUndefined();
    expect(jobIndex({ vary: spec, seeds }, { value: 0, seed: seeds + 1 })).toBeUndefined();
  });
});

describe('results file lines', () => {
  const campaign = campaignFor(config, vary, 2, 'cmd');
  const run = { value: vary.values[0]!, seed: 1, traceHash: 'ab', sent: 3, delivered: 2, deliveredLate: 1, bounced: 0, lost: 0, delays: [5, 6] };
  const header = JSON.stringify({ cutoverSweep: 1, campaign, shard: { index: 1, count: 1 } });

  test('a header, runs, and a last line cut short (even one that parses) is damaged', () => {
    const line = runLine(campaign.id, run);
    expect(parseResults(`${header}\n${line}${line.slice(0, 20)}`).map((parsed) => parsed.kind)).toEqual(['header', 'run', 'damaged']);
    expect(parseResults(`${header}\n${line.trimEnd()}`).map((parsed) => parsed.kind)).toEqual(['header', 'damaged']);
  });

  test('garbage and wrong shapes in the middle are damaged, blank lines skipped', () => {
    const parsed = parseResults(`${header}\nnot json\n{"value":1}\n\n${runLine(campaign.id, run)}`);
    expect(parsed.map((line) => [line.kind, line.line])).toEqual([['header', 1], ['damaged', 2], ['damaged', 3], ['run', 5]]);
    expect(parsed[3]).toMatchObject({ run: { ...run, campaign: campaign.id } });
  });
});
