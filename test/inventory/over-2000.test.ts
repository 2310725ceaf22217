import { describe, expect, it } from 'vitest';
import { importInventory } from '../../scenarios/index.js';
import { InputError } from '../../sim/index.js';

/**
 * The 2,000-mailbox limit of one cutover batch (CUT): without split the import refuses, with
 * split it warns `over-2000`; both count imported mailboxes, not rows (issue 15 point 3).
 */
const HEADER = 'DisplayName,PrimarySmtpAddress,TotalItemSize,ItemCount,RecipientTypeDetails,HiddenFromAddressListsEnabled';
const user = (index: number) => `User ${index},user${index}@contoso.com,1 GB,100,UserMailbox,False`;
const system = (index: number) => `Discovery ${index},DiscoverySearchMailbox{${index}}@contoso.com,10 KB,0,DiscoveryMailbox,True`;
const csv = (lines: string[]) => `${[HEADER, ...lines].join('\r\n')}\r\n`;
const users = (count: number) => Array.from({ length: count }, (_, index) => user(index));

describe('over 2,000 mailboxes', () => {
  it('2,000 mailboxes plus system mailboxes import as one plan, with no over-2000 warning', () => {
    const result = importInventory(csv([...users(2000), system(1), system(2)]), { fileName: 'i.csv' });
    expect(result.warnings.map((warning) => warning.code)).not.toContain('over-2000');
    expect(result.scenario.loaded.config.organisation.recipients.length).toBe(2000);
  });

  it('2,001 mailboxes are refused without split, and warned about with it', () => {
    expect(() => importInventory(csv(users(2001)), { fileName: 'i.csv' })).toThrow(InputError);
    const split = importInventory(csv(users(2001)), { fileName: 'i.csv', split: true });
    const warning = split.warnings.find((entry) => entry.code === 'over-2000');
    expect(warning?.message).toMatch(/^2001 mailboxes, more than the 2000 one cutover batch takes: split into 2 plans/);
    expect(split.parts).toHaveLength(2);
  });
});
