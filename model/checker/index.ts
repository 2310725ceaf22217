/**
 * The plan checker (the article's rules and the twin's safety rules over a plan, without
 * simulating) and the recommended times. See docs/checker.md.
 */
export { checkPlan } from './check-plan.js';
export { recommend, type RecommendOptions } from './recommend.js';
export type { ScheduleRule } from './steps.js';
