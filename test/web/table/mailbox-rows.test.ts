import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DEFAULT_QUERY, queryRows, statusesOf, visibleWindow, type MailboxRow } from '../../../web/src/table/mailbox-rows.js';

const row = fc.record({
  address: fc.emailAddress(),
  displayName: fc.string({ maxLength: 10 }),
  status: fc.constantFrom('Queued', 'Syncing', 'Synced', 'Failed'),
  itemsSynced: fc.nat(),
  skipped: fc.nat(),
  bytesSynced: fc.nat(),
  lastSyncAt: fc.option(fc.nat(), { nil: undefined }),
  error: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  license: fc.constantFrom('none', 'licensed'),
  outlook: fc.constantFrom('on-prem', 'cloud'),
}) as fc.Arbitrary<MailboxRow>;

describe('mailbox rows', () => {
  test.prop([fc.array(row, { maxLength: 40 }), fc.constantFrom('itemsSynced', 'skipped', 'bytesSynced', 'lastSyncAt' as const), fc.boolean()], { numRuns: 80 })(
    'sorting keeps every row and orders the column (never-synced last when ascending)',
    (rows, sortBy, descending) => {
      const sorted = queryRows(rows, { ...DEFAULT_QUERY, sortBy, descending });
      expect(sorted).toHaveLength(rows.length);
      const values = sorted.map((entry) => entry[sortBy]).filter((value): value is number => value !== undefined);
      for (let index = 1; index < values.length; index++) {
        expect(descending ? values[index - 1]! >= values[index]! : values[index - 1]! <= values[index]!).toBe(true);
      }
      if (!descending) {
        const firstMissing = sorted.findIndex((entry) => entry[sortBy] === undefined);
        if (firstMissing >= 0) expect(sorted.slice(firstMissing).every((entry) => entry[sortBy] === undefined)).toBe(true);
      }
    },
  );

  test('the filter matches address, name, status and error, case-insensitively; the status filter is exact', () => {
    const rows: MailboxRow[] = [
      { address: 'ann@contoso.com', displayName: 'Ann', status: 'Synced', itemsSynced: 1, skipped: 0, bytesSynced: 1, license: 'none', outlook: 'cloud' },
      { address: 'bob@contoso.com', displayName: 'Bob', status: 'Failed', itemsSynced: 0, skipped: 0, bytesSynced: 0, error: 'Hidden from address lists', license: 'none', outlook: 'on-prem' },
    ];
    expect(queryRows(rows, { ...DEFAULT_QUERY, filter: 'HIDDEN' }).map((r) => r.address)).toEqual(['bob@contoso.com']);
    expect(queryRows(rows, { ...DEFAULT_QUERY, filter: 'ann' }).map((r) => r.address)).toEqual(['ann@contoso.com']);
    expect(queryRows(rows, { ...DEFAULT_QUERY, status: 'Synced' })).toHaveLength(1);
    expect(statusesOf(rows)).toEqual(['Failed', 'Synced']);
  });

  test.prop([fc.nat({ max: 2000 }), fc.nat({ max: 100_000 }), fc.integer({ min: 0, max: 2000 })], { numRuns: 200 })(
    'the window covers every row in the viewport and stays small',
    (count, scrollTop, height) => {
      const { first, last } = visibleWindow(count, scrollTop, height, 32);
      const firstVisible = Math.floor(scrollTop / 32);
      const lastVisible = Math.min(count - 1, Math.floor((scrollTop + height) / 32));
      if (count > 0 && firstVisible < count) {
        expect(first).toBeLessThanOrEqual(firstVisible);
        expect(last).toBeGreaterThanOrEqual(lastVisible);
      }
      expect(first).toBeGreaterThanOrEqual(0);
      expect(last).toBeLessThan(Math.max(count, 1));
      expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(height / 32) + 12);
    },
  );
});
