import fc from 'fast-check';
import type { SimulationConfig } from '../../model/config.js';
import { DEFAULT_ONPREM_SERVER } from '../../model/defaults.js';
import { isMailbox } from '../../model/organisation.js';
import { scenarioArbitrary, type ScenarioOptions } from './scenario.js';

/**
 * The service side made ready (a healthy server, directory sync off, no batch left over, a
 * real test mailbox), so the batch migrates: every relation here is about a batch that ran.
 * The mailboxes keep their drawn flaws and the plan its mutations.
 */
export function serviceReady(config: SimulationConfig): SimulationConfig {
  const { server } = config.organisation;
  const testMailbox = config.organisation.recipients.find((recipient) => isMailbox(recipient) && !recipient.hidden)?.address ?? config.endpoint.testMailbox;
  return {
    ...config,
    organisation: { ...config.organisation, server: { ...DEFAULT_ONPREM_SERVER, exchangeServerFqdn: server.exchangeServerFqdn, rpcProxyFqdn: server.rpcProxyFqdn, uplinkMbps: server.uplinkMbps } },
    tenant: { ...config.tenant, directorySync: false, existingCutoverBatch: false },
    endpoint: { ...config.endpoint, testMailbox },
  };
}

/**
 * The article's preparation done on top (CUT preparation): the service ready, the domain
 * verified, licenses for everyone, and each mailbox's known flaw fixed (unhidden, UM disabled, FullAccess granted,
 * a manager outside the batch dropped). Large and bad items stay: they are skipped, not
 * fatal.
 */
export function prepared(config: SimulationConfig): SimulationConfig {
  const ready = serviceReady(config);
  const addresses = new Set(ready.organisation.recipients.map((recipient) => recipient.address));
  const recipients = ready.organisation.recipients.map((recipient) => {
    if (!isMailbox(recipient)) return recipient;
    const fixed = { ...recipient, hidden: false, unifiedMessaging: false };
    delete fixed.missingFullAccess;
    if (fixed.manager !== undefined && !addresses.has(fixed.manager)) delete fixed.manager;
    return fixed;
  });
  return { ...ready, organisation: { ...ready.organisation, recipients }, tenant: { ...ready.tenant, verifiedDomains: [ready.organisation.domain], licensePool: Math.max(ready.tenant.licensePool, recipients.filter(isMailbox).length) } };
}

/**
 * Scenarios prepared as the article asks (`prepared`), so that what varies is the plan, DNS,
 * senders, traffic and faults: plans the checker finds clean are common (issue 20), where
 * `scenarioArbitrary` draws a broken server, tenant or mailbox in most cases.
 */
export const preparedScenarioArbitrary = (options: ScenarioOptions = {}): fc.Arbitrary<SimulationConfig> => scenarioArbitrary(options).map(prepared);
