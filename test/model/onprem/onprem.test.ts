import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { AwaitingSync, OnPremExchange, ONPREM_REASONS } from '../../../model/onprem/index.js';
import { smallConfig } from '../../fixtures/config.js';

describe('OnPremExchange', () => {
  const server = new OnPremExchange(smallConfig({ faults: [{ kind: 'onPremOutage', from: HOUR, until: 2 * HOUR }] }));

  it('accepts mail for its mailboxes while it runs, and refuses unknown recipients permanently', () => {
    expect(server.inbound('User1@contoso.com', 0)).toEqual({ kind: 'accepted' });
    expect(server.inbound('ghost@contoso.com', 0)).toMatchObject({ kind: 'permanent', code: '550 5.1.1' });
  });

  it('times out during a declared outage and refuses connections once decommissioned (both temporary)', () => {
    expect(server.inbound('user1@contoso.com', HOUR)).toEqual({ kind: 'temporary', reason: ONPREM_REASONS.outage, failure: 'connect-timeout' });
    expect(server.outageEndsAt(HOUR + 1)).toBe(2 * HOUR);
    expect(server.isUp(2 * HOUR)).toBe(true);
    expect(server.decommission(DAY)).toMatchObject({ ok: true });
    expect(server.decommission(DAY)).toMatchObject({ ok: false });
    expect(server.inbound('user1@contoso.com', DAY)).toEqual({ kind: 'temporary', reason: ONPREM_REASONS.connectionRefused, failure: 'refused' });
    expect(server.isUp(DAY - 1)).toBe(true);
  });

  it('fails as its state says: an address gone times out, a stalled server never greets (dns §4.9)', () => {
    const config = smallConfig({ faults: [{ kind: 'onPremOutage', from: HOUR, until: 2 * HOUR }] });
    config.organisation.server = { ...config.organisation.server, addressAfterDecommission: 'gone', outageFailure: 'stalls' };
    const gone = new OnPremExchange(config);
    expect(gone.inbound('user1@contoso.com', HOUR)).toEqual({ kind: 'temporary', reason: ONPREM_REASONS.stalled, failure: 'greeting-timeout' });
    expect(gone.decommission(DAY)).toMatchObject({ ok: true, detail: expect.stringContaining('time out') });
    expect(gone.inbound('user1@contoso.com', DAY)).toEqual({ kind: 'temporary', reason: ONPREM_REASONS.addressGone, failure: 'connect-timeout' });
  });
});

describe('AwaitingSync', () => {
  it('hands a sync pass exactly the messages that arrived at or before its snapshot', () => {
    const awaiting = new AwaitingSync();
    [[1, 10], [2, 20], [3, 30]].forEach(([id, at]) => awaiting.add(0, id!, at!));
    awaiting.add(1, 9, 5);
    const taken: number[] = [];
    expect(awaiting.takeUpTo(0, 20, (id) => taken.push(id))).toBe(2);
    expect(taken).toEqual([1, 2]);
    expect([awaiting.count(0), awaiting.count(1), awaiting.total]).toEqual([1, 1, 2]);
    const left: number[] = [];
    awaiting.forEach((_, id) => left.push(id));
    expect(left.sort()).toEqual([3, 9]);
    expect(() => awaiting.add(0, 4, 25)).toThrow(RangeError);
    expect(awaiting.takeAll(0, () => {})).toBe(1);
    expect(awaiting.total).toBe(1);
  });

  it('stays compact over many passes', () => {
    const awaiting = new AwaitingSync();
    for (let index = 0; index < 5_000; index++) {
      awaiting.add(0, index, index);
      if (index % 100 === 99) awaiting.takeUpTo(0, index - 50, () => {});
    }
    expect(awaiting.count(0)).toBe(50);
  });
});
