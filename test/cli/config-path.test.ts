import { describe, expect, test } from 'vitest';
import { setNumberAtPath } from '../../cli/index.js';

const config = () => ({
  dns: { initialMxTtl: 86_400_000, oldMxHost: 'mail.contoso.com' },
  plan: [
    { action: 'createBatch', timing: { at: 3_600_000 } },
    { action: 'removeBatch', timing: { after: 'mxSwitched', delay: 0 } },
  ],
  organisation: { recipients: [{ address: 'ann@contoso.com', sizeBytes: 10 }] },
});

describe('setNumberAtPath', () => {
  test('sets dotted keys, indexes and named elements', () => {
    const target = config();
    setNumberAtPath(target, 'dns.initialMxTtl', 5);
    setNumberAtPath(target, 'plan[0].timing.at', 6);
    setNumberAtPath(target, 'plan[removeBatch].timing.delay', 7);
    setNumberAtPath(target, 'organisation.recipients[ann@contoso.com].sizeBytes', 8);
    expect(target.dns.initialMxTtl).toBe(5);
    expect(target.plan[0]!.timing).toEqual({ at: 6 });
    expect(target.plan[1]!.timing).toEqual({ after: 'mxSwitched', delay: 7 });
    expect(target.organisation.recipients[0]!.sizeBytes).toBe(8);
  });

  test.each([
    ['dns.initialMxTTL', /has no "initialMxTTL"; it has initialMxTtl, oldMxHost/],
    ['dns.oldMxHost', /is not a number/],
    ['plan[5].timing.at', /has 2 elements/],
    ['plan[switchMx].timing.at', /no element whose action, address or name is "switchMx"/],
    ['plan[removeBatch].timing.at', /has no "at"; it has after, delay/],
    ['dns..initialMxTtl', /a key is missing/],
    ['dns.', /ends with "."/],
    ['plan.0', /unexpected/],
    ['', /empty/],
  ])('refuses %s clearly', (path, message) => {
    const target = config();
    expect(() => setNumberAtPath(target, path, 1)).toThrow(message);
    expect(target).toEqual(config());
  });
});
