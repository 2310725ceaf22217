/** The admin's plan: actions at absolute times or after anchors, and the recommended moment to delete the batch. */
export { PlanRunner, PLAN_ANCHORS, windowMoment, type PlanRunnerOptions } from './plan-runner.js';
export { RemovalReadiness, MINIMUM_WAIT_AFTER_SWITCH, type RemovalReadinessOptions } from './removal-readiness.js';
