import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../sim/index.js';
import { NEW_MX, OLD_MX, USER, routerHarness } from './router-harness.js';

/**
 * Where the router puts each message: by kind (internal from Outlook, inbound external at
 * either host), by where the recipient's mailbox lives and where the sender's Outlook
 * points, and when the recipient can read it where they read mail.
 */
describe('MailRouter: internal mail from Outlook', () => {
  it('on-prem Outlook to a colleague not migrated: delivered on-prem at once, and counted for the next pass', () => {
    const h = routerHarness();
    const { id, submitted } = h.send(1, USER(2), 10 * MINUTE);
    expect(submitted).toBe(true);
    expect(h.steps(id)).toEqual(['sent', 'submitted:on-prem', 'delivered:on-prem']);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem', latency: 0 });
    expect(h.arrivals.map((arrival) => arrival.address)).toEqual([USER(2)]);
    expect(h.arrivals[0]!.bytes).toBeGreaterThan(0);
  });

  it('on-prem Outlook to a migrated colleague who still reads on-prem: readable on-prem now, copied to the cloud by the pass', () => {
    const h = routerHarness();
    h.migrate(2);
    const { id } = h.send(1, USER(2), HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem', latency: 0 });
    h.router.syncPass(USER(2), 2 * HOUR, 3 * HOUR);
    // Readable since it landed on-prem: the copy in the cloud is not a later delivery.
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:cloud', latency: 0 });
    expect(h.router.awaiting.total).toBe(0);
  });

  it('on-prem Outlook to a migrated colleague who reads the cloud: waits for a pass whose snapshot follows it, late when that is over 4 hours', () => {
    const h = routerHarness();
    h.migrate(2);
    h.outlook(2, 'cloud');
    const { id } = h.send(1, USER(2), HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'pending', reason: 'pending:awaiting-sync-pass' });
    h.router.syncPass(USER(2), HOUR - 1, 2 * HOUR); // snapshot before it landed: not copied
    expect(h.trace(id).fate).toBe('pending');
    h.router.syncPass(USER(2), 2 * HOUR, 6 * HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'deliveredLate', reason: 'delivered:cloud', latency: 5 * HOUR });
  });

  it('on-prem Outlook to an address the server does not know: 550 5.1.1', () => {
    const h = routerHarness();
    const { id } = h.send(1, 'nobody@contoso.com', 0);
    expect(h.trace(id)).toMatchObject({ fate: 'bounced', reason: 'onprem-recipient-unknown-5.1.1' });
    expect(h.arrivals).toEqual([]);
  });

  it('cloud Outlook to a migrated colleague who reads the cloud: delivered in the cloud, nothing lands on-prem', () => {
    const h = routerHarness();
    h.migrate(1);
    h.migrate(2);
    h.outlook(1, 'cloud');
    h.outlook(2, 'cloud');
    const { id } = h.send(1, USER(2), DAY);
    expect(h.steps(id)).toEqual(['sent', 'submitted:cloud', 'delivered:cloud']);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', latency: 0 });
    expect(h.arrivals).toEqual([]);
  });

  it('cloud Outlook to a colleague without a cloud mailbox: Exchange Online does not know them (5.1.10)', () => {
    const h = routerHarness();
    h.migrate(1);
    h.outlook(1, 'cloud');
    const { id } = h.send(1, USER(3), DAY);
    expect(h.trace(id)).toMatchObject({ fate: 'bounced', reason: 'exo-recipient-not-found-5.1.10' });
  });

  it('cloud Outlook to a migrated colleague still on the old profile: unread in the cloud until they read it there', () => {
    const h = routerHarness();
    h.migrate(1);
    h.migrate(2);
    h.outlook(1, 'cloud');
    const { id } = h.send(1, USER(2), DAY);
    expect(h.trace(id)).toMatchObject({ fate: 'pending', reason: 'pending:unread-no-password' });
    h.givePassword(2); // signed in, but Outlook still opens the on-prem mailbox
    expect(h.trace(id).reason).toBe('pending:unread-old-outlook-profile');
    h.router.userReadsCloud(1, DAY + 2 * HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:read-once-user-on-cloud', latency: 2 * HOUR });
    expect(h.router.unread.total).toBe(0);
  });

  it('a cloud profile without the password keeps mail in the Outbox until Outlook works', () => {
    const h = routerHarness();
    h.migrate(1);
    h.outlook(1, 'no-password');
    const { id } = h.send(1, USER(2), DAY);
    expect(h.trace(id)).toMatchObject({ fate: 'pending', reason: 'pending:outbox' });
    expect(h.trace(id).path.at(-1)).toMatchObject({ step: 'outbox', detail: 'Outlook asks for the new password' });
    const resubmitted: number[] = [];
    expect(h.router.flushOutbox(0, (message) => resubmitted.push(message))).toBe(1);
    expect(resubmitted).toEqual([id]);
    expect(h.trace(id).reason).toBe('pending-at-horizon'); // in transit again, no longer in the Outbox
  });

  it('on-prem Outlook after the server is decommissioned keeps mail in the Outbox; during an outage it is not submitted', () => {
    const h = routerHarness({ faults: [{ kind: 'onPremOutage', from: HOUR, until: 2 * HOUR }] });
    const during = h.send(1, USER(2), HOUR + MINUTE);
    expect(during.submitted).toBe(false);
    expect(h.steps(during.id)).toEqual(['sent']);
    h.onPrem.decommission(DAY);
    const after = h.send(1, USER(2), DAY);
    expect(after.submitted).toBe(true);
    expect(h.trace(after.id).path.at(-1)).toMatchObject({ step: 'outbox', detail: 'the on-prem server no longer answers' });
    expect(h.router.outbox.count(0)).toBe(1);
  });

  it('replies from cloud Outlook carrying an old legacyExchangeDN bounce (IMCEAEX) until X500 addresses are added', () => {
    const h = routerHarness({ x500ReplyShare: 1 });
    expect(h.router.addX500(0)).toEqual({ ok: false, reason: 'no cloud mailbox exists yet to add an X500 proxy address to' });
    h.migrate(1);
    h.migrate(2);
    h.outlook(1, 'cloud');
    h.outlook(2, 'cloud');
    const before = h.send(1, USER(2), DAY);
    expect(h.trace(before.id)).toMatchObject({ fate: 'bounced', reason: 'ndr-imceaex-no-x500' });
    expect(h.router.addX500(DAY + HOUR).ok).toBe(true);
    expect(h.router.addX500(DAY + 2 * HOUR)).toEqual({ ok: false, reason: 'the X500 proxy addresses are already added' });
    const after = h.send(1, USER(2), DAY + 2 * HOUR);
    expect(h.trace(after.id)).toMatchObject({ fate: 'delivered', reason: 'delivered:cloud' });
  });
});

