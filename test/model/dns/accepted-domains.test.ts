import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, RandomStreams, Scheduler } from '../../../sim/index.js';
import { createDns } from '../../../model/dns/index.js';
import { dnsConfig, makeDns, NEW, OLD } from './helpers.js';

const fabrikam = { name: 'fabrikam.com', initialMxTtl: 5 * MINUTE, verificationTxtPublished: false, autodiscoverCnameExists: true };

function twoDomains(seed = 1) {
  const scheduler = new Scheduler();
  const dns = createDns({ scheduler, random: new RandomStreams(seed), config: dnsConfig(), additionalDomains: [fabrikam] });
  return { dns, scheduler };
}

describe('one zone per accepted domain', () => {
  it('each zone has its own MX, TTL, TXT and autodiscover record', () => {
    const { dns } = twoDomains();
    expect(dns.zones).toHaveLength(2);
    expect(dns.zones[0]).toBe(dns.zone);
    expect(dns.zones[1]!.mx()).toEqual({ host: OLD, ttl: 5 * MINUTE });
    expect(dns.zones[1]!.autodiscoverCnameCreatedAt()).toBe(0);
    expect(dns.zone.autodiscoverCnameCreatedAt()).toBeUndefined();
    dns.zones[1]!.publishVerificationTxt(0);
    expect(dns.zone.verificationTxtPublishedAt()).toBeUndefined();
  });

  it('a resolver answers each domain from its own cache entry: switching one domain moves only its answers', () => {
    const { dns, scheduler } = twoDomains();
    dns.zones[1]!.switchMx(NEW, HOUR);
    scheduler.runUntil(2 * HOUR);
    // Every resolver honours TTLs and fabrikam's is 5 minutes: an hour after its switch all answer the new host for it.
    for (let resolver = 0; resolver < dns.resolverCount; resolver++) {
      expect(dns.lookupMx(resolver, 2 * HOUR, 1)).toBe(NEW);
      expect(dns.lookupMx(resolver, 2 * HOUR, 0)).toBe(OLD);
    }
    expect(dns.shareAnswering(NEW, 2 * HOUR, 1)).toBe(1);
    expect(dns.shareAnswering(NEW, 2 * HOUR)).toBe(0);
    expect(dns.peekMx(0, 2 * HOUR, 1).host).toBe(NEW);
    expect(() => dns.lookupMx(0, 2 * HOUR, 2)).toThrow(/no accepted domain 2/);
  });

  it('adding a domain leaves the primary domain\'s answers exactly as they were (same streams, same draws)', () => {
    const one = makeDns({ initialMxTtl: 6 * HOUR, resolverMix: 'measured', cacheMissProbability: 0.3, resolverBackgroundQueriesPerHour: 60 }, 5);
    const scheduler = new Scheduler();
    const two = createDns({ scheduler, random: new RandomStreams(5), config: dnsConfig({ initialMxTtl: 6 * HOUR, resolverMix: 'measured', cacheMissProbability: 0.3, resolverBackgroundQueriesPerHour: 60 }), additionalDomains: [fabrikam] });
    one.dns.zone.switchMx(NEW, 2 * HOUR);
    two.zone.switchMx(NEW, 2 * HOUR);
    for (let at = 0; at < 12 * HOUR; at += 17 * MINUTE) {
      one.scheduler.runUntil(at);
      scheduler.runUntil(at);
      for (let resolver = 0; resolver < 50; resolver += 7) {
        two.lookupMx(resolver, at, 1);
        expect(two.lookupMx(resolver, at)).toBe(one.dns.lookupMx(resolver, at));
      }
    }
  });
});
