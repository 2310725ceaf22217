import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { isMailbox } from '../../../model/organisation.js';
import {
  dnsArbitrary, explicitMessagesArbitrary, latestExplicitMessage, organisationArbitrary, resolverMixArbitrary, scenarioArbitrary, scenarioAround,
  senderMixArbitrary, SMALL_SCENARIO, TEXTBOOK_TIMELINE,
} from '../../../testing/arbitraries/index.js';

describe('scenarioArbitrary', () => {
  test.prop([scenarioArbitrary()], { numRuns: 150 })('stays a small case: ≤ 20 mailboxes, ≤ 2 days, few resolvers and senders, light mail', (config) => {
    expect(config.organisation.recipients.filter(isMailbox).length).toBeLessThanOrEqual(SMALL_SCENARIO.maxMailboxes);
    expect(config.horizon).toBeGreaterThanOrEqual(6 * DAY);
    expect(config.horizon).toBeLessThanOrEqual(7 * DAY);
    expect(config.horizon % HOUR).toBe(0);
    expect(config.dns.resolverCount).toBeLessThanOrEqual(SMALL_SCENARIO.maxResolvers);
    expect(config.senders.senderCount).toBeLessThanOrEqual(SMALL_SCENARIO.maxSenders);
    expect(config.mailFlow.generated?.messagesPerUserPerDay ?? 0).toBeLessThanOrEqual(SMALL_SCENARIO.maxMessagesPerUserPerDay);
    expect(config.mailFlow.explicit.length).toBeLessThanOrEqual(SMALL_SCENARIO.maxExplicitMessages);
    for (const message of config.mailFlow.explicit) expect(message.at).toBeLessThanOrEqual(latestExplicitMessage(config.horizon));
    for (const fault of config.faults) expect(fault.from < fault.until && fault.until <= config.horizon).toBe(true);
    expect(config.endpoint.maxConcurrentIncrementalSyncs).toBeLessThanOrEqual(config.endpoint.maxConcurrentMigrations);
  });

  test('honours other limits', () => {
    const configs = fc.sample(scenarioArbitrary({ limits: { maxMailboxes: 2, minHorizon: 3 * DAY, maxHorizon: 3 * DAY, maxMessagesPerUserPerDay: 0 }, faults: false }), { seed: 2, numRuns: 50 });
    for (const config of configs) {
      expect(config.organisation.recipients.filter(isMailbox).length).toBeLessThanOrEqual(2);
      expect(config.horizon).toBe(3 * DAY);
      expect(config.mailFlow.generated).toBeUndefined();
      expect(config.faults).toEqual([]);
    }
  });

  test('shrinks to one small mailbox and the textbook timeline', () => {
    const outcome = fc.check(fc.property(scenarioArbitrary(), (config) => config.mailFlow.explicit.length === 0), { seed: 9, numRuns: 100 });
    expect(outcome.failed).toBe(true);
    const [config] = outcome.counterexample!;
    expect(config.organisation.recipients).toHaveLength(1);
    expect(config.plan).toEqual(TEXTBOOK_TIMELINE);
    expect(config.mailFlow.explicit).toEqual([{ at: 0, from: 'sender1@partner1.example', to: 'user1@contoso.com', label: 'm1' }]);
    expect([config.horizon, config.seed, config.faults]).toEqual([6 * DAY, 0, []]);
  });

  test('refuses impossible limits with an InputError', () => {
    expect(() => scenarioArbitrary({ limits: { maxMailboxes: 0 } })).toThrow(expect.objectContaining({ code: 'ARBITRARY_LIMITS_INVALID' }));
  });

  test.prop([scenarioArbitrary().chain((base) => scenarioAround(base).map((around) => [base, around] as const))], { numRuns: 50 })('around a base, only the seed and the plan move', ([base, around]) => {
    expect({ ...around, seed: 0, plan: [] }).toEqual({ ...base, seed: 0, plan: [] });
  });
});

describe('resolver and sender mixes, messages', () => {
  test.prop([resolverMixArbitrary(), senderMixArbitrary()])('have positive weights', (resolverMix, senderMix) => {
    if (typeof resolverMix === 'object') expect(resolverMix.honour + resolverMix.extend).toBeGreaterThan(0);
    const weights = Object.values(senderMix);
    expect(weights.length).toBeGreaterThan(0);
    for (const weight of weights) expect(weight).toBeGreaterThan(0);
  });

  test.prop([dnsArbitrary('fabrikam.com')])('DNS names the domain\'s old and new MX', (dns) => {
    expect(dns.oldMxHost).toBe('mail.fabrikam.com');
    expect(dns.newMxHost).toBe('fabrikam-com.mail.protection.outlook.com');
    expect(dns.initialMxTtl).toBeGreaterThan(0);
  });

  test.prop([organisationArbitrary().chain((organisation) => explicitMessagesArbitrary(organisation, 6 * HOUR).map((messages) => [organisation, messages] as const))], { numRuns: 100 })(
    'explicit messages go to mailboxes, in time order, by the latest time',
    ([organisation, messages]) => {
      const mailboxes = organisation.recipients.filter(isMailbox).map((mailbox) => mailbox.address);
      messages.forEach((message, index) => {
        expect(mailboxes).toContain(message.to);
        expect(message.at).toBeLessThanOrEqual(6 * HOUR);
        expect(message.label).toBe(`m${index + 1}`);
        if (index > 0) expect(message.at).toBeGreaterThanOrEqual(messages[index - 1]!.at);
      });
    },
  );
});
