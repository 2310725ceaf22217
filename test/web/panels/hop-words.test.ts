import { describe, expect, test } from 'vitest';
import { hopWords } from '../../../web/src/panels/hop-words.js';
import { mxLookupWords } from '../../../model/senders/index.js';

describe('hopWords', () => {
  test('says what each step means instead of its code', () => {
    expect(hopWords({ at: 0, step: 'submitted:on-prem' })).toBe('sent from Outlook through the on-premises Exchange server');
    expect(hopWords({ at: 0, step: 'accepted:new-host', detail: 'contoso-com.mail.protection.outlook.com' }))
      .toBe('accepted by Exchange Online: contoso-com.mail.protection.outlook.com');
    expect(hopWords({ at: 0, step: 'sent' })).toBe('sent by its author');
  });

  test('a delivery hop (a cause key) reads as its cause', () => {
    expect(hopWords({ at: 0, step: 'delivered:cloud' })).toBe('delivered to the cloud mailbox its user reads');
  });

  test('an unknown code is shown as it is, never hidden', () => {
    expect(hopWords({ at: 0, step: 'teleported', detail: 'somewhere' })).toBe('teleported: somewhere');
  });

  test('an MX look-up names the resolver, the answer and whether it came from the cache with the TTL left', () => {
    const cached = mxLookupWords({ resolver: 3, at: 1000, host: 'mail.contoso.com', before: { host: 'mail.contoso.com', cached: true, expiresAt: 1000 + 42 * 60_000 } });
    expect(cached).toBe('resolver 3 → mail.contoso.com (cached answer, TTL left 42m)');
    const fetched = mxLookupWords({ resolver: 0, at: 0, host: 'contoso-com.mail.protection.outlook.com', before: { host: 'mail.contoso.com', cached: true, expiresAt: 5 } });
    expect(fetched).toBe("resolver 0 → contoso-com.mail.protection.outlook.com (asked the domain's name servers)");
    expect(hopWords({ at: 0, step: 'mx-lookup', detail: cached })).toBe(`the sending server looked up the MX record: ${cached}`);
    expect(mxLookupWords({ resolver: 1, at: 0, host: undefined, before: { host: undefined, cached: false, expiresAt: 0 } })).toContain('no answer');
  });
});
