import { describe, expect, it } from 'vitest';
import { HOUR, RandomStreams } from '../../../sim/index.js';
import { OutlookProfiles } from '../../../model/clients/index.js';

const profiles = (domainJoinedFraction: number, meanReconfigureDelay = 0, scpPointerSet = true) =>
  new OutlookProfiles({ userCount: 50, config: { domainJoinedFraction, meanReconfigureDelay }, random: new RandomStreams(4).stream('clients'), scpPointerSet, autodiscoverCnameExists: false });

describe('OutlookProfiles', () => {
  it('keeps every profile on-prem until the autodiscover CNAME exists', () => {
    const clients = profiles(0);
    clients.clearScpPointer(HOUR);
    expect(clients.countOnPrem(10 * HOUR)).toBe(50);
    expect(clients.allMovedAt()).toBeUndefined();
    clients.autodiscoverCnameCreated(2 * HOUR);
    expect(clients.countOnPrem(2 * HOUR)).toBe(0);
    expect(clients.allMovedAt()).toBe(2 * HOUR);
  });

  it('keeps domain-joined Outlook on-prem while the SCP pointer is set', () => {
    const clients = profiles(1);
    clients.autodiscoverCnameCreated(HOUR);
    expect(clients.location(0, 5 * HOUR)).toBe('on-prem');
    expect(clients.clearScpPointer(6 * HOUR)).toMatchObject({ ok: true });
    expect(clients.clearScpPointer(7 * HOUR)).toMatchObject({ ok: false });
    expect(clients.location(0, 6 * HOUR)).toBe('cloud');
  });

  it('needs no SCP change when the pointer was never set', () => {
    const clients = profiles(1, 0, false);
    clients.autodiscoverCnameCreated(HOUR);
    expect(clients.countOnPrem(HOUR)).toBe(0);
  });

  it('spreads reconfiguration with an exponential delay of the given mean', () => {
    const clients = profiles(0.5, 4 * HOUR);
    clients.autodiscoverCnameCreated(0);
    clients.clearScpPointer(0);
    const delays = Array.from({ length: 50 }, (_, user) => clients.movedAt(user)!);
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    expect(mean).toBeGreaterThan(2 * HOUR);
    expect(mean).toBeLessThan(7 * HOUR);
    expect(new Set(delays).size).toBeGreaterThan(40);
    const joined = Array.from({ length: 50 }, (_, user) => clients.isDomainJoined(user)).filter(Boolean).length;
    expect(joined).toBeGreaterThan(12);
    expect(joined).toBeLessThan(38);
  });
});
