import { describe, expect, it } from 'vitest';
import { CAUSES, causeOf, causeText, MESSAGE_CAUSES } from '../../../model/ledger/index.js';
import { bounceReason, REASONS } from '../../../model/mailflow/index.js';
import { EXO_REASONS } from '../../../model/tenant/index.js';
import { ONPREM_REASONS } from '../../../model/onprem/index.js';
import { EXPIRED_CODE } from '../../../model/senders/index.js';
import type { MessageFate } from '../../../model/result.js';

/**
 * The one cause table (issue 15 point 7): every key the model can give a message has plain
 * words, and every cause of a fate other than on-time delivery has a fix.
 */

/** The keys a bounce can end with: the destinations' permanent verdicts, the senders' expiry, and `ndr-<code>` for anything else. */
const PERMANENT_DESTINATION_KEYS = [...Object.values(EXO_REASONS), ONPREM_REASONS.recipientUnknown];
const KNOWN = new Set<string>(PERMANENT_DESTINATION_KEYS);
const BOUNCE_KEYS = [
  ...PERMANENT_DESTINATION_KEYS.map((key) => bounceReason('550 5.1.10', key, KNOWN, EXPIRED_CODE)),
  bounceReason(EXPIRED_CODE, 'expired: not delivered within the queue lifetime', KNOWN, EXPIRED_CODE),
  bounceReason('550 5.7.1', 'relay denied', KNOWN, EXPIRED_CODE),
];
const EVERY_KEY = [...new Set([...Object.values(REASONS), ...BOUNCE_KEYS])];

describe('the cause table', () => {
  it.each(EVERY_KEY)('names %s in plain words', (key) => {
    const cause = causeOf(key);
    expect(cause, key).toBeDefined();
    expect(cause!.words.length).toBeGreaterThan(20);
  });

  it('gives a fix for every cause of a fate other than on-time delivery, and for late delivery', () => {
    for (const key of EVERY_KEY) {
      const cause = causeOf(key)!;
      if (cause.fate === 'delivered') expect(cause.late?.fix, key).toBeTruthy();
      else expect(cause.fix, key).toBeTruthy();
    }
  });

  it('lists the destinations bounce keys by the same values the model uses', () => {
    for (const key of PERMANENT_DESTINATION_KEYS) expect(MESSAGE_CAUSES.some((cause) => cause.key === key), key).toBe(true);
    expect(MESSAGE_CAUSES.some((cause) => cause.key === REASONS.queueExpired)).toBe(true);
    expect(new Set(MESSAGE_CAUSES.map((cause) => cause.key)).size).toBe(MESSAGE_CAUSES.length);
  });

  it('words an unlisted NDR by its status code, and knows nothing of other keys', () => {
    expect(causeOf('ndr-550-5.7.1')?.words).toMatch(/550 5\.7\.1/);
    expect(causeOf('ndr-')).toBeUndefined();
    expect(causeOf('no-such-cause')).toBeUndefined();
  });

  it('says why a delivery was late, not only where it went', () => {
    const late = (key: string) => causeText('deliveredLate' as MessageFate, key)!;
    expect(late(CAUSES.deliveredCloud.key).words).toMatch(/stale MX[\s\S]*sync pass/);
    expect(late(CAUSES.readOnNewProfile.key).words).toMatch(/Outlook profile/);
    expect(causeText('delivered', CAUSES.deliveredCloud.key)!.words).toBe(CAUSES.deliveredCloud.words);
  });
});
