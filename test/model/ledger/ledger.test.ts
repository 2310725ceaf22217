import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { HOUR, MINUTE, RandomStreams } from '../../../sim/index.js';
import { Ledger, LedgerInvariantError } from '../../../model/ledger/index.js';

const makeLedger = (options: { sampledPaths?: number; keepAllPaths?: boolean } = {}) =>
  new Ledger({
    lateThreshold: 4 * HOUR,
    sampledPaths: options.sampledPaths ?? 0,
    keepAllPaths: options.keepAllPaths ?? false,
    sampling: new RandomStreams(1).stream('ledger.sampling'),
  });

describe('Ledger', () => {
  it('classifies delivery by the first moment the message was readable', () => {
    const ledger = makeLedger();
    const quick = ledger.send('a@contoso.com', 'b@contoso.com', 0);
    const slow = ledger.send('a@contoso.com', 'b@contoso.com', 0);
    const readEarly = ledger.send('a@contoso.com', 'b@contoso.com', 0);
    expect(ledger.deliver(quick, 10 * MINUTE, 'delivered:cloud')).toBe('delivered');
    expect(ledger.deliver(slow, 5 * HOUR, 'delivered:cloud')).toBe('deliveredLate');
    ledger.markReadable(readEarly, MINUTE); // read on-prem, synced to the cloud a day later
    expect(ledger.deliver(readEarly, 24 * HOUR, 'delivered:cloud')).toBe('delivered');
    expect(ledger.counts()).toEqual({ sent: 3, delivered: 2, deliveredLate: 1, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 0 });
  });

  it('refuses a second fate for the same message', () => {
    const ledger = makeLedger();
    const id = ledger.send('x@fabrikam.com', 'b@contoso.com', 0);
    ledger.bounce(id, MINUTE, '550 5.1.10');
    expect(() => ledger.lose(id, HOUR, 'stranded')).toThrow(LedgerInvariantError);
    expect(ledger.counts().bounced).toBe(1);
  });

  it('resolves messages still in flight when summarising, without ending them', () => {
    const ledger = makeLedger({ keepAllPaths: true });
    const a = ledger.send('x@fabrikam.com', 'b@contoso.com', 0);
    const b = ledger.send('x@fabrikam.com', 'c@contoso.com', 0);
    ledger.markReadable(b, MINUTE);
    const summary = ledger.summarize((id) => (id === a ? { fate: 'pending', reason: 'pending-at-horizon' } : { fate: 'delivered', readableAt: MINUTE, reason: 'delivered:on-prem' }));
    expect(summary.messages).toEqual({ sent: 2, delivered: 1, deliveredLate: 0, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 1 });
    expect(summary.reasons).toEqual({ 'pending-at-horizon': 1 });
    expect(summary.causes).toEqual({ delivered: { 'delivered:on-prem': 1 }, pending: { 'pending-at-horizon': 1 } });
    expect(summary.traces.map((trace) => [trace.id, trace.fate, trace.latency])).toEqual([[a, 'pending', undefined], [b, 'delivered', MINUTE]]);
    expect(ledger.pendingCount).toBe(2);
    ledger.deliver(a, HOUR, 'delivered:cloud'); // still possible: the summary changed nothing
    expect(ledger.fate(a)).toBe('delivered');
  });

  it('keeps every path of a labelled explicit message and a bounded sample of the rest', () => {
    const ledger = makeLedger({ sampledPaths: 5 });
    const explicit = ledger.send('x@fabrikam.com', 'b@contoso.com', 0, { label: 'hand-1', keepPath: true });
    for (let index = 0; index < 500; index++) ledger.send('x@fabrikam.com', 'b@contoso.com', index);
    ledger.hop(explicit, 5, 'accepted:old-host');
    const summary = ledger.summarize(() => ({ fate: 'lost', reason: 'pending-at-horizon' }));
    expect(summary.traces).toHaveLength(6);
    expect(summary.traces[0]).toMatchObject({ id: explicit, label: 'hand-1', path: [{ at: 0, step: 'sent' }, { at: 5, step: 'accepted:old-host' }] });
    const compact = ledger.trace(400, () => ({ fate: 'lost', reason: 'pending-at-horizon' }));
    expect(compact?.path[0]).toEqual({ at: 399, step: 'sent' });
    expect(ledger.trace(10_000, () => ({ fate: 'lost', reason: 'x' }))).toBeUndefined();
  });

  it('recovers a stranded message into the cloud mailbox, readable when imported (or earlier if read on-prem)', () => {
    const ledger = makeLedger();
    const stranded = ledger.send('x@fabrikam.com', 'b@contoso.com', 0);
    const readOnPrem = ledger.send('x@fabrikam.com', 'b@contoso.com', 0);
    ledger.markReadable(readOnPrem, MINUTE);
    ledger.recover(stranded, 30 * HOUR, 'recovered:pst-export-import');
    ledger.recover(readOnPrem, 30 * HOUR, 'recovered:pst-export-import');
    expect(ledger.counts()).toMatchObject({ recovered: 2 });
    expect(ledger.readableAt(stranded)).toBe(30 * HOUR);
    expect(ledger.readableAt(readOnPrem)).toBe(MINUTE);
    expect(ledger.causesSoFar()).toEqual({ recovered: { 'recovered:pst-export-import': 2 } });
  });

  test.prop(
    [fc.array(fc.record({
      delay: fc.integer({ min: 0, max: 10 * HOUR }),
      outcome: fc.constantFrom('deliver', 'bounce', 'lose', 'recover', 'stranded', 'pending', 'read-at-horizon'),
    }), { maxLength: 200 })],
    { numRuns: 60 },
  )('conserves messages: sent = delivered + late + bounced + lost + stranded + recovered + pending, causes included', (operations) => {
    const ledger = makeLedger({ sampledPaths: 3 });
    operations.forEach((operation, index) => {
      const id = ledger.send('a@contoso.com', 'b@contoso.com', index);
      if (operation.outcome === 'deliver') ledger.deliver(id, index + operation.delay, 'delivered:cloud');
      if (operation.outcome === 'bounce') ledger.bounce(id, index + operation.delay, 'bounce');
      if (operation.outcome === 'lose') ledger.lose(id, index + operation.delay, 'lost');
      if (operation.outcome === 'recover') ledger.recover(id, index + operation.delay, 'recovered');
    });
    const { messages, reasons, causes } = ledger.summarize((id) => {
      const outcome = operations[id]!.outcome;
      if (outcome === 'stranded') return { fate: 'stranded', reason: 'stranded' };
      if (outcome === 'read-at-horizon') return { fate: 'delivered', readableAt: id + operations[id]!.delay, reason: 'delivered:on-prem' };
      return { fate: 'pending', reason: 'pending-at-horizon' };
    });
    const { sent, delivered, deliveredLate, bounced, lost, stranded, recovered, pending } = messages;
    expect(sent).toBe(operations.length);
    expect(delivered + deliveredLate + bounced + lost + stranded + recovered + pending).toBe(operations.length);
    expect(bounced).toBe(operations.filter((operation) => operation.outcome === 'bounce').length);
    expect(stranded).toBe(operations.filter((operation) => operation.outcome === 'stranded').length);
    expect(recovered).toBe(operations.filter((operation) => operation.outcome === 'recover').length);
    expect(Object.values(reasons).reduce((sum, count) => sum + count, 0)).toBe(bounced + lost + stranded + pending);
    const byCause = Object.values(causes).flatMap((counts) => Object.values(counts ?? {})).reduce((sum, count) => sum + count, 0);
    expect(byCause).toBe(sent);
  });
});
