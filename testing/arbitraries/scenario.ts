import fc from 'fast-check';
import { DAY, HOUR, type Millis } from '../../sim/index.js';
import type { PlannedAction, SimulationConfig } from '../../model/config.js';
import { DEFAULT_CLIENTS, DEFAULT_GENERATED_MAIL_FLOW, DEFAULT_LEDGER } from '../../model/defaults.js';
import { buildFaults, faultDraws } from './faults.js';
import { limitsWith, type ScenarioLimits } from './limits.js';
import { buildExplicitMessages, buildMailFlow, generatedOrNone, messageDraws } from './mail-flow.js';
import { organisationArbitrary, withSecondDomain } from './organisation.js';
import { dnsArbitrary, mxHosts } from './resolvers.js';
import { sendersArbitrary } from './senders.js';
import { buildEndpoint, buildTenant, endpointDraw, migrationParametersArbitrary, tenantDraw } from './tenant.js';
import { timelineAround } from './timeline.js';
import { secondDomainSteps, TEXTBOOK_TIMELINE } from './textbook-timeline.js';
import { mostly } from './weighted.js';

export interface ScenarioOptions {
  limits?: Partial<ScenarioLimits>;
  /** The plan to mutate (default: the textbook timeline); or a ready arbitrary of plans. */
  timeline?: readonly PlannedAction[] | fc.Arbitrary<PlannedAction[]>;
  /** Draw declared faults (default true). */
  faults?: boolean;
}

/** Explicit messages stop a day before the horizon, like generated traffic (quietBeforeHorizon). */
export const latestExplicitMessage = (horizon: Millis): Millis => Math.max(0, horizon - (DEFAULT_GENERATED_MAIL_FLOW.quietBeforeHorizon ?? DAY));

const isArbitrary = (value: unknown): value is fc.Arbitrary<PlannedAction[]> => value instanceof fc.Arbitrary;

/** Stands for the second accepted domain in the default plan until the organisation is drawn. */
const SECOND_DOMAIN = '(second domain)';

/** The plan for the drawn organisation: the second domain's steps named, or dropped when it has none. */
const planFor = (plan: readonly PlannedAction[], second: string | undefined): PlannedAction[] =>
  plan.flatMap((action) => action.domain !== SECOND_DOMAIN ? [action] : second === undefined ? [] : [{ ...action, domain: second }]);

/**
 * Whole scenarios as SimulationConfig values: an organisation, its tenant and endpoint,
 * DNS resolvers, senders, a light mail flow, an admin timeline (the textbook with a few
 * mutations by default) and rarely a declared fault. Sized by `limits` (the small case by
 * default), every part shrinking toward a small, healthy, textbook case. Parts that depend
 * on the organisation or the horizon are drawn as shares and indexes and placed afterwards
 * (no `chain`), so each part shrinks on its own.
 */
export function scenarioArbitrary(options: ScenarioOptions = {}): fc.Arbitrary<SimulationConfig> {
  const limits = limitsWith(options.limits);
  const minHours = Math.ceil(limits.minHorizon / HOUR);
  const timelineOptions = { maxDelay: limits.maxHorizon, maxMutations: limits.maxTimelineMutations };
  // The default plan carries a second domain's steps, kept when the organisation draws one (about one case in six).
  const plan = options.timeline === undefined ? timelineAround([...TEXTBOOK_TIMELINE, ...secondDomainSteps(SECOND_DOMAIN)], timelineOptions) : isArbitrary(options.timeline) ? options.timeline : timelineAround(options.timeline, timelineOptions);
  return fc
    .record({
      organisation: organisationArbitrary(limits),
      secondDomainMailboxes: options.timeline === undefined ? mostly(0, fc.integer({ min: 1, max: 2 }), 1, 5) : fc.constant(0),
      horizonHours: fc.integer({ min: minHours, max: Math.max(minHours, Math.floor(limits.maxHorizon / HOUR)) }),
      seed: fc.nat({ max: 2 ** 31 - 1 }),
      tenant: tenantDraw,
      endpoint: endpointDraw,
      migration: migrationParametersArbitrary(),
      dnsDraw: dnsArbitrary('contoso.com', limits),
      senders: sendersArbitrary(limits),
      generated: generatedOrNone(limits),
      messages: messageDraws(limits.maxExplicitMessages),
      domainJoinedFraction: mostly(DEFAULT_CLIENTS.domainJoinedFraction, fc.constantFrom(0, 0.5, 1)),
      plan,
      faults: options.faults === false ? fc.constant([]) : faultDraws(),
    })
    .map((draw): SimulationConfig => {
      const organisation = draw.secondDomainMailboxes > 0 ? withSecondDomain(draw.organisation, draw.secondDomainMailboxes, draw.dnsDraw.initialMxTtl) : draw.organisation;
      const horizon = draw.horizonHours * HOUR;
      return {
        name: 'generated',
        seed: draw.seed,
        horizon,
        organisation,
        tenant: buildTenant(organisation, draw.tenant),
        endpoint: buildEndpoint(organisation, draw.endpoint),
        migration: draw.migration,
        dns: { ...draw.dnsDraw, ...mxHosts(organisation.domain) },
        senders: draw.senders,
        mailFlow: buildMailFlow(draw.generated, buildExplicitMessages(organisation, latestExplicitMessage(horizon), draw.messages)),
        clients: { ...DEFAULT_CLIENTS, domainJoinedFraction: draw.domainJoinedFraction },
        ledger: { ...DEFAULT_LEDGER },
        plan: planFor(draw.plan, organisation.additionalDomains?.[0]?.name),
        faults: buildFaults(horizon, draw.faults),
      };
    });
}

/**
 * Scenarios around a base one (for `cutover fuzz`): the base with its plan mutated and,
 * unless `keepSeed`, sometimes another simulation seed. Everything else stays the base's.
 */
export function scenarioAround(base: SimulationConfig, options: { keepSeed?: boolean; maxMutations?: number } = {}): fc.Arbitrary<SimulationConfig> {
  const seed = options.keepSeed ? fc.constant(base.seed) : mostly(base.seed, fc.nat({ max: 2 ** 31 - 1 }), 2, 1);
  const plan = timelineAround(base.plan, { maxDelay: base.horizon, maxMutations: options.maxMutations ?? 3 });
  return fc.record({ seed, plan }).map(({ seed: drawnSeed, plan: drawnPlan }) => ({ ...base, seed: drawnSeed, plan: drawnPlan }));
}
