import { describe, expect, test } from 'vitest';
import { HOUR, MINUTE } from '../../sim/index.js';
import { eventTimeline } from '../../report/event-timeline.js';
import { fixtureResult } from '../fixtures/simulation-result.js';

describe('eventTimeline', () => {
  const events = eventTimeline(fixtureResult());

  test('lists actions, batch statuses, users and timed findings in time order, the action first at equal times', () => {
    expect(events.map((event) => [event.at, event.kind, event.what])).toEqual([
      [10 * MINUTE, 'admin', 'createBatch done'],
      [10 * MINUTE, 'batch', 'Batch Created'],
      [15 * MINUTE, 'batch', 'Batch Syncing'],
      [19 * HOUR, 'users', '1 mailbox Synced'],
      [20 * HOUR, 'batch', 'Batch Synced'],
      [20 * HOUR, 'users', '1 mailbox Failed'],
      [24 * HOUR, 'dns', 'switchMx done'],
      [30 * HOUR, 'admin', 'removeBatch done'],
      [30 * HOUR, 'batch', 'Batch Removing'],
      [30 * HOUR, 'finding', 'Finding: schedule.batch-removed-too-early'],
      [30 * HOUR + 5 * MINUTE, 'batch', 'Batch Deleted'],
      [31 * HOUR, 'admin', 'completeBatch refused'],
    ]);
  });

  test('marks refused commands and failed users as bad, with the reason in the detail', () => {
    const refused = events.find((event) => event.what === 'completeBatch refused')!;
    expect(refused.bad).toBe(true);
    expect(refused.detail).toBe('Complete is not a cutover command');
    expect(events.find((event) => event.what === '1 mailbox Failed')!.detail).toBe('bob@contoso.com: hidden from address lists');
    expect(events.filter((event) => event.bad).length).toBe(2);
  });

  test('groups users that reach a status in the same minute into one entry, naming a few', () => {
    const base = fixtureResult();
    const template = base.mailboxes.outcomes[0]!;
    const outcomes = Array.from({ length: 8 }, (_, index) => ({ ...template, address: `u${index}@contoso.com`, initialSyncDoneAt: 5 * HOUR + (index < 7 ? index * 1000 : HOUR) }));
    const grouped = eventTimeline(fixtureResult({ mailboxes: { ...base.mailboxes, outcomes } })).filter((event) => event.kind === 'users');
    expect(grouped.map((event) => [event.at, event.what])).toEqual([[5 * HOUR, '7 mailboxes Synced'], [6 * HOUR, '1 mailbox Synced']]);
    expect(grouped[0]!.detail).toBe('u0@contoso.com, u1@contoso.com, u2@contoso.com, u3@contoso.com, u4@contoso.com and 2 more');
  });

  test('DNS commands are DNS changes; findings without a time are left out', () => {
    const result = fixtureResult({ actions: [{ action: 'setMxTtl', at: HOUR, outcome: 'done', detail: 'TTL 5 minutes' }, { action: 'createAutodiscoverCname', at: 2 * HOUR, outcome: 'done', detail: 'CNAME published' }] });
    const dns = eventTimeline(result).filter((event) => event.kind === 'dns');
    expect(dns.map((event) => event.what)).toEqual(['setMxTtl done', 'createAutodiscoverCname done']);
    expect(eventTimeline(result).some((event) => event.what.includes('preflight.hidden-mailboxes'))).toBe(false);
  });
});
