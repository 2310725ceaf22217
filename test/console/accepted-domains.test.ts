import { describe, expect, test } from 'vitest';
import { consoleOn, TO_STARTED_BATCH } from './helpers.js';

const fabrikam = { name: 'fabrikam.com', initialMxTtl: 3_600_000, verificationTxtPublished: false, autodiscoverCnameExists: false };

describe('a second accepted domain at the console', () => {
  test('its own TXT record, verification, MX and autodiscover record; Get-AcceptedDomain lists it once verified', () => {
    const { ok, failing } = consoleOn({ organisation: { additionalDomains: [fabrikam] } });
    ok(...TO_STARTED_BATCH);
    expect(ok('Get-AcceptedDomain')).not.toContain('fabrikam.com');
    // The primary's TXT record does not verify it.
    expect(failing('Confirm-MgDomain fabrikam.com')).toContain('TXT record not found');
    ok('Add-DnsServerResourceRecord -ZoneName fabrikam.com -Txt -Name @ -DescriptiveText MS=ms2', 'Wait-Time 20m', 'Confirm-MgDomain fabrikam.com');
    expect(ok('Get-AcceptedDomain')).toMatch(/fabrikam\.com\s+fabrikam\.com\s+Authoritative False/);
    expect(ok('Resolve-DnsName fabrikam.com -Type TXT')).toContain('MS=ms');
    ok('Wait-Time -Until Synced', 'Set-TwinMxRecord -ZoneName fabrikam.com -MailExchange contoso-com.mail.protection.outlook.com');
    expect(ok('Resolve-DnsName fabrikam.com -Type MX | fl')).toMatch(/^NameExchange : contoso-com\.mail\.protection\.outlook\.com$/m);
    // contoso.com's MX is untouched.
    expect(ok('Resolve-DnsName contoso.com -Type MX | fl')).toMatch(/^NameExchange : mail\.contoso\.com$/m);
    expect(failing('Resolve-DnsName autodiscover.fabrikam.com -Type CNAME')).toContain('does not exist');
    ok('Add-DnsServerResourceRecord -ZoneName fabrikam.com -CName -Name autodiscover -HostNameAlias autodiscover.outlook.com');
    expect(ok('Resolve-DnsName autodiscover.fabrikam.com -Type CNAME')).toContain('autodiscover.outlook.com');
    expect(failing('Set-TwinMxRecord -ZoneName northwind.com -TimeToLive 01:00:00')).toContain('contoso.com, fabrikam.com');
  });
});
