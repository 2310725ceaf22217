import { describe, expect, it } from 'vitest';
import { DAY, HOUR, RandomStreams, Scheduler } from '../../../sim/index.js';
import { OutlookProfiles } from '../../../model/clients/index.js';
import type { ClientConfig } from '../../../model/config.js';

const USERS = 50;

function profiles(config: Partial<ClientConfig> = {}, scpPointerSet = true) {
  const scheduler = new Scheduler();
  const streams = new RandomStreams(4);
  const readsCloud: [number, number][] = [];
  const outlookCloud: [number, number][] = [];
  const clients = new OutlookProfiles({
    userCount: USERS, config: { domainJoinedFraction: 1, meanReconfigureDelay: 4 * HOUR, webShare: 0, mobileShare: 0, ...config },
    random: streams.stream('clients'), webRandom: streams.stream('clients.web'), scheduler, week: { startWeekday: 0, startHour: 8 },
    scpPointerSet, autodiscoverCnameExists: false,
    listener: { onReadsCloud: (user, at) => readsCloud.push([user, at]), onOutlookCloud: (user, at) => outlookCloud.push([user, at]) },
  });
  return { clients, scheduler, readsCloud, outlookCloud };
}
const everyone = () => true;

describe('OutlookProfiles: profiles are rebuilt, not migrated (issue 13)', () => {
  it('keeps every old profile on-prem however Autodiscover changes', () => {
    const { clients, scheduler } = profiles();
    clients.autodiscoverCnameCreated(0);
    clients.clearScpPointer(0);
    clients.distributePasswords(0, everyone);
    scheduler.runUntil(10 * DAY);
    expect(clients.countOnPrem(10 * DAY)).toBe(USERS);
    expect(clients.allMovedAt()).toBeUndefined();
  });

  it('points a new profile where Autodiscover sends it at that moment: on-prem before the CNAME and SCP clean-up', () => {
    const { clients, scheduler } = profiles();
    clients.distributePasswords(0, everyone);
    clients.rebuildProfiles(HOUR, undefined, 0, everyone);
    scheduler.runUntil(2 * HOUR);
    expect(clients.countOnPrem(2 * HOUR)).toBe(USERS);
    clients.autodiscoverCnameCreated(3 * HOUR);
    expect(clients.clearScpPointer(3 * HOUR)).toMatchObject({ ok: true });
    expect(clients.clearScpPointer(3 * HOUR)).toMatchObject({ ok: false });
    expect(clients.countOnPrem(4 * HOUR)).toBe(USERS);
    clients.rebuildProfiles(5 * HOUR, undefined, 0, everyone);
    scheduler.runUntil(5 * HOUR);
    expect(clients.countOnPrem(5 * HOUR)).toBe(0);
    expect(clients.allMovedAt()).toBe(5 * HOUR);
  });

  it('needs the new password: a cloud profile without it cannot sign in, and the user reads the cloud once it comes', () => {
    const { clients, scheduler, readsCloud, outlookCloud } = profiles({}, false);
    clients.autodiscoverCnameCreated(0);
    clients.rebuildProfiles(HOUR, undefined, 0, everyone);
    scheduler.runUntil(2 * HOUR);
    expect(clients.location(0, 2 * HOUR)).toBe('no-password');
    expect(clients.readsCloud(0, 2 * HOUR)).toBe(false);
    expect(clients.distributePasswords(3 * HOUR, (user) => user < 10)).toMatchObject({ ok: true });
    scheduler.runUntil(3 * HOUR);
    expect(clients.location(0, 3 * HOUR)).toBe('cloud');
    expect(clients.location(10, 3 * HOUR)).toBe('no-password');
    expect(readsCloud).toHaveLength(10);
    expect(outlookCloud.every(([, at]) => at === 3 * HOUR)).toBe(true);
  });

  it('rolls out at a rate of desks per hour within business hours, skipping the weekend', () => {
    const { clients, scheduler } = profiles({}, false);
    clients.autodiscoverCnameCreated(0);
    clients.distributePasswords(0, everyone);
    // T+0 is Monday 08:00; 5 desks an hour in 8:00-18:00 is 50 a day: the 50th desk on Monday at 17:48.
    clients.rebuildProfiles(0, 5, 0, everyone);
    scheduler.runUntil(9 * HOUR);
    expect(clients.countOnPrem(9 * HOUR)).toBe(USERS - 46);
    expect(clients.allMovedAt()).toBe(9 * HOUR + 48 * 60_000);
    const friday = profiles({}, false);
    friday.clients.autodiscoverCnameCreated(0);
    friday.clients.distributePasswords(0, everyone);
    // From Friday 17:00 (T+4d9h) at 2 an hour: two desks on Friday, the rest from Monday 08:00.
    friday.clients.rebuildProfiles(4 * DAY + 9 * HOUR, 2, 0, everyone);
    friday.scheduler.runUntil(6 * DAY);
    expect(friday.clients.countOnPrem(6 * DAY)).toBe(USERS - 2);
    friday.scheduler.runUntil(7 * DAY + 30 * 60_000);
    expect(friday.clients.countOnPrem(7 * DAY + 30 * 60_000)).toBe(USERS - 4);
  });

  it('lets a self-service share rebuild from the welcome letter, with an exponential delay of the given mean', () => {
    const { clients, scheduler } = profiles({ domainJoinedFraction: 0 }, false);
    clients.autodiscoverCnameCreated(0);
    clients.distributePasswords(0, everyone);
    clients.rebuildProfiles(0, 0.001, 1, everyone);
    scheduler.runUntil(30 * DAY);
    const delays = Array.from({ length: USERS }, (_, user) => clients.outlookCloudAt(user)!);
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    expect(mean).toBeGreaterThan(2 * HOUR);
    expect(mean).toBeLessThan(7 * HOUR);
    expect(new Set(delays).size).toBeGreaterThan(40);
  });

  it('lets web users read the cloud mailbox before their profile moves, and phones only once the CNAME exists', () => {
    const web = profiles({ webShare: 1, meanFirstWebUseDelay: HOUR });
    web.clients.distributePasswords(0, everyone);
    web.scheduler.runUntil(DAY);
    expect(web.readsCloud.length).toBe(USERS);
    expect(web.clients.countOnPrem(DAY)).toBe(USERS);
    const phones = profiles({ mobileShare: 1, meanFirstWebUseDelay: HOUR });
    phones.clients.distributePasswords(0, everyone);
    phones.scheduler.runUntil(DAY);
    expect(phones.readsCloud).toHaveLength(0);
    phones.clients.autodiscoverCnameCreated(DAY);
    phones.scheduler.runUntil(3 * DAY);
    expect(phones.readsCloud).toHaveLength(USERS);
    expect(Math.min(...phones.readsCloud.map(([, at]) => at))).toBeGreaterThanOrEqual(DAY);
  });
});
