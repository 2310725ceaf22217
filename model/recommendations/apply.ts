import type { SimulationConfig } from '../config.js';
import type { SimulationResult } from '../result.js';
import { keyTimesOf } from './key-times.js';
import { recommendFromRuns } from './from-runs.js';
import { RECOMMENDATION_RULES, recommendationFindings } from './violations.js';

const RULES: ReadonlySet<string> = new Set(RECOMMENDATION_RULES);

/**
 * The result with recommendations from itself and `others` (runs of the same plan with other
 * seeds), and the findings for any recommendation it did not follow, replacing the ones it had.
 */
export function withRecommendations(config: SimulationConfig, result: SimulationResult, others: readonly SimulationResult[] = []): SimulationResult {
  const observed = keyTimesOf(result);
  const recommendations = recommendFromRuns(config, [observed, ...others.map(keyTimesOf)]);
  const findings = [...result.findings.filter((finding) => !RULES.has(finding.rule)), ...recommendationFindings(observed, recommendations)];
  return { ...result, keyTimes: observed, recommendations, findings };
}
