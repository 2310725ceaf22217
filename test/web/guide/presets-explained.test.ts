import { describe, expect, test } from 'vitest';
import { checkPlan } from '../../../model/checker/index.js';
import { simulate } from '../../../model/simulation.js';
import { loadScenario } from '../../../scenarios/index.js';
import { MISTAKE_PRESETS } from '../../../web/src/guide/presets.js';

/** Each preset's explanation is held to its run: the finding it names is there, and the cause it names is the largest. */
describe.each(MISTAKE_PRESETS.map((preset) => [preset.scenario, preset] as const))('the %s preset', (_name, preset) => {
  test('explains what its run shows', () => {
    const { config } = loadScenario(preset.scenario);
    const result = simulate(config);
    const rules = [...result.findings, ...checkPlan(config)].map((finding) => finding.rule);
    expect(rules).toContain(preset.finding);
    const reasons = Object.entries(result.reasons).sort((a, b) => b[1] - a[1]);
    if (preset.largestReason === undefined) {
      expect(result.messages.lost + result.messages.bounced).toBe(0);
      expect(result.messages.deliveredLate).toBeGreaterThan(0);
    } else {
      expect(reasons[0]?.[0]).toBe(preset.largestReason);
    }
  });
});
