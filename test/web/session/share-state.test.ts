import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { decodeShareState, encodeShareState, fromBase64Url, toBase64Url, type ShareState } from '../../../web/src/session/share-state.js';
import { isInputError } from '../../../sim/index.js';

const command = fc.record({
  action: fc.constantFrom('createBatch', 'startBatch', 'setMxTtl', 'switchMx', 'assignLicenses', 'removeBatch' as const),
  ttl: fc.option(fc.nat(), { nil: undefined }),
  users: fc.option(fc.array(fc.emailAddress(), { maxLength: 3 }), { nil: undefined }),
}).map((raw) => Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)) as unknown as ShareState['actions'][number]['action']);

const state: fc.Arbitrary<ShareState> = fc.record({
  scenario: fc.oneof(
    fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }) }),
    fc.record({ fileName: fc.string({ maxLength: 20 }), text: fc.string({ maxLength: 400 }) }),
  ),
  seed: fc.nat(),
  runPlan: fc.boolean(),
  actions: fc.array(fc.record({ at: fc.nat(), action: command }), { maxLength: 6 }),
  at: fc.nat(),
});

describe('share state codec', () => {
  test.prop([state], { numRuns: 40 })('a state survives encoding, and the fragment is URL-safe', async (original) => {
    const fragment = await encodeShareState(original);
    expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]*$/);
    expect(await decodeShareState(fragment)).toEqual(original);
  });

  test.prop([fc.uint8Array({ maxLength: 200 })], { numRuns: 50 })('base64url round-trips bytes', (bytes) => {
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  test('a scenario text compresses well below its own size', async () => {
    const text = 'organisation:\n  domain: contoso.com\n'.repeat(200);
    const fragment = await encodeShareState({ scenario: { fileName: 'x.yaml', text }, seed: 1, runPlan: false, actions: [], at: 0 });
    expect(fragment.length).toBeLessThan(text.length / 10);
  });

  test.each(['', 'v2.abc', 'v1.@@@', 'v1.AAAA'])('a broken link %j is an InputError with a stable code', async (fragment) => {
    const error = await decodeShareState(fragment).catch((caught: unknown) => caught);
    expect(isInputError(error) && error.code).toBe('SHARE_STATE_INVALID');
  });

  test('a well-packed link with an unknown command is refused, not half-loaded', async () => {
    const good = await encodeShareState({ scenario: { name: 'textbook' }, seed: 1, runPlan: false, actions: [{ at: 0, action: { action: 'switchMx' } }], at: 5 });
    const json = JSON.stringify({ v: 1, scenario: { name: 'textbook' }, seed: 1, runPlan: false, actions: [{ at: 0, action: { action: 'formatDisk' } }], at: 5 });
    const packed = new Uint8Array(await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    expect((await decodeShareState(good)).actions).toHaveLength(1);
    const error = await decodeShareState(`v1.${toBase64Url(packed)}`).catch((caught: unknown) => caught);
    expect(isInputError(error) && error.message).toMatch(/actions\.0\.action\.action/);
  });
});
