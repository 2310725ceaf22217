import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { OLD_MX, USER, routerHarness } from './router-harness.js';

/** The batch's deletion, the server's end, and the recovery actions, on the router alone. */
describe('MailRouter: the batch deleted', () => {
  it('strands what waits on-prem for migrated users only, and tells old-MX mail from colleagues\' mail', () => {
    const h = routerHarness();
    h.migrate(1);
    h.outlook(1, 'cloud');
    const viaOldMx = h.inbound(OLD_MX, USER(1), DAY).id;
    const fromColleague = h.send(2, USER(1), DAY).id;
    const notMigrated = h.inbound(OLD_MX, USER(3), DAY).id;
    expect(h.router.batchRemoved(2 * DAY)).toBe(2);
    expect(h.router.strandedCount).toBe(2);
    expect(h.trace(viaOldMx)).toMatchObject({ fate: 'stranded', reason: 'stranded:external-via-old-mx' });
    expect(h.trace(fromColleague)).toMatchObject({ fate: 'stranded', reason: 'stranded:internal-from-on-prem-outlook' });
    expect(h.trace(notMigrated)).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem' });
    expect(h.trace(viaOldMx).path.at(-1)).toMatchObject({ step: 'stranded', at: 2 * DAY });
  });

  it('strands later arrivals at once until a new batch exists; then they wait for its passes again', () => {
    const h = routerHarness();
    h.migrate(1);
    h.outlook(1, 'cloud');
    h.router.batchRemoved(DAY);
    const late = h.inbound(OLD_MX, USER(1), 2 * DAY).id;
    expect(h.trace(late).reason).toBe('stranded:external-via-old-mx');
    expect(h.router.strandedCount).toBe(1);
    h.router.batchCreated();
    const again = h.inbound(OLD_MX, USER(1), 3 * DAY).id;
    expect(h.trace(again).reason).toBe('pending:awaiting-sync-pass');
    expect(h.router.strandedCount).toBe(1);
  });

  it('counts stranded mail as delivered while its user still reads the on-prem mailbox, stranded once they move', () => {
    const h = routerHarness();
    h.migrate(1); // cloud mailbox, but Outlook still opens the on-prem one
    const { id } = h.inbound(OLD_MX, USER(1), DAY);
    h.router.batchRemoved(2 * DAY);
    expect(h.trace(id)).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem', latency: 0 });
    h.outlook(1, 'cloud');
    expect(h.trace(id)).toMatchObject({ fate: 'stranded', reason: 'stranded:external-via-old-mx' });
  });
});

describe('MailRouter: the server decommissioned', () => {
  it('loses what only the server held, stranded or still waiting for a pass', () => {
    const h = routerHarness();
    h.migrate(1);
    h.migrate(2);
    h.outlook(1, 'cloud');
    h.outlook(2, 'cloud');
    const stranded = h.inbound(OLD_MX, USER(1), DAY).id;
    h.router.batchRemoved(DAY + HOUR);
    h.router.batchCreated();
    const waiting = h.inbound(OLD_MX, USER(2), 2 * DAY).id;
    expect(h.router.decommissioned(3 * DAY)).toBe(2);
    for (const id of [stranded, waiting]) expect(h.trace(id)).toMatchObject({ fate: 'lost', reason: 'lost:server-decommissioned' });
    expect(h.router.stranded.total + h.router.awaiting.total).toBe(0);
  });

  it('refuses PST export and forwarding once the server is gone', () => {
    const h = routerHarness();
    h.onPrem.decommission(DAY);
    expect(h.router.exportStranded(DAY)).toEqual({ ok: false, reason: 'the on-prem server is decommissioned: its mailboxes cannot be exported any more' });
    expect(h.router.forwardToTenant(DAY, 'contoso.onmicrosoft.com')).toEqual({ ok: false, reason: 'the on-prem server is decommissioned: there is no mailbox left to forward from' });
  });
});

