import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isMailbox } from '../../../model/organisation.js';
import { organisationArbitrary } from '../../../testing/arbitraries/index.js';

describe('organisationArbitrary', () => {
  test.prop([organisationArbitrary({ maxMailboxes: 7, maxMailboxMegabytes: 50 })], { numRuns: 200 })('stays within its limits, with unique lower-case addresses in the domain', (organisation) => {
    const mailboxes = organisation.recipients.filter(isMailbox);
    expect(mailboxes.length).toBeGreaterThanOrEqual(1);
    expect(mailboxes.length).toBeLessThanOrEqual(7);
    for (const mailbox of mailboxes) {
      expect(mailbox.sizeBytes).toBeLessThanOrEqual(50 * 1024 ** 2);
      expect(mailbox.address).toBe(mailbox.address.toLowerCase());
      expect(mailbox.address.endsWith(`@${organisation.domain}`)).toBe(true);
      if (mailbox.manager !== undefined) expect(mailbox.manager).not.toBe(mailbox.address);
    }
    const addresses = organisation.recipients.map((recipient) => recipient.address);
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  test('shrinks a failure to the smallest organisation that shows it: clean, small mailboxes, healthy server', () => {
    const outcome = fc.check(fc.property(organisationArbitrary(), (organisation) => organisation.recipients.filter(isMailbox).length < 3), { seed: 11, numRuns: 200 });
    expect(outcome.failed).toBe(true);
    const [organisation] = outcome.counterexample!;
    const mailboxes = organisation.recipients.filter(isMailbox);
    expect(mailboxes).toHaveLength(3);
    expect(organisation.domain).toBe('contoso.com');
    expect(organisation.recipients).toHaveLength(3);
    for (const mailbox of mailboxes) {
      expect(mailbox.sizeBytes).toBe(1024 ** 2);
      expect([mailbox.hidden, mailbox.unifiedMessaging, mailbox.largeItems, mailbox.badItems, mailbox.manager]).toEqual([false, false, 0, 0, undefined]);
    }
    expect(organisation.server.certificate).toBe('trusted');
    expect(organisation.server.version).toBe('2016');
  });

  test('draws the known mailbox flaws, each only sometimes', () => {
    const organisations = fc.sample(organisationArbitrary(), { seed: 3, numRuns: 300 });
    const flawed = organisations.filter((organisation) => organisation.recipients.filter(isMailbox).some((mailbox) => mailbox.hidden || mailbox.unifiedMessaging || mailbox.badItems > 0));
    expect(flawed.length).toBeGreaterThan(20);
    expect(flawed.length).toBeLessThan(200);
  });
});
