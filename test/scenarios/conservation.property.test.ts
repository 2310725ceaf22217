import { expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DAY, HOUR, SECOND } from '../../sim/index.js';
import { simulate } from '../../model/simulation.js';
import type { ActionType, DeclaredFault, ExplicitMessage, PlannedAction } from '../../model/config.js';
import { DEFAULT_GENERATED_MAIL_FLOW } from '../../model/defaults.js';
import { TEXTBOOK_PLAN, smallConfig } from '../fixtures/config.js';

const ACTIONS: ActionType[] = [
  'publishVerificationTxt', 'verifyDomain', 'createEndpoint', 'createBatch', 'startBatch', 'stopBatch', 'removeBatch',
  'setMxTtl', 'switchMx', 'assignLicenses', 'createAutodiscoverCname', 'clearScpPointer', 'decommission',
];
const horizon = 4 * DAY;
const time = fc.integer({ min: 0, max: horizon });

const action: fc.Arbitrary<PlannedAction> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  at: time,
  ttl: fc.constantFrom(300 * SECOND, 3_600 * SECOND, DAY),
}).map(({ action: type, at, ttl }) => ({ action: type, timing: { at }, ...(type === 'setMxTtl' ? { ttl } : {}) }));

const address = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((index) => `user${index}@contoso.com`),
  fc.constantFrom('partner@fabrikam.com', 'someone@tailspin.example', 'nobody@contoso.com'),
);
const explicit: fc.Arbitrary<ExplicitMessage> = fc.record({ at: time, from: address, to: address });
const fault: fc.Arbitrary<DeclaredFault> = fc.record({ kind: fc.constantFrom('onPremOutage' as const, 'dnsAuthorityOutage' as const), from: time, length: fc.integer({ min: HOUR, max: DAY }) })
  .map(({ kind, from, length }) => ({ kind, from, until: from + length }));

test.prop(
  [fc.record({
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    textbook: fc.boolean(),
    plan: fc.array(action, { maxLength: 12 }),
    explicit: fc.array(explicit, { maxLength: 15 }),
    generated: fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }),
    faults: fc.array(fault, { maxLength: 2 }),
    licensePool: fc.integer({ min: 0, max: 3 }),
  })],
  { numRuns: 40 },
)('every message ends in exactly one fate, whatever the plan (conservation)', (scenario) => {
  const config = smallConfig({
    seed: scenario.seed,
    horizon,
    mailboxCount: 3,
    plan: scenario.textbook ? [...TEXTBOOK_PLAN, ...scenario.plan] : scenario.plan,
    faults: scenario.faults,
    tenant: { licensePool: scenario.licensePool, licenseGrace: 2 * DAY, disabledDataRetention: DAY },
    mailFlow: { explicit: scenario.explicit, ...(scenario.generated === undefined ? {} : { generated: { ...DEFAULT_GENERATED_MAIL_FLOW, messagesPerUserPerDay: scenario.generated } }) },
    ledger: { sampledPaths: 20, lateThreshold: 4 * HOUR },
  });
  const result = simulate(config); // throws on a conservation violation
  const { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending } = result.messages;
  expect(delivered + deliveredLate + bounced + lost + stranded + recovered + pending).toBe(sent);
  expect(sent).toBeGreaterThanOrEqual(scenario.explicit.length);
  expect(Object.values(result.reasons).reduce((sum, count) => sum + count, 0)).toBe(bounced + lost + stranded + pending);
  expect(result.traces.filter((trace) => trace.path[0]?.step !== 'sent')).toEqual([]);
  expect(result.series.hours).toHaveLength(horizon / HOUR + 1);
  expect(result.actions.length).toBeLessThanOrEqual(config.plan.length);
  if (!scenario.textbook) expect(result.actions).toHaveLength(scenario.plan.length); // absolute times all run
});
