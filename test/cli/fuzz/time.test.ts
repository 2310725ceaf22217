import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../../scenarios/index.js';
import { fuzzCampaignDifference, fuzzCampaignFor } from '../../../cli/fuzz/campaign.js';
import { openFuzzResults } from '../../../cli/fuzz/out.js';
import { describeMissingCases, mergeFuzzResults } from '../../../cli/fuzz/merge.js';
import { counterexampleName, runFuzzShard } from '../../../cli/fuzz/shard.js';
import { fuzzDirectory, plantedBugEngine } from './fixture.js';

/** A clock that advances one millisecond each time it is read: the deadline is then a number of cases. */
const ticking = () => {
  let now = 0;
  return () => now++;
};

describe('a fuzz shard stopped by --time', () => {
  test('leaves its later cases undone; running it again finishes them with the same verdicts', () => {
    const { directory, scenario } = fuzzDirectory();
    const base = loadScenario(scenario).config;
    const campaign = fuzzCampaignFor(base, 20, 7, { metamorphic: false }, 'cutover fuzz tiny.yaml --runs 20 --seed 7 --no-metamorphic');
    const shard = { index: 2, count: 2 };
    const out = join(directory, 'shard-2.jsonl');
    const engine = plantedBugEngine();
    const writer = openFuzzResults(out, campaign, shard, false);
    const stopped = runFuzzShard({ engine, base, campaign, shard, writer, out, deadline: 3, clock: ticking() });
    writer.close();
    expect(stopped).toMatchObject({ cases: 10, ran: 3, resumed: 0, left: 7 });
    expect(stopped.lines.map((line) => line.case)).toEqual([1, 3, 5]);
    const partial = mergeFuzzResults([{ file: out, text: readFileSync(out, 'utf8') }]);
    expect(describeMissingCases(partial)).toBe('17 of 20 cases were not run: shard 1/2 (no cases), shard 2/2 (7 of 10 missing)');

    const again = openFuzzResults(out, campaign, shard, false);
    expect([...again.done.keys()]).toEqual([1, 3, 5]);
    const finished = runFuzzShard({ engine, base, campaign, shard, writer: again, out, deadline: Infinity, clock: ticking() });
    again.close();
    expect(finished).toMatchObject({ cases: 10, ran: 7, resumed: 3, left: 0 });

    const straight = join(directory, 'straight.jsonl');
    const writerStraight = openFuzzResults(straight, campaign, shard, false);
    const reference = runFuzzShard({ engine, base, campaign, shard, writer: writerStraight, out: straight, deadline: Infinity, clock: ticking() });
    writerStraight.close();
    const verdict = ({ case: index, verdict: kind, invariant, path }: { case: number; verdict: string; invariant?: string; path?: string }) => ({ index, kind, invariant, path });
    expect(finished.lines.map(verdict)).toEqual(reference.lines.map(verdict));
  });
});

describe('fuzz campaign identity', () => {
  const base = loadScenario(fuzzDirectory().scenario).config;
  const campaign = fuzzCampaignFor(base, 20, 7, { metamorphic: true }, 'cutover fuzz tiny.yaml --runs 20 --seed 7');

  test('the id depends on the scenario, runs, seed and settings, not on the command text', () => {
    expect(fuzzCampaignFor(base, 20, 7, { metamorphic: true }, 'another spelling').id).toBe(campaign.id);
    expect(fuzzCampaignDifference(campaign, fuzzCampaignFor(base, 21, 7, { metamorphic: true }, ''))).toBe('it had --runs 21, not 20');
    expect(fuzzCampaignDifference(campaign, fuzzCampaignFor({ ...base, horizon: base.horizon + 1 }, 20, 7, { metamorphic: true }, ''))).toMatch(/^the scenario "tiny" was different/);
    expect(fuzzCampaignDifference(campaign, fuzzCampaignFor({ ...base, name: 'other' }, 20, 7, { metamorphic: true }, ''))).toBe('it is from scenario "other", not "tiny"');
    expect(fuzzCampaignDifference(campaign, fuzzCampaignFor(base, 20, 7, { metamorphic: false }, ''))).toBe('it was run with --no-metamorphic');
  });

  test('counterexample files are named after the results file and the case', () => {
    expect(counterexampleName('out/shard-3.jsonl', 17)).toBe('shard-3.case-17.yaml');
    expect(counterexampleName('results', 0)).toBe('results.case-0.yaml');
  });
});