describe('MailRouter: recovery', () => {
  it('a PST export takes every stranded message; the import makes it readable where the user reads', () => {
    const h = routerHarness();
    h.migrate(1);
    h.migrate(2);
    h.outlook(1, 'cloud');
    h.outlook(2, 'no-password'); // a cloud profile that cannot sign in: reads neither mailbox
    const [a, b] = [h.inbound(OLD_MX, USER(1), DAY).id, h.inbound(OLD_MX, USER(2), DAY).id];
    h.router.batchRemoved(2 * DAY);
    const exported = h.router.exportStranded(3 * DAY);
    expect(exported).toEqual({ ok: true, ids: [a, b], detail: '2 stranded messages exported to PST from the on-prem mailboxes for import into the cloud mailboxes' });
    expect(h.trace(a)).toMatchObject({ fate: 'pending', reason: 'pending:pst-import-running' });
    h.router.importPst([a, b], 3 * DAY + 8 * HOUR);
    expect(h.trace(a)).toMatchObject({ fate: 'recovered', reason: 'recovered:pst-export-import' });
    // user2 cannot read the cloud mailbox yet: it waits there unread, then counts as recovered once they do.
    expect(h.trace(b)).toMatchObject({ fate: 'pending', reason: 'pending:unread-no-password' });
    h.router.userReadsCloud(1, 4 * DAY);
    expect(h.trace(b)).toMatchObject({ fate: 'recovered', reason: 'recovered:pst-export-import' });
    expect(h.router.exportStranded(5 * DAY)).toMatchObject({ ok: true, ids: [], detail: '0 stranded messages exported to PST from the on-prem mailboxes for import into the cloud mailboxes' });
  });

  it('forwarding to the tenant sends new on-prem mail of migrated users to the cloud, and only new mail', () => {
    const h = routerHarness();
    h.migrate(1);
    h.outlook(1, 'cloud');
    const before = h.inbound(OLD_MX, USER(1), DAY).id;
    expect(h.router.forwardToTenant(DAY + HOUR, 'contoso.onmicrosoft.com')).toEqual({ ok: true, detail: 'on-prem mailboxes of migrated users forward new mail to <alias>@contoso.onmicrosoft.com; mail already there stays (export it to PST)' });
    expect(h.router.forwardToTenant(DAY + HOUR, 'contoso.onmicrosoft.com')).toEqual({ ok: false, reason: 'the on-prem mailboxes already forward to the tenant' });
    const after = h.inbound(OLD_MX, USER(1), DAY + 2 * HOUR).id;
    const notMigrated = h.inbound(OLD_MX, USER(2), DAY + 2 * HOUR).id;
    expect(h.steps(after)).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'forwarded', 'recovered']);
    expect(h.trace(after)).toMatchObject({ fate: 'recovered', reason: 'recovered:forwarded-to-tenant', latency: 0 });
    expect(h.trace(before).reason).toBe('pending:awaiting-sync-pass');
    expect(h.trace(notMigrated)).toMatchObject({ fate: 'delivered', reason: 'delivered:on-prem' });
  });

  it('a pass after the cloud mailbox was disabled loses what it would have copied', () => {
    const h = routerHarness({ licenseGrace: HOUR });
    h.migrate(1, 0);
    const { id } = h.inbound(OLD_MX, USER(1), 30 * 60_000);
    h.scheduler.runUntil(2 * HOUR); // the grace ends unlicensed: the cloud mailbox is disabled
    expect(h.tenant.licenses.state(USER(1))).toBe('disabled');
    h.router.syncPass(USER(1), 90 * 60_000, 2 * HOUR);
    expect(h.trace(id)).toMatchObject({ fate: 'lost', reason: 'cloud-mailbox-disabled-before-sync' });
    h.router.syncPass('stranger@fabrikam.com', 2 * HOUR, 2 * HOUR); // not a user: ignored
    expect(h.router.awaiting.total).toBe(0);
  });
});
