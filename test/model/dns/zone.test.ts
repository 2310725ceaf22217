import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE, isInputError } from '../../../sim/index.js';
import { createZone } from '../../../model/dns/zone.js';

const zone = () => createZone({ mxHost: 'old.example', mxTtl: DAY, verificationTxtPublished: false, autodiscoverCnameExists: false });

describe('authoritative zone', () => {
  it('answers the MX in force at any instant from its history', () => {
    const z = zone();
    expect(z.setMxTtl(HOUR, 10 * HOUR).outcome).toBe('done');
    expect(z.switchMx('new.example', 40 * HOUR).outcome).toBe('done');
    expect(z.setMxTtl(DAY, 50 * HOUR).outcome).toBe('done');
    expect(z.mx(0)).toEqual({ host: 'old.example', ttl: DAY });
    expect(z.mx(10 * HOUR - 1)).toEqual({ host: 'old.example', ttl: DAY });
    expect(z.mx(10 * HOUR)).toEqual({ host: 'old.example', ttl: HOUR });
    expect(z.mx(40 * HOUR)).toEqual({ host: 'new.example', ttl: HOUR });
    expect(z.mx(60 * HOUR)).toEqual({ host: 'new.example', ttl: DAY });
    expect(z.mx()).toEqual({ host: 'new.example', ttl: DAY });
  });

  it('keeps a change registered out of time order exact', () => {
    const z = zone();
    z.switchMx('new.example', 40 * HOUR);
    z.setMxTtl(HOUR, 10 * HOUR);
    // The switch keeps the TTL in force at its time, which is now the lowered one.
    expect(z.mx(40 * HOUR)).toEqual({ host: 'new.example', ttl: HOUR });
    expect(z.history().map((entry) => entry.at)).toEqual([0, 10 * HOUR, 40 * HOUR]);
  });

  it('records TXT, CNAME and every change with its time', () => {
    const z = zone();
    expect(z.verificationTxtPublishedAt()).toBeUndefined();
    z.publishVerificationTxt(5 * MINUTE);
    z.createAutodiscoverCname(2 * DAY);
    expect(z.verificationTxtPublishedAt()).toBe(5 * MINUTE);
    expect(z.autodiscoverCnameCreatedAt()).toBe(2 * DAY);
    const history = z.history();
    expect(history[0]).toEqual({ at: 0, change: 'MX old.example with TTL 1d' });
    expect(history.slice(1).map((entry) => entry.change)).toEqual([
      'TXT verification record published',
      'autodiscover CNAME to autodiscover.outlook.com created',
    ]);
  });

  it('refuses, with a reason, commands that change nothing', () => {
    const z = createZone({ mxHost: 'old.example', mxTtl: DAY, verificationTxtPublished: true, autodiscoverCnameExists: true });
    expect(z.publishVerificationTxt(1)).toEqual({ outcome: 'refused', detail: 'the TXT verification record is already published' });
    expect(z.createAutodiscoverCname(1).outcome).toBe('refused');
    expect(z.switchMx('old.example', 1)).toEqual({ outcome: 'refused', detail: 'the MX already points at old.example' });
    expect(z.setMxTtl(DAY, 1).outcome).toBe('refused');
    expect(z.history()).toHaveLength(3);
  });

  it('throws InputError with stable codes on bad input', () => {
    const z = zone();
    const codeOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return isInputError(error) ? error.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => z.setMxTtl(-1, 0))).toBe('DNS_TTL_INVALID');
    expect(codeOf(() => z.setMxTtl(1.5, 0))).toBe('DNS_TTL_INVALID');
    expect(codeOf(() => z.switchMx('x', -5))).toBe('DNS_TIME_INVALID');
    expect(codeOf(() => z.switchMx('', 5))).toBe('DNS_HOST_INVALID');
  });
});
