import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../sim/index.js';
import { simulate } from '../../model/simulation.js';
import { smallConfig, testMailbox, TEXTBOOK_PLAN } from '../fixtures/config.js';

/**
 * A mailbox hidden from the address lists fails in a cutover (CUT, EE695827), so its user
 * is never migrated: the on-prem mailbox stays their live mailbox. Mail that lands there
 * counts as delivered; once the MX points at the tenant, mail to them bounces (no cloud
 * recipient: 550 5.1.10), while the migrated users receive normally.
 */
describe('a user whose mailbox is not migrated', () => {
  const recipients = [testMailbox(1), testMailbox(2, { hidden: true }), testMailbox(3)];
  const message = (at: number, to: string, label: string) => ({ at, from: 'partner@fabrikam.com', to, label });
  // The server keeps running (a decommission would take the unmigrated user's only mailbox with it).
  const result = simulate(smallConfig({
    plan: TEXTBOOK_PLAN.filter((action) => action.action !== 'decommission'),
    organisation: { recipients },
    endpoint: { testMailbox: 'user1@contoso.com' },
    horizon: 8 * DAY,
    dns: { resolverMix: 'all-honour' },
    mailFlow: { explicit: [message(HOUR, 'user2@contoso.com', 'before'), message(5 * DAY, 'user2@contoso.com', 'after'), message(5 * DAY, 'user3@contoso.com', 'migrated')] },
  }));
  const trace = (label: string) => result.traces.find((candidate) => candidate.label === label)!;

  it('fails the hidden mailbox and reports it', () => {
    expect(result.mailboxes.failed).toBe(1);
    expect(result.findings.find((finding) => finding.rule === 'runtime.mailbox-failed')?.subjects).toEqual(['user2@contoso.com']);
  });

  it('loses the unmigrated user\'s on-prem mail when the server is decommissioned', () => {
    const decommissioned = simulate(smallConfig({
      organisation: { recipients }, endpoint: { testMailbox: 'user1@contoso.com' }, horizon: 8 * DAY, dns: { resolverMix: 'all-honour' },
      mailFlow: { explicit: [message(HOUR, 'user2@contoso.com', 'before')] },
    }));
    expect(decommissioned.traces[0]).toMatchObject({ fate: 'lost', reason: 'lost:server-decommissioned' });
  });

  it('counts on-prem mail to the unmigrated user as delivered, and later mail as bounced by the tenant', () => {
    expect(trace('before')).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem', latency: 0 });
    expect(trace('after')).toMatchObject({ fate: 'bounced', reason: 'exo-recipient-not-found-5.1.10' });
    expect(trace('migrated')).toMatchObject({ fate: 'delivered', reason: 'delivered:cloud' });
  });
});
