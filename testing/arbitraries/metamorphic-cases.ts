import fc from 'fast-check';
import { DAY, HOUR, MINUTE, type Millis } from '../../sim/index.js';
import type { PlannedAction, SimulationConfig } from '../../model/config.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../../model/defaults.js';
import { sharedCapacityBytesPerHour } from '../../model/migration/index.js';
import { isMailbox } from '../../model/organisation.js';
import type { ScenarioLimits } from './limits.js';
import { scenarioArbitrary } from './scenario.js';
import { TEXTBOOK_TIMELINE } from './textbook-timeline.js';
import { timelineAround } from './timeline.js';
import { mostly } from './weighted.js';
import { serviceReady } from './prepared.js';

/**
 * Cases that reach the premise of each metamorphic relation (issue 20): a scenario and the
 * knob to move. Generic scenarios almost never do (the TTL was lowered at T+0, where the
 * transform cannot move it; the batch was removed 72 h after a switch past a 2-day horizon;
 * the slots covered every mailbox), so each relation gets a plan built for it: the textbook
 * with the relation's step re-timed, a horizon that covers it, and the usual mutations.
 */

export type MetamorphicCase = [config: SimulationConfig, knob: number];

const minutes = (low: Millis, high: Millis): fc.Arbitrary<Millis> => fc.integer({ min: Math.ceil(low / MINUTE), max: Math.floor(high / MINUTE) }).map((count) => count * MINUTE);

const retimed = (plan: readonly PlannedAction[], changes: Partial<Record<PlannedAction['action'], PlannedAction['timing'] | null>>): PlannedAction[] =>
  plan.flatMap((action) => {
    const timing = changes[action.action];
    if (timing === null) return [];
    return [timing === undefined ? action : { ...action, timing }];
  });

/** Generated traffic always on (the relation counts external mail), light as usual. */
const withTraffic = (config: SimulationConfig): SimulationConfig =>
  config.mailFlow.generated === undefined ? { ...config, mailFlow: { ...config.mailFlow, generated: { ...DEFAULT_GENERATED_MAIL_FLOW, messagesPerUserPerDay: 4 } } } : config;

/**
 * For `moreConcurrencyNeverSlower`: at least two mailboxes, MaxConcurrentMigrations below
 * their count, a raise of 1-5 slots, and few enough slots that the server's capacity is
 * never shared (initial + raise + incremental slots × the fastest mailbox rate within the
 * server's capacity), on a ready service, over a horizon that covers the initial sync.
 */
export function concurrencyCaseArbitrary(limits: Partial<ScenarioLimits> = {}): fc.Arbitrary<MetamorphicCase> {
  const scenario = scenarioArbitrary({ limits: { minHorizon: 2 * DAY, maxHorizon: 3 * DAY, ...limits } });
  return fc
    .record({ config: scenario, slots: fc.integer({ min: 1, max: 5 }), extra: fc.integer({ min: 1, max: 5 }) })
    .filter(({ config }) => config.organisation.recipients.filter(isMailbox).length >= 2)
    .map(({ config: drawn, slots, extra }): MetamorphicCase => {
      const config = serviceReady(drawn);
      const mailboxes = config.organisation.recipients.filter(isMailbox).length;
      // Transfers that may move at once (initial + raise + incremental) stay within capacity / fastest rate.
      const room = Math.floor(sharedCapacityBytesPerHour(config.organisation.server) / config.migration.mailboxThroughputMaxBytesPerHour);
      const initial = Math.max(1, Math.min(slots, mailboxes - 1, Math.floor((room - 1) / 2)));
      const raise = Math.max(1, Math.min(extra, room - 2 * initial));
      const endpoint = { ...config.endpoint, maxConcurrentMigrations: initial, maxConcurrentIncrementalSyncs: Math.min(initial, config.endpoint.maxConcurrentIncrementalSyncs) };
      return [{ ...config, endpoint }, raise];
    });
}

/**
 * For `loweringTtlEarlierSendsNoMoreToOldHost`: a long TTL at T+0 (4 h to 2 d), lowered once
 * at 1-24 h (where moving it earlier by the knob, 1 min up to its own time, is possible),
 * the switch a day after the initial sync as the textbook has it, resolvers that mostly
 * honour the TTL, traffic on, and a horizon that covers switch + TTL + the day of quiet.
 */
export function ttlCaseArbitrary(limits: Partial<ScenarioLimits> = {}): fc.Arbitrary<MetamorphicCase> {
  const plan = fc
    .record({ loweredAt: minutes(HOUR, 24 * HOUR), ttl: fc.constantFrom(5 * MINUTE, 15 * MINUTE, HOUR) })
    .chain(({ loweredAt, ttl }) =>
      timelineAround(retimed(TEXTBOOK_TIMELINE, { setMxTtl: { at: loweredAt } }).map((action) => (action.action === 'setMxTtl' ? { ...action, ttl } : action)), { maxDelay: 3 * DAY, maxMutations: 1 }));
  return fc
    .record({
      config: scenarioArbitrary({ limits: { minHorizon: 3 * DAY, maxHorizon: 4 * DAY, ...limits }, timeline: plan }),
      initialTtl: fc.constantFrom(4 * HOUR, DAY, 2 * DAY),
      mix: mostly<SimulationConfig['dns']['resolverMix']>('all-honour', fc.constantFrom<SimulationConfig['dns']['resolverMix']>('measured', { honour: 1, extend: 0 }), 1, 2),
      by: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    })
    .map(({ config, initialTtl, mix, by }): MetamorphicCase => {
      const lowering = config.plan.find((action) => action.action === 'setMxTtl');
      const at = lowering !== undefined && 'at' in lowering.timing ? lowering.timing.at : DAY;
      const knob = Math.max(MINUTE, Math.round((by * at) / MINUTE) * MINUTE);
      // Authority outages (serve-stale) are outside the relation's premise: none drawn here.
      const faults = config.faults.filter((fault) => fault.kind !== 'dnsAuthorityOutage');
      return [withTraffic({ ...serviceReady(config), dns: { ...config.dns, initialMxTtl: initialTtl, resolverMix: mix }, faults }), knob];
    });
}

/**
 * For `removingLaterLosesNoMore`: the switch 0-24 h after the initial sync, the removal
 * 0-72 h after the switch (earlier than the article's 72 h too: that is when it loses mail),
 * the decommission timed from the switch rather than from the removal (so only the removal
 * moves), a later removal of 1-48 h, and a horizon that covers both removals.
 */
export function removalCaseArbitrary(limits: Partial<ScenarioLimits> = {}): fc.Arbitrary<MetamorphicCase> {
  const plan = fc
    .record({ switchDelay: minutes(0, 24 * HOUR), removalDelay: minutes(0, 72 * HOUR), decommissionDelay: minutes(24 * HOUR, 120 * HOUR) })
    .chain(({ switchDelay, removalDelay, decommissionDelay }) =>
      timelineAround(
        retimed(TEXTBOOK_TIMELINE, {
          switchMx: { after: 'initialSyncDone', delay: switchDelay },
          removeBatch: { after: 'mxSwitched', delay: removalDelay },
          decommission: { after: 'mxSwitched', delay: decommissionDelay },
        }),
        { maxDelay: 3 * DAY, maxMutations: 1 },
      ));
  return fc
    .record({ config: scenarioArbitrary({ limits: { minHorizon: 6 * DAY, maxHorizon: 7 * DAY, ...limits }, timeline: plan }), by: fc.integer({ min: 1, max: 48 }) })
    .map(({ config, by }): MetamorphicCase => [withTraffic(serviceReady(config)), by * HOUR]);
}
