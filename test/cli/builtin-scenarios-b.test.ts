import { describe, expect, test } from 'vitest';
import { builtinShard, runJson } from './fixtures/builtin-checks.js';

describe('cutover run on the built-in scenarios (second half)', () => {
  builtinShard(1);

  test('textbook loses nothing and exits 0; early-batch-delete strands mail and exits 1', async () => {
    const textbook = await runJson(['run', 'textbook', '--json']);
    expect(textbook.json.messages).toMatchObject({ lost: 0, bounced: 0, stranded: 0, pending: 0 });
    expect(textbook.code).toBe(0);
    const early = await runJson(['run', 'early-batch-delete', '--json']);
    expect(early.json.messages.stranded).toBeGreaterThan(0);
    expect(early.json.causes.stranded['stranded:external-via-old-mx']).toBe(early.json.messages.stranded);
    expect(early.code).toBe(1);
  }, 30_000);
});
