import fc from 'fast-check';
import { HOUR } from '../../sim/index.js';
import type { EndpointConfig, MigrationParameters, TenantConfig } from '../../model/config.js';
import { DEFAULT_ENDPOINT, DEFAULT_MIGRATION, DEFAULT_TENANT } from '../../model/defaults.js';
import { isMailbox, type Organisation } from '../../model/organisation.js';
import { mostly } from './weighted.js';

/**
 * The tenant, the migration endpoint and the migration service's parameters. Each shrinks
 * to the article's prepared state: directory sync off, licenses enough, no batch left over,
 * the endpoint on Autodiscover with the default concurrency (CUT preparation,
 * PS-New-MigrationEndpoint). Draws are independent of the organisation (shares and flags),
 * so a scenario shrinks its organisation without re-drawing these.
 */

const onmicrosoft = (domain: string): string => `${domain.split('.')[0]}.onmicrosoft.com`;

export interface TenantDraw {
  domainVerified: boolean;
  directorySync: boolean;
  /** Licenses as a share of the mailboxes; 1 means an unlimited pool. */
  licenseShare: number;
  groupsPreCreated: boolean;
  existingCutoverBatch: boolean;
  licenseGrace: number;
}

export const tenantDraw: fc.Arbitrary<TenantDraw> = fc.record({
  domainVerified: mostly(false, fc.constant(true), 1, 4),
  directorySync: mostly(false, fc.constant(true), 1, 12), // CUT: must be off
  licenseShare: mostly(1, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), // CUT step 7: one license per user
  groupsPreCreated: mostly(true, fc.constant(false), 1, 3), // CUT prep. 7
  existingCutoverBatch: mostly(false, fc.constant(true), 1, 25), // CUTPS: only one may exist
  // CUT step 7 / RMLIC: 30 days; a shorter grace lets a 2-day case reach its end
  licenseGrace: mostly(DEFAULT_TENANT.licenseGrace, fc.integer({ min: 1, max: 48 }).map((hours) => hours * HOUR), 1, 8),
});

export function buildTenant(organisation: Organisation, draw: TenantDraw): TenantConfig {
  const mailboxes = organisation.recipients.filter(isMailbox).length;
  const securityGroups = organisation.recipients.filter((recipient) => recipient.kind === 'group' && recipient.security).map((group) => group.address);
  return {
    ...DEFAULT_TENANT,
    initialDomain: onmicrosoft(organisation.domain),
    verifiedDomains: draw.domainVerified ? [organisation.domain] : [],
    directorySync: draw.directorySync,
    licensePool: draw.licenseShare >= 1 ? DEFAULT_TENANT.licensePool : Math.floor(draw.licenseShare * mailboxes),
    preCreatedSecurityGroups: draw.groupsPreCreated ? securityGroups : [],
    existingCutoverBatch: draw.existingCutoverBatch,
    licenseGrace: draw.licenseGrace,
  };
}

export const tenantArbitrary = (organisation: Organisation): fc.Arbitrary<TenantConfig> => tenantDraw.map((draw) => buildTenant(organisation, draw));

export interface EndpointDraw {
  maxConcurrentMigrations: number;
  /** MaxConcurrentIncrementalSyncs as a share of its default, capped at MaxConcurrentMigrations. */
  incrementalShare: number;
  mode: EndpointConfig['mode'];
  wrongTestMailbox: boolean;
}

export const endpointDraw: fc.Arbitrary<EndpointDraw> = fc.record({
  // PERF: 1-100 per endpoint; 20 by default (STG, PERF, EAC)
  maxConcurrentMigrations: mostly(DEFAULT_ENDPOINT.maxConcurrentMigrations, fc.integer({ min: 1, max: 50 })),
  incrementalShare: mostly(1, fc.double({ min: 0, max: 1, noNaN: true })),
  mode: mostly<EndpointConfig['mode']>('autodiscover', fc.constant('manual'), 1, 8),
  wrongTestMailbox: mostly(false, fc.constant(true), 1, 25),
});

export function buildEndpoint(organisation: Organisation, draw: EndpointDraw): EndpointConfig {
  // scenarios/resolve.ts: the first mailbox that is not hidden is the default test mailbox
  const first = organisation.recipients.find((recipient) => isMailbox(recipient) && !recipient.hidden) ?? organisation.recipients[0];
  const endpoint: EndpointConfig = {
    ...DEFAULT_ENDPOINT,
    maxConcurrentMigrations: draw.maxConcurrentMigrations,
    // BLOG-CONC: an independent pool, never above MaxConcurrentMigrations
    maxConcurrentIncrementalSyncs: Math.max(1, Math.min(draw.maxConcurrentMigrations, Math.round(draw.incrementalShare * DEFAULT_ENDPOINT.maxConcurrentIncrementalSyncs))),
    mode: draw.mode,
    testMailbox: draw.wrongTestMailbox ? `nobody@${organisation.domain}` : first?.address ?? `administrator@${organisation.domain}`,
    username: `administrator@${organisation.domain}`,
  };
  if (draw.mode === 'manual') {
    endpoint.exchangeServer = organisation.server.exchangeServerFqdn;
    endpoint.rpcProxyServer = organisation.server.rpcProxyFqdn;
  }
  return endpoint;
}

export const endpointArbitrary = (organisation: Organisation): fc.Arbitrary<EndpointConfig> => endpointDraw.map((draw) => buildEndpoint(organisation, draw));

/** The service's sourced defaults, with the spread of per-mailbox rates and stalls sometimes varied. */
export const migrationParametersArbitrary = (): fc.Arbitrary<MigrationParameters> =>
  fc
    .record({
      mailboxThroughputSigma: mostly(DEFAULT_MIGRATION.mailboxThroughputSigma, fc.constantFrom(0, 0.25, 1)),
      stallsPerHour: mostly(DEFAULT_MIGRATION.stallsPerHour, fc.constantFrom(0, 0.5, 2)),
      allowStopWhenSynced: mostly(DEFAULT_MIGRATION.allowStopWhenSynced, fc.constant(false), 1, 5), // MMB vs the cmdlet text
    })
    .map((draw) => ({ ...DEFAULT_MIGRATION, ...draw }));
