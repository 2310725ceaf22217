import { describe, expect, it } from 'vitest';
import { DAY } from '../../sim/index.js';
import { simulate } from '../../model/simulation.js';
import { checkPlan } from '../../model/checker/index.js';
import { importInventory, parseScenario } from '../../scenarios/index.js';

/**
 * Two accepted domains, contoso.com (primary) and fabrikam.com, each with its own MX record.
 * The MX TTL is 5 minutes and every resolver honours it, so half an hour after a domain's
 * switch every sender follows it. Both domains are verified before the batch (T+40m); the
 * initial sync of four small mailboxes ends within hours; at T+1d the users get their
 * passwords, both autodiscover CNAMEs and new profiles. Generated traffic is off; each
 * explicit message is counted by hand:
 *
 *   c1  T+1d2h  partner → ann@contoso.com    contoso switched at T+1d   → new host, delivered in the cloud
 *   f1  T+1d2h  partner → bob@fabrikam.com   fabrikam not switched yet  → old host, on-prem, synced, delivered
 *   f2  T+2d6h  partner → bob@fabrikam.com   fabrikam switched at T+2d  → new host, delivered in the cloud
 *
 * Without the fabrikam switch its MX is never switched: f1 and f2 both land on-prem and are
 * synced by the daily passes (the batch stays), and the plan's MX switch never comes.
 */
function scenario(options: { switchFabrikam: boolean; verifyFabrikam: boolean }): string {
  const fabrikamVerification = options.verifyFabrikam
    ? ['  - { action: publish-verification-txt, domain: fabrikam.com, at: 0s }', '  - { action: verify-domain, domain: fabrikam.com, at: 20m }']
    : [];
  return [
    'name: two-domains',
    'seed: 7',
    'horizon: 4d',
    'organisation:',
    '  domain: contoso.com',
    '  additionalDomains: [fabrikam.com]',
    '  mailboxes:',
    '    - { address: ann@contoso.com, size: 20 MB }',
    '    - { address: carl@contoso.com, size: 20 MB }',
    '    - { address: bob@fabrikam.com, size: 20 MB }',
    '    - { address: dora@fabrikam.com, size: 20 MB }',
    'migration: { incrementalJitter: 0s }',
    'dns: { initialMxTtl: 5m, resolverMix: all-honour, cacheMissProbability: 0 }',
    'clients: { webShare: 0, mobileShare: 0 }',
    'mailFlow:',
    '  generated: false',
    '  explicit:',
    '    - { at: 26h, from: partner@example.org, to: ann@contoso.com, label: c1 }',
    '    - { at: 26h, from: partner@example.org, to: bob@fabrikam.com, label: f1 }',
    '    - { at: 54h, from: partner@example.org, to: bob@fabrikam.com, label: f2 }',
    'plan:',
    '  - { action: publish-verification-txt, at: 0s }',
    '  - { action: verify-domain, at: 20m }',
    ...fabrikamVerification,
    '  - { action: create-endpoint, at: 30m }',
    '  - { action: create-batch, at: 40m, name: CutoverBatch, autoStart: true }',
    '  - { action: assign-licenses, at: 1d }',
    '  - { action: distribute-passwords, at: 1d }',
    '  - { action: add-x500-addresses, at: 1d }',
    '  - { action: switch-mx, at: 1d }',
    ...(options.switchFabrikam ? ['  - { action: switch-mx, domain: fabrikam.com, at: 2d }'] : []),
    '  - { action: create-autodiscover-cname, at: 1d }',
    '  - { action: create-autodiscover-cname, domain: fabrikam.com, at: 1d }',
    '  - { action: clear-scp-pointer, at: 1d }',
    '  - { action: rebuild-outlook-profiles, at: 1d }',
  ].join('\n');
}

const run = (options: { switchFabrikam: boolean; verifyFabrikam: boolean }) => {
  const { config } = parseScenario(scenario(options), 'two-domains.yaml');
  const result = simulate(config);
  const trace = (label: string) => result.traces.find((candidate) => candidate.label === label)!;
  const steps = (label: string) => trace(label).path.map((hop) => hop.step).filter((step) => step !== 'mx-lookup');
  return { config, result, trace, steps };
};

