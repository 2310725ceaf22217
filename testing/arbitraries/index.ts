/**
 * fast-check arbitraries for cutover scenarios (issue 7): organisations, resolver mixes,
 * sender mixes, mail flows, explicit message lists, admin timelines (wrong ones included)
 * and whole scenarios, sized so that small cases are fast and shrink well. See docs/testing.md.
 */
export { SMALL_SCENARIO, limitsWith, type ScenarioLimits } from './limits.js';
export { organisationArbitrary, serverArbitrary, mailboxAddress, GENERATED_DOMAINS, withSecondDomain, secondDomainFor } from './organisation.js';
export { resolverMixArbitrary, mxTtlArbitrary, dnsArbitrary, mxHosts } from './resolvers.js';
export { senderMixArbitrary, sendersArbitrary, SENDER_PROFILE_NAMES } from './senders.js';
export { generatedMailFlowArbitrary, explicitMessagesArbitrary, mailFlowArbitrary } from './mail-flow.js';
export { tenantArbitrary, endpointArbitrary, migrationParametersArbitrary } from './tenant.js';
export { declaredFaultsArbitrary } from './faults.js';
export { TEXTBOOK_TIMELINE, secondDomainSteps } from './textbook-timeline.js';
export {
  ACTION_TYPES, PLAN_ANCHORS, timingArbitrary, plannedActionArbitrary, timelineMutationArbitrary, applyTimelineMutations,
  timelineAround, adminTimelineArbitrary, anyTimelineArbitrary, type TimelineMutation, type TimelineOptions,
} from './timeline.js';
export { scenarioArbitrary, scenarioAround, latestExplicitMessage, type ScenarioOptions } from './scenario.js';
export { concurrencyCaseArbitrary, ttlCaseArbitrary, removalCaseArbitrary, type MetamorphicCase } from './metamorphic-cases.js';
export { preparedScenarioArbitrary, prepared, serviceReady } from './prepared.js';
export { riskyTimelineArbitrary, MISTAKES } from './risky-timeline.js';
