/**
 * A MailRouter on a small organisation (user1..user3@contoso.com) with the real ledger,
 * tenant and on-prem server, and Outlook clients the test sets by hand: where each user's
 * Outlook points, whether they read the cloud mailbox, whether they have the password.
 */
import { RandomStreams, Scheduler, type Millis } from '../../../sim/index.js';
import type { OutlookLocation, OutlookProfiles } from '../../../model/clients/index.js';
import type { DeclaredFault } from '../../../model/config.js';
import { Ledger } from '../../../model/ledger/index.js';
import type { MessageTrace } from '../../../model/result.js';
import { MailRouter, UserDirectory } from '../../../model/mailflow/index.js';
import { OnPremExchange } from '../../../model/onprem/index.js';
import { Tenant } from '../../../model/tenant/index.js';
import { NEW_MX, OLD_MX, smallConfig } from '../../fixtures/config.js';

export { NEW_MX, OLD_MX };
export const USER = (n: number) => `user${n}@contoso.com`;
export const PARTNER = 'partner@fabrikam.com';

export interface HarnessOptions {
  /** The organisation's domain verified in the tenant from T+0 (default true). */
  verified?: boolean;
  /** Share of internal mail from cloud Outlook that carries an old legacyExchangeDN (default 0). */
  x500ReplyShare?: number;
  faults?: DeclaredFault[];
  licenseGrace?: Millis;
}

export function routerHarness(options: HarnessOptions = {}) {
  const config = smallConfig({
    mailboxCount: 3, faults: options.faults ?? [],
    tenant: { verifiedDomains: options.verified === false ? [] : ['contoso.com'], ...(options.licenseGrace !== undefined ? { licenseGrace: options.licenseGrace } : {}) },
  });
  const scheduler = new Scheduler();
  const random = new RandomStreams(1);
  const ledger = new Ledger({ lateThreshold: config.ledger.lateThreshold, sampledPaths: 0, keepAllPaths: true, sampling: random.stream('ledger.sampling') });
  const users = new UserDirectory(config.organisation);
  const tenant = new Tenant({ scheduler, config: config.tenant, organisation: config.organisation, listener: { onLicenseState: () => {} } });
  const onPrem = new OnPremExchange(config);
  const where: OutlookLocation[] = users.addresses.map(() => 'on-prem');
  const readsCloud: boolean[] = users.addresses.map(() => false);
  const password: boolean[] = users.addresses.map(() => false);
  const clients = {
    location: (user: number) => where[user]!,
    readsCloud: (user: number) => readsCloud[user]!,
    hasPassword: (user: number) => password[user]!,
  } as unknown as OutlookProfiles;
  const arrivals: { address: string; bytes: number }[] = [];
  const router = new MailRouter({
    scheduler, ledger, tenant, onPrem, clients, users, hosts: { oldMx: OLD_MX, newMx: NEW_MX },
    sizes: random.stream('mailflow.size'), x500: random.stream('clients.x500'), x500ReplyShare: options.x500ReplyShare ?? 0,
    recordOnPremArrival: (address, bytes) => arrivals.push({ address, bytes }),
  });
  const userIndex = (n: number) => n - 1;
  return {
    scheduler, ledger, tenant, onPrem, router, arrivals,
    /** User `n` has a cloud mailbox (provisioned by the batch). */
    migrate(n: number, at: Millis = 0) {
      tenant.provision(USER(n), 'mailbox', at);
    },
    /** User `n`'s Outlook: on-prem profile, cloud profile with the password, or cloud profile without it. */
    outlook(n: number, location: OutlookLocation) {
      where[userIndex(n)] = location;
      password[userIndex(n)] = location === 'cloud';
      readsCloud[userIndex(n)] = location === 'cloud';
    },
    /** User `n` got the new password (their Outlook stays where it is). */
    givePassword(n: number) {
      password[userIndex(n)] = true;
    },
    /** An external message from outside to user `n`, offered to `host` at `at`. */
    inbound(host: string, to: string, at: Millis) {
      const id = router.register(PARTNER, to, at);
      return { id, outcome: router.attempt(host, to, id, at) };
    },
    /** User `from` sends to `to` from Outlook at `at`. */
    send(from: number, to: string, at: Millis) {
      const id = router.register(USER(from), to, at);
      return { id, submitted: router.submitFromOutlook(id, userIndex(from), to, at) };
    },
    /** The message's fate and reason now, as the horizon rule gives it for one still without a fate. */
    trace(id: number): MessageTrace {
      return ledger.trace(id, (message) => router.resolvePending(message))!;
    },
    /** The message's path steps after `sent`. */
    steps(id: number): string[] {
      return ledger.trace(id, (message) => router.resolvePending(message))!.path.map((hop) => hop.step);
    },
  };
}