describe('two accepted domains, each with its own MX', () => {
  it('mail follows the MX of its recipient\'s domain: the switched domain\'s to the tenant, the other\'s still on-prem', () => {
    const { result, steps, trace } = run({ switchFabrikam: true, verifyFabrikam: true });
    // f1 waited on-prem for the next daily pass: delivered, late.
    expect(result.messages).toMatchObject({ sent: 3, delivered: 2, deliveredLate: 1, bounced: 0, lost: 0, stranded: 0, pending: 0 });
    expect(steps('c1')).toEqual(['sent', 'accepted:new-host', 'delivered:cloud']);
    expect(steps('f1')).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'synced', 'delivered:cloud']);
    expect(steps('f2')).toEqual(['sent', 'accepted:new-host', 'delivered:cloud']);
    // The sender asked for fabrikam.com's MX, which still named the old host a day after contoso.com's switch.
    expect(trace('f1').path.find((hop) => hop.step === 'mx-lookup')!.detail).toContain('mail.contoso.com');
    // The plan's MX switch is the moment the last domain points at the tenant.
    expect(result.keyTimes.mxSwitchedAt).toBe(2 * DAY);
  });

  it('a domain whose MX is never switched keeps its mail on-prem, counted there and synced while the batch stays', () => {
    const { config, result, steps } = run({ switchFabrikam: false, verifyFabrikam: true });
    expect(result.messages).toMatchObject({ sent: 3, delivered: 1, deliveredLate: 2, bounced: 0, lost: 0, stranded: 0, pending: 0 });
    expect(steps('f1')).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'synced', 'delivered:cloud']);
    expect(steps('f2')).toEqual(['sent', 'accepted:old-host', 'delivered:on-prem', 'synced', 'delivered:cloud']);
    expect(steps('c1')).toEqual(['sent', 'accepted:new-host', 'delivered:cloud']);
    const actions = result.actions.filter((action) => action.action === 'switchMx');
    expect(actions.map((action) => action.outcome)).toEqual(['done']);
    expect(result.keyTimes.mxSwitchedAt).toBeNull();
    const findings = checkPlan(config).filter((finding) => finding.rule === 'schedule.no-mx-switch');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('fabrikam.com');
  });

  it('an unverified second domain: its mailboxes fail to provision, its mail bounces 5.4.1 in Exchange Online, and the checker gives an error', () => {
    const { config, result, trace } = run({ switchFabrikam: true, verifyFabrikam: false });
    expect(trace('c1').fate).toBe('delivered');
    expect(trace('f2')).toMatchObject({ fate: 'bounced', reason: 'exo-domain-not-accepted-5.4.1' });
    expect(result.reasons['exo-domain-not-accepted-5.4.1']).toBeGreaterThanOrEqual(1);
    const finding = checkPlan(config).find((candidate) => candidate.rule === 'preflight.additional-domain-not-verified');
    expect(finding).toMatchObject({ severity: 'error', subjects: ['bob@fabrikam.com', 'dora@fabrikam.com'] });
    expect(finding!.fix).toContain('verify-domain, domain: fabrikam.com');
  });

  it('refuses a plan action on a domain that is not accepted, at its line', () => {
    const text = scenario({ switchFabrikam: true, verifyFabrikam: true }).replace('domain: fabrikam.com, at: 2d', 'domain: northwind.com, at: 2d');
    expect(() => parseScenario(text, 'two-domains.yaml')).toThrow(/northwind\.com is not an accepted domain/);
  });

  it('takes explicit mail to any accepted domain and refuses mail to the internet (not modelled), at its line', () => {
    const base = scenario({ switchFabrikam: true, verifyFabrikam: true });
    expect(parseScenario(base, 'two-domains.yaml').config.mailFlow.explicit.map((message) => message.to)).toContain('bob@fabrikam.com');
    const outbound = base.replace('from: partner@example.org, to: bob@fabrikam.com, label: f1', 'from: bob@fabrikam.com, to: partner@example.org, label: f1');
    expect(() => parseScenario(outbound, 'two-domains.yaml')).toThrow(/^partner@example\.org is not in an accepted domain of the organisation; expected an address in contoso\.com, fabrikam\.com/);
  });

  it('refuses a domain listed twice and more additional domains than the range allows, at the entry', () => {
    const base = scenario({ switchFabrikam: true, verifyFabrikam: true });
    expect(() => parseScenario(base.replace('[fabrikam.com]', '[fabrikam.com, Contoso.com]'), 'x.yaml')).toThrow(/contoso\.com is listed twice/);
    const many = Array.from({ length: 51 }, (_, index) => `d${index}.example`).join(', ');
    expect(() => parseScenario(base.replace('[fabrikam.com]', `[${many}]`), 'x.yaml')).toThrow(/at most 50 additional domains/);
    const detailed = parseScenario(base.replace('[fabrikam.com]', '[{ name: Fabrikam.com, initialMxTtl: 2h, autodiscoverCnameExists: true }]'), 'x.yaml');
    expect(detailed.config.organisation.additionalDomains).toEqual([{ name: 'fabrikam.com', initialMxTtl: 7_200_000, verificationTxtPublished: false, autodiscoverCnameExists: true }]);
  });
});

describe('import of a two-domain inventory', () => {
  const header = 'DisplayName,PrimarySmtpAddress,TotalItemSize,ItemCount,RecipientTypeDetails,HiddenFromAddressListsEnabled';
  const rows = Array.from({ length: 8 }, (_, index) => `User ${index},user${index}@${index % 2 === 0 ? 'contoso.com' : 'fabrikam.com'},${50 + index} MB,${400 + index},UserMailbox,False`);
  const text = [header, ...rows, 'Other,x@northwind.com,10 MB,10,UserMailbox,False'].join('\n');

  it('writes both domains and each one\'s DNS and verification actions; a mailbox in a domain not listed still warns', () => {
    const imported = importInventory(text, { fileName: 'two.csv', domains: ['contoso.com', 'fabrikam.com'] });
    expect(imported.scenario.data.organisation.additionalDomains).toEqual(['fabrikam.com']);
    const onFabrikam = (imported.scenario.data.plan ?? []).filter((entry) => 'domain' in entry && entry.domain === 'fabrikam.com').map((entry) => entry.action);
    expect(onFabrikam).toEqual(['set-mx-ttl', 'publish-verification-txt', 'verify-domain', 'switch-mx', 'create-autodiscover-cname']);
    expect(imported.warnings.map((warning) => warning.code)).toEqual(['other-domain']);
  });

  it('a healthy two-domain inventory: the plan passes check and the run delivers everything', () => {
    const imported = importInventory([header, ...rows].join('\n'), { fileName: 'two.csv', domains: ['contoso.com', 'fabrikam.com'] });
    expect(imported.warnings).toEqual([]);
    const config = imported.scenario.loaded.config;
    expect(checkPlan(config)).toEqual([]);
    const result = simulate(config);
    expect(result.messages.sent).toBeGreaterThan(1000);
    expect(result.messages).toMatchObject({ bounced: 0, lost: 0, stranded: 0 });
    expect(result.batch.statusHistory.map((entry) => entry.status)).toContain('Deleted');
  });
});
