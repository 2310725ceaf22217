import { describe, expect, test } from 'vitest';
import { MISTAKE_PRESETS } from '../../../web/src/guide/presets.js';
import { builtinFindings, builtinRun } from '../../fixtures/builtin-runs.js';

/** Each preset's explanation is held to its run: the finding it names is there, and the cause it names is the largest. */
describe.each(MISTAKE_PRESETS.map((preset) => [preset.scenario, preset] as const))('the %s preset', (_name, preset) => {
  test('explains what its run shows', () => {
    const result = builtinRun(preset.scenario);
    const rules = [...result.findings, ...builtinFindings(preset.scenario)].map((finding) => finding.rule);
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
