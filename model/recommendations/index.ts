/**
 * Recommended times for a plan, from the key times runs of it observed, and the findings for
 * a run that did not follow them. Pure: the runs are made elsewhere (model/checker recommend).
 */
export { recommendFromRuns, planTakes, percentile } from './from-runs.js';
export { recommendationFindings, RECOMMENDATION_RULES } from './violations.js';
export { withRecommendations } from './apply.js';
export { keyTimesOf } from './key-times.js';
