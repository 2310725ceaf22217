import type { PlanEntry } from './schema.js';

/**
 * The article's procedure as a plan, in file form (CUT steps 1-8 and the users' side of step 9), with the batch removed
 * at the moment the twin computes as safe. Used by the inventory import so an imported
 * organisation can be checked and run at once; scenarios/textbook.yaml writes the same out.
 */
export function articlePlan(options: { securityGroups?: boolean; directorySync?: boolean; additionalDomains?: readonly string[] } = {}): PlanEntry[] {
  // Each further accepted domain gets the primary's DNS and verification steps at the same moments, naming it.
  const forEach = <E extends PlanEntry>(entry: E): PlanEntry[] => (options.additionalDomains ?? []).map((domain) => ({ ...entry, domain }));
  return [
    // "Optional: Reduce email delays": TTL at most 3,600 s before starting the migration
    { action: 'set-mx-ttl', ttl: '1h', at: '0s' },
    ...forEach({ action: 'set-mx-ttl', ttl: '1h', at: '0s' }),
    ...(options.directorySync ? [{ action: 'disable-directory-sync', at: '0s' } as const] : []),
    // Step 1: TXT record, wait about 15 minutes, verify
    { action: 'publish-verification-txt', at: '0s' },
    ...forEach({ action: 'publish-verification-txt', at: '0s' }),
    { action: 'verify-domain', at: '20m' },
    ...forEach({ action: 'verify-domain', at: '20m' }),
    // Preparation 7: empty mail-enabled security groups before the batch starts
    ...(options.securityGroups ? [{ action: 'create-security-groups', at: '25m' } as const] : []),
    // Step 2: the Outlook Anywhere endpoint (its connection is tested when created)
    { action: 'create-endpoint', at: '30m' },
    // Steps 3-4: create the batch, start it once created
    { action: 'create-batch', at: '40m', name: 'CutoverBatch', autoStart: false },
    { action: 'start-batch', after: 'batch-created' },
    // Overview step 5: licenses before routing mail (well inside the 30-day grace, step 7)
    { action: 'assign-licenses', after: 'initial-sync-done' },
    // Overview step 9: the welcome letter with the new passwords (MigrationStatistics.csv), once every
    // cloud account exists; X500 addresses with the old legacyExchangeDNs before any new profile (KB2807779)
    { action: 'distribute-passwords', after: 'initial-sync-done' },
    { action: 'add-x500-addresses', after: 'initial-sync-done' },
    // Step 5: route mail once Synced, a full old-TTL period after lowering it
    { action: 'switch-mx', at: '24h after initial-sync-done' },
    ...forEach({ action: 'switch-mx', at: '24h after initial-sync-done' }),
    // Post-migration 1, done at the switch so Outlook moves during the 72 h wait (step 6: all users on the new mailboxes)
    { action: 'create-autodiscover-cname', after: 'mx-switched' },
    ...forEach({ action: 'create-autodiscover-cname', after: 'mx-switched' }),
    { action: 'clear-scp-pointer', after: 'mx-switched' },
    // A cutover makes new mailboxes: every desk needs a new Outlook profile once Autodiscover points to the cloud
    { action: 'rebuild-outlook-profiles', after: 'mx-switched' },
    // Step 6: at least 72 h and a sync after the last old-host delivery: the twin's safe moment
    { action: 'remove-batch', after: 'recommended-batch-removal' },
    // Post-migration 2
    { action: 'decommission', at: '1d after batch-removed' },
  ];
}