describe('MailRouter: inbound external mail', () => {
  it('at the old host, for a user not migrated: accepted and delivered on-prem', () => {
    const h = routerHarness();
    const { id, outcome } = h.inbound(OLD_MX, USER(1), 0);
    expect(outcome).toEqual({ kind: 'accepted', host: OLD_MX });
    expect(h.router.acceptedByOldHost).toBe(1);
    expect(h.steps(id)).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem']);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem', latency: 0 });
  });

  it('at the old host, for an address it does not know: a permanent 550 5.1.1 for the sender', () => {
    const h = routerHarness();
    const { outcome } = h.inbound(OLD_MX, 'nobody@contoso.com', 0);
    expect(outcome).toEqual({ kind: 'permanent', host: OLD_MX, code: '550 5.1.1', reason: 'onprem-recipient-unknown-5.1.1' });
    expect(h.router.acceptedByOldHost).toBe(0);
  });

  it('at the old host after a stale MX look-up, for a user who reads the cloud: on-prem until a pass copies it', () => {
    const h = routerHarness();
    h.migrate(1);
    h.outlook(1, 'cloud');
    const { id } = h.inbound(OLD_MX, USER(1), 2 * DAY);
    expect(h.trace(id)).toMatchObject({ fate: 'pending', reason: 'pending:awaiting-sync-pass' });
    h.router.syncPass(USER(1), 2 * DAY + HOUR, 2 * DAY + 2 * HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:cloud', latency: 2 * HOUR });
    expect(h.steps(id)).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'synced', 'delivered:cloud']);
  });

  it('at the old host once decommissioned, or in an outage: a temporary failure the sender retries', () => {
    const h = routerHarness({ faults: [{ kind: 'onPremOutage', from: HOUR, until: 2 * HOUR }] });
    expect(h.inbound(OLD_MX, USER(1), HOUR).outcome).toEqual({ kind: 'temporary', host: OLD_MX, reason: 'old-host-unreachable-outage', scope: 'connection', failure: 'connect-timeout' });
    h.onPrem.decommission(DAY);
    expect(h.inbound(OLD_MX, USER(1), DAY).outcome).toEqual({ kind: 'temporary', host: OLD_MX, reason: 'old-host-connection-refused', scope: 'connection', failure: 'refused' });
    expect(h.router.acceptedByOldHost).toBe(0);
  });

  it('at the new host: refused while the domain is not verified (5.4.1)', () => {
    const h = routerHarness({ verified: false });
    h.migrate(1);
    expect(h.inbound(NEW_MX, USER(1), 0).outcome).toEqual({ kind: 'permanent', host: NEW_MX, code: '550 5.4.1', reason: 'exo-domain-not-accepted-5.4.1' });
  });

  it('at the new host: 5.1.10 before the user has a cloud mailbox, accepted once it exists (the cached answer follows the tenant)', () => {
    const h = routerHarness();
    expect(h.inbound(NEW_MX, USER(1), 0).outcome).toEqual({ kind: 'permanent', host: NEW_MX, code: '550 5.1.10', reason: 'exo-recipient-not-found-5.1.10' });
    h.migrate(1, HOUR);
    h.outlook(1, 'cloud');
    const { id, outcome } = h.inbound(NEW_MX, USER(1), HOUR);
    expect(outcome).toEqual({ kind: 'accepted', host: NEW_MX });
    expect(h.router.acceptedByNewHost).toBe(1);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:cloud', latency: 0 });
  });

  it('at the new host, for a migrated user still on the old profile: accepted, unread until they read the cloud', () => {
    const h = routerHarness();
    h.migrate(1);
    const { id } = h.inbound(NEW_MX, USER(1), DAY);
    expect(h.trace(id)).toMatchObject({ fate: 'pending', reason: 'pending:unread-no-password' });
    h.router.userReadsCloud(0, DAY + 5 * HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'deliveredLate', reason: 'delivered:read-once-user-on-cloud', latency: 5 * HOUR });
  });

  it('at a host that is neither: no mail server answers', () => {
    const h = routerHarness();
    expect(h.inbound('mx.elsewhere.net', USER(1), 0).outcome).toEqual({ kind: 'temporary', host: 'mx.elsewhere.net', reason: 'no mail server answers at mx.elsewhere.net', scope: 'connection' });
  });
});
