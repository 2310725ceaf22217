import { HOUR, RandomStreams, Scheduler } from '../../../sim/index.js';
import type { DnsConfig } from '../../../model/config.js';
import { createDns, type Dns } from '../../../model/dns/index.js';

export const OLD = 'mail.contoso.com';
export const NEW = 'contoso-com.mail.protection.outlook.com';

export function dnsConfig(overrides: Partial<DnsConfig> = {}): DnsConfig {
  return {
    initialMxTtl: 1 * HOUR,
    oldMxHost: OLD,
    newMxHost: NEW,
    verificationTxtPublished: false,
    autodiscoverCnameExists: false,
    resolverCount: 50,
    resolverMix: 'all-honour',
    cacheMissProbability: 0,
    serveStaleFraction: 0,
    resolverBackgroundQueriesPerHour: 0,
    ...overrides,
  };
}

export function makeDns(overrides: Partial<DnsConfig> = {}, seed = 1, faults: { from: number; until: number }[] = []): { dns: Dns; scheduler: Scheduler } {
  const scheduler = new Scheduler();
  const dns = createDns({
    scheduler,
    random: new RandomStreams(seed),
    config: dnsConfig(overrides),
    faults: faults.map((fault) => ({ kind: 'dnsAuthorityOutage' as const, ...fault })),
  });
  return { dns, scheduler };
}
