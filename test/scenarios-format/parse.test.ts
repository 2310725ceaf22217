import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/index.js';
import { DEFAULT_DNS, DEFAULT_MIGRATION, DEFAULT_ONPREM_SERVER, DEFAULT_SCENARIO } from '../../model/defaults.js';
import { DAY, HOUR, MINUTE } from '../../sim/index.js';
import type { Mailbox } from '../../model/organisation.js';

const minimal = `
organisation:
  domain: Contoso.com
  mailboxes:
    - { address: Ana@contoso.com, size: "1.5 GB", items: 100 }
    - { address: bo@contoso.com, size: 1000, hidden: true }
`;

describe('parseScenario', () => {
  it('fills every default from model/defaults.ts', () => {
    const { config } = parseScenario(minimal, 'minimal.yaml');
    expect(config.name).toBe('minimal');
    expect(config.seed).toBe(DEFAULT_SCENARIO.seed);
    expect(config.horizon).toBe(DEFAULT_SCENARIO.horizon);
    expect(config.organisation.domain).toBe('contoso.com');
    expect(config.organisation.server.version).toBe(DEFAULT_ONPREM_SERVER.version);
    expect(config.migration).toEqual(DEFAULT_MIGRATION);
    expect(config.dns.initialMxTtl).toBe(DEFAULT_DNS.initialMxTtl);
    expect(config.dns.oldMxHost).toBe('mail.contoso.com');
    expect(config.dns.newMxHost).toBe('contoso-com.mail.protection.outlook.com');
    expect(config.tenant.initialDomain).toBe('contoso.onmicrosoft.com');
    expect(config.endpoint.testMailbox).toBe('ana@contoso.com');
    expect(config.endpoint.passwordEnv).toBe('CUTOVER_ADMIN_PASSWORD');
    expect(config.mailFlow.generated).toBeDefined();
    expect(config.plan).toEqual([]);
  });

  it('resolves addresses, sizes and item counts', () => {
    const [ana, bo] = parseScenario(minimal, 'm.yaml').config.organisation.recipients as Mailbox[];
    expect(ana).toMatchObject({ address: 'ana@contoso.com', sizeBytes: 1.5 * 1024 ** 3, itemCount: 100, hidden: false, type: 'UserMailbox' });
    expect(bo).toMatchObject({ address: 'bo@contoso.com', sizeBytes: 1000, hidden: true });
  });

  it('resolves plan timings: absolute, "<duration> after <event>", after/delay, both anchor spellings', () => {
    const { config } = parseScenario(`${minimal}
plan:
  - { action: set-mx-ttl, ttl: 1h, at: 0s }
  - { action: create-batch, at: 1h30m, name: Batch1, autoStart: true }
  - { action: switch-mx, at: "24h after initial-sync-done" }
  - { action: remove-batch, after: recommendedBatchRemoval }
  - { action: decommission, after: batch-removed, delay: 2d }
  - { action: assign-licenses, at: 1d, users: [Ana@contoso.com] }
`, 'p.yaml');
    expect(config.plan).toEqual([
      { action: 'setMxTtl', timing: { at: 0 }, ttl: HOUR },
      { action: 'createBatch', timing: { at: 90 * MINUTE }, batchName: 'Batch1', autoStart: true },
      { action: 'switchMx', timing: { after: 'initialSyncDone', delay: 24 * HOUR } },
      { action: 'removeBatch', timing: { after: 'recommendedBatchRemoval', delay: 0 } },
      { action: 'decommission', timing: { after: 'batchRemoved', delay: 2 * DAY } },
      { action: 'assignLicenses', timing: { at: DAY }, users: ['ana@contoso.com'] },
    ]);
  });

  it('generates mailboxes deterministically from the seed, special ones at the end', () => {
    const text = `seed: 7\norganisation:\n  domain: fabrikam.com\n  generate: { count: 50, sizeMedian: 1 GB, hiddenCount: 2, sharedCount: 3 }\n`;
    const first = parseScenario(text, 'g.yaml').config.organisation.recipients as Mailbox[];
    const again = parseScenario(text, 'g.yaml').config.organisation.recipients as Mailbox[];
    const otherSeed = parseScenario(text.replace('seed: 7', 'seed: 8'), 'g.yaml').config.organisation.recipients as Mailbox[];
    expect(first).toEqual(again);
    expect(first.map((m) => m.sizeBytes)).not.toEqual(otherSeed.map((m) => m.sizeBytes));
    expect(first).toHaveLength(50);
    expect(first[0]!.address).toBe('user0001@fabrikam.com');
    expect(first.filter((m) => m.hidden).map((m) => m.address)).toEqual(['user0049@fabrikam.com', 'user0050@fabrikam.com']);
    expect(first.filter((m) => m.type === 'SharedMailbox')).toHaveLength(3);
    expect(first.some((m) => m.hidden && m.type === 'SharedMailbox')).toBe(false);
  });

  it('reads JSON as well as YAML, and unquoted Exchange versions', () => {
    const { config } = parseScenario('{"organisation": {"domain": "contoso.com", "exchangeVersion": 2010, "generate": {"count": 1}}, "mailFlow": {"generated": false}}', 'j.json');
    expect(config.organisation.server.version).toBe('2010');
    expect(config.mailFlow.generated).toBeUndefined();
  });

  it('keeps credentials as a reference only', () => {
    const { config } = parseScenario(`${minimal}endpoint:\n  credentials: { username: "CONTOSO\\\\migadmin", passwordEnv: MY_SECRET }\n`, 'c.yaml');
    expect(config.endpoint.username).toBe('CONTOSO\\migadmin');
    expect(config.endpoint.passwordEnv).toBe('MY_SECRET');
    expect(JSON.stringify(config)).not.toMatch(/password"\s*:/i);
  });
});
