import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../model/simulation.js';
import { TrainerSession } from '../../web/src/session/session.js';
import { consoleOn, TO_STARTED_BATCH } from './helpers.js';

describe('the migration cmdlets against a live session', () => {
  test('a refused command prints the service\'s reason as an error record, the same reason the button shows', () => {
    const { session, failing } = consoleOn();
    const button = session.simulation.availableActions().find((entry) => entry.action === 'startBatch');
    expect(button?.allowed).toBe(false);
    const output = failing('Start-MigrationBatch -Identity CutoverBatch');
    expect(output).toContain("Couldn't find a migration batch");
    expect(output).toContain('ManagementObjectNotFoundException');
    const verify = failing('Confirm-MgDomain -DomainId contoso.com');
    const reason = session.simulation.availableActions().find((entry) => entry.action === 'verifyDomain')?.reason;
    expect(reason).toBeDefined();
    expect(verify).toContain(reason!.slice(0, 30));
    expect(verify).toMatch(/CategoryInfo {10}: InvalidOperation: \(contoso\.com:String\) \[Confirm-MgDomain\], MigrationPermanentException/);
    expect(verify).toContain('FullyQualifiedErrorId : Microsoft.Exchange.Migration.MigrationPermanentException,Confirm-MgDomain');
    expect(session.log).toEqual([]);
  });

  test('endpoint, batch, users and statistics read like Exchange Online; commands land in the session log', () => {
    const { session, ok } = consoleOn();
    expect(ok('Get-MigrationBatch')).toBe('');
    expect(ok('Get-AcceptedDomain')).not.toContain(' contoso.com ');
    ok(...TO_STARTED_BATCH);
    expect(ok('Get-AcceptedDomain')).toMatch(/contoso\.com\s+contoso\.com\s+Authoritative True/);
    expect(ok('Get-MigrationEndpoint')).toMatch(/^Identity\s+EndpointType\s+RemoteServer$/m);
    expect(ok('Get-MigrationBatch')).toMatch(/^Identity\s+Status\s+Type\s+TotalCount\nCutoverBatch|-+/m);
    ok('Wait-Time -Until Synced');
    const batch = ok('Get-MigrationBatch CutoverBatch | fl');
    expect(batch).toMatch(/^SyncedCount\s+: 4$/m);
    expect(batch).toMatch(/^InitialSyncDateTime\s+: 2025-03-0\d \d\d:\d\d:\d\d UTC \(T\+/m);
    const users = ok('Get-MigrationUser');
    expect(users).toMatch(/^Identity\s+Batch\s+Status\s+LastSyncTime$/m);
    expect(users.match(/user\d@contoso\.com/g)).toHaveLength(4);
    const statistics = ok('Get-MigrationUserStatistics user2@contoso.com -IncludeSkippedItems | Format-List');
    expect(statistics).toMatch(/^SyncedItemCount\s+: [1-9]\d*$/m);
    expect(statistics).toMatch(/^BytesTransferred\s+: [1-9]\d*$/m);
    expect(statistics).toMatch(/^SkippedItems\s+: LargeItem 0, CorruptItem 0$/m);
    // Piped identities: one statistics object per user.
    expect(ok('Get-MigrationUser | Get-MigrationUserStatistics | Measure-Object')).toContain('Count : 4');
    expect(ok('Get-MigrationUser | Select-Object -First 1 -ExpandProperty Identity')).toBe('user1@contoso.com');
    expect(session.log.map((entry) => entry.action.action)).toEqual(['publishVerificationTxt', 'verifyDomain', 'createEndpoint', 'createBatch']);
  });

  test('the log the console wrote replays to the same state (what a share link carries)', () => {
    const { session, ok } = consoleOn();
    ok(...TO_STARTED_BATCH, 'Wait-Time 6h', 'Stop-MigrationBatch CutoverBatch', 'Wait-Time 1h');
    const copy = new TrainerSession(session.config, (config) => createSimulation(config), session.log);
    copy.goTo(session.now());
    expect(copy.simulation.snapshot()).toEqual(session.simulation.snapshot());
  });

  test('licensing piped mailboxes is one admin action for all of them', () => {
    const { session, ok } = consoleOn();
    ok(...TO_STARTED_BATCH, 'Wait-Time -Until Synced');
    expect(ok('Get-Mailbox')).toMatch(/^Name\s+Alias\s+Database\s+ProhibitSendQuota\s+ExternalDirectoryObjectId$/m);
    ok("Get-Mailbox | Set-MgUserLicense -AddLicenses @{SkuId='x'} -RemoveLicenses @()");
    const licensing = session.log.filter((entry) => entry.action.action === 'assignLicenses');
    expect(licensing).toHaveLength(1);
    expect(licensing[0]!.action.users).toHaveLength(4);
    expect(ok('Get-Mailbox user3 | fl LicenseState')).toContain('licensed');
  });

  test('Resolve-DnsName shows one resolver\'s cached answer and TTL left, and asking changes nothing in the run', () => {
    const asked = consoleOn({ mailFlow: { explicit: [{ at: 3 * 86_400_000, from: 'a@fabrikam.com', to: 'user1@contoso.com' }] } });
    const quiet = consoleOn({ mailFlow: { explicit: [{ at: 3 * 86_400_000, from: 'a@fabrikam.com', to: 'user1@contoso.com' }] } });
    const lines = [...TO_STARTED_BATCH, 'Wait-Time -Until Synced', 'Set-TwinMxRecord -MailExchange contoso-com.mail.protection.outlook.com'];
    asked.ok(...lines);
    quiet.ok(...lines);
    const before = asked.ok('Resolve-DnsName contoso.com -Type MX -Server 3 | fl');
    expect(before).toMatch(/^NameExchange : (mail\.contoso\.com|contoso-com\.mail\.protection\.outlook\.com)$/m);
    expect(before).toMatch(/^Source\s+: (resolver 3's cache|fresh from the authority \(resolver 3\))$/m);
    for (const resolver of [0, 5, 11, 19]) asked.ok(`Resolve-DnsName contoso.com -Server ${resolver}`);
    asked.ok('Wait-Time 3d');
    quiet.ok('Wait-Time 3d');
    expect(asked.ok('Resolve-DnsName contoso.com -Type MX -Server 3')).toContain('contoso-com.mail.protection.outlook.com');
    expect(asked.session.simulation.result().traceHash).toBe(quiet.session.simulation.result().traceHash);
    expect(asked.failing('Resolve-DnsName contoso.com -Server 20')).toContain('0 to 19');
  });

  test('Wait-Time moves the clock, stops at the horizon and says when a condition never came', () => {
    const { session, ok, failing } = consoleOn({ horizon: 86_400_000 });
    expect(ok('Wait-Time 2h')).toBe('Now 2025-03-03 10:00:00 UTC (T+2h)');
    expect(ok('Start-Sleep -Seconds 90')).toContain('T+2h1m30s');
    expect(ok('Wait-Time -Until T+3h')).toContain('(T+3h)');
    expect(failing('Wait-Time -Until T+1h')).toContain('in the past');
    expect(failing('Wait-Time -Until Synced')).toContain('The scenario ended');
    expect(session.now()).toBe(86_400_000);
    expect(ok('Wait-Time 1h')).toContain('WARNING: The scenario ends');
  });
});

describe('what PowerShell itself answers', () => {
  test('an unknown cmdlet, an unknown or ambiguous parameter, a missing mandatory one, a bad value', () => {
    const { failing } = consoleOn();
    expect(failing('Get-MigrationBatches')).toContain('FullyQualifiedErrorId : CommandNotFoundException');
    expect(failing('Get-MigrationBatch -Foo 1')).toContain('NamedParameterNotFound,Get-MigrationBatch');
    expect(failing('Get-MigrationUserStatistics')).toContain('MissingMandatoryParameter,Get-MigrationUserStatistics');
    expect(failing('Resolve-DnsName contoso.com -Type AAAA')).toContain('does not belong to the set "MX,TXT,CNAME"');
    expect(failing('New-MigrationEndpoint -Name x -E a')).toContain('AmbiguousParameter');
    expect(failing('Start-Sleep -Seconds soon')).toContain('System.Int32');
  });

  test('prefixes, aliases, Get-Command and Get-Help; credentials never show a password', () => {
    const { ok } = consoleOn();
    expect(ok('Get-MigrationBatch -Inc')).toBe('');
    expect(ok('gcm *MigrationBatch')).toMatch(/Cmdlet\s+New-MigrationBatch\s+ExchangeOnlineManagement/);
    expect(ok('Get-Help New-MigrationBatch')).toMatch(/SYNTAX\n {4}New-MigrationBatch -Name <string> .*\[-AutoStart\]/);
    const credential = ok('Get-Credential');
    expect(credential).toContain('CONTOSO\\migration');
    expect(credential).toContain('System.Security.SecureString');
    expect(ok('Get-History | Select-Object -Last 1 -ExpandProperty CommandLine')).toBe('Get-Credential');
  });
});
