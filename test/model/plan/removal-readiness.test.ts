import { describe, expect, it } from 'vitest';
import { DAY, HOUR, Scheduler, type Millis } from '../../../sim/index.js';
import { MINIMUM_WAIT_AFTER_SWITCH, RemovalReadiness, type RemovalReadinessOptions } from '../../../model/plan/removal-readiness.js';

describe('RemovalReadiness', () => {
  const setup = (window: Millis, clientsMovedAt?: Millis) => {
    const scheduler = new Scheduler();
    const ready: Millis[] = [];
    const readiness = new RemovalReadiness({
      scheduler, oldMxWindow: () => window, clientsAllMovedAt: () => clientsMovedAt,
      migratedMailboxes: () => ['a@contoso.com', 'b@contoso.com'], onReady: (at) => ready.push(at),
    });
    return { scheduler, readiness, ready };
  };

  it('waits for a pass after the last old-MX moment for every mailbox, and at least 72 hours', () => {
    const { scheduler, readiness, ready } = setup(HOUR);
    scheduler.runUntil(DAY);
    readiness.mxSwitched(DAY);
    expect(readiness.lastOldHostMoment()).toBe(DAY + HOUR);
    scheduler.runUntil(2 * DAY);
    readiness.syncPass('a@contoso.com', DAY + 2 * HOUR);
    readiness.syncPass('b@contoso.com', DAY + 2 * HOUR);
    expect(ready).toEqual([]); // passes are fine, but 72 h have not passed
    scheduler.runUntilIdle();
    expect(ready).toEqual([4 * DAY]);
    expect(readiness.recommendedAt()).toBe(4 * DAY);
  });

  it('re-reads the migrated mailboxes only when told they changed', () => {
    const scheduler = new Scheduler();
    const ready: Millis[] = [];
    let migrated = ['a@contoso.com'];
    const readiness = new RemovalReadiness({ scheduler, oldMxWindow: () => HOUR, clientsAllMovedAt: () => undefined, migratedMailboxes: () => migrated, onReady: (at) => ready.push(at) });
    readiness.mxSwitched(0);
    scheduler.runUntil(3 * DAY); // the 72-hour check runs and finds a@ without a late enough pass
    migrated = ['a@contoso.com', 'b@contoso.com'];
    readiness.changed();
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', 4 * DAY);
    expect(ready).toEqual([]); // b@ joined the list: it still needs its pass
    readiness.syncPass('b@contoso.com', 4 * DAY);
    expect(ready).toEqual([4 * DAY]);
  });

  it('needs every migrated mailbox past the moment the last Outlook left on-prem', () => {
    const { scheduler, readiness, ready } = setup(HOUR, 5 * DAY);
    readiness.mxSwitched(0);
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', 4 * DAY);
    readiness.syncPass('b@contoso.com', 4 * DAY);
    expect(ready).toEqual([]);
    scheduler.runUntil(6 * DAY);
    readiness.syncPass('a@contoso.com', 5 * DAY + HOUR);
    expect(ready).toEqual([]);
    readiness.syncPass('b@contoso.com', 5 * DAY + HOUR);
    expect(ready).toEqual([6 * DAY]);
  });

  it('knows nothing before the switch, and a pass then makes nothing ready', () => {
    const { scheduler, readiness, ready } = setup(HOUR);
    scheduler.runUntil(5 * DAY);
    readiness.syncPass('a@contoso.com', 5 * DAY);
    readiness.syncPass('b@contoso.com', 5 * DAY);
    expect(readiness.lastOldHostMoment()).toBeUndefined();
    expect(readiness.recommendedAt()).toBeUndefined();
    expect(ready).toEqual([]);
    expect(scheduler.pendingCount).toBe(0); // no 72-hour check without a switch
  });

  it('keeps the first switch, and asks the DNS window for that moment', () => {
    const asked: Millis[] = [];
    const { readiness } = build({ oldMxWindow: (switchAt) => (asked.push(switchAt), 2 * HOUR) });
    readiness.mxSwitched(DAY);
    readiness.mxSwitched(2 * DAY); // a second switch (another domain's, say) does not move the moment
    expect(readiness.lastOldHostMoment()).toBe(DAY + 2 * HOUR);
    expect(asked).toEqual([DAY]);
  });

  it('waits 72 hours by default (CUT step 5), or the given minimum', () => {
    expect(MINIMUM_WAIT_AFTER_SWITCH).toBe(72 * HOUR);
    const { scheduler, readiness, ready } = build({ migratedMailboxes: () => [], minimumWaitAfterSwitch: DAY });
    expect(readiness.minimumWait).toBe(DAY);
    readiness.mxSwitched(HOUR);
    scheduler.runUntilIdle();
    // Nothing migrated to wait for: ready at the minimum wait's own check.
    expect(ready).toEqual([DAY + HOUR]);
  });

  it('counts a pass whose snapshot is exactly the last old-MX moment, not one a millisecond before', () => {
    const { scheduler, readiness, ready } = setup(HOUR);
    readiness.mxSwitched(0);
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', HOUR);
    readiness.syncPass('b@contoso.com', HOUR - 1);
    expect(ready).toEqual([]);
    readiness.syncPass('b@contoso.com', HOUR);
    expect(ready).toEqual([4 * DAY]);
  });

  it('keeps each mailbox\'s latest snapshot, whatever the order of the passes and the case of the address', () => {
    const { scheduler, readiness, ready } = build({ migratedMailboxes: () => ['A@Contoso.com'] });
    readiness.mxSwitched(0);
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', HOUR - 1);
    readiness.syncPass('A@CONTOSO.COM', 2 * HOUR);
    expect(ready).toEqual([4 * DAY]);
  });

  it('fires once: later passes and changes do not fire it again', () => {
    const { scheduler, readiness, ready } = setup(HOUR);
    readiness.mxSwitched(0);
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', 4 * DAY);
    readiness.syncPass('b@contoso.com', 4 * DAY);
    scheduler.runUntil(5 * DAY);
    readiness.syncPass('a@contoso.com', 5 * DAY);
    readiness.changed();
    expect(ready).toEqual([4 * DAY]);
    expect(readiness.recommendedAt()).toBe(4 * DAY);
  });

  it('starts over when the last old-MX moment moves later: a mailbox done for the earlier moment needs another pass', () => {
    let clientsMovedAt: Millis | undefined;
    const { scheduler, readiness, ready } = build({ clientsAllMovedAt: () => clientsMovedAt });
    readiness.mxSwitched(0);
    scheduler.runUntil(4 * DAY);
    readiness.syncPass('a@contoso.com', 2 * HOUR); // past switch + 1 h: a@ is done for now
    clientsMovedAt = 3 * DAY + 12 * HOUR; // the last Outlook profile left on-prem later than the DNS bound
    readiness.syncPass('b@contoso.com', 4 * DAY);
    expect(readiness.lastOldHostMoment()).toBe(3 * DAY + 12 * HOUR);
    expect(ready).toEqual([]); // a@'s pass predates the new moment
    readiness.syncPass('a@contoso.com', 4 * DAY);
    expect(ready).toEqual([4 * DAY]);
  });
});

function build(overrides: Partial<RemovalReadinessOptions> = {}) {
  const scheduler = new Scheduler();
  const ready: Millis[] = [];
  const readiness = new RemovalReadiness({
    scheduler, oldMxWindow: () => HOUR, clientsAllMovedAt: () => undefined,
    migratedMailboxes: () => ['a@contoso.com', 'b@contoso.com'], onReady: (at) => ready.push(at), ...overrides,
  });
  return { scheduler, readiness, ready };
}
