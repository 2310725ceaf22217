import { describe, expect, test } from 'vitest';
import { main, memoryIo } from '../../../cli/index.js';

/** A small sweep on real worker threads with the real simulation: same table as in the main thread. */
describe('cutover sweep on worker threads', () => {
  test('workers and the main thread agree', async () => {
    const argv = ['sweep', 'test/cli/fixtures/hostile.yaml', '--vary', 'dns.initialMxTtl=1h..25h:24h', '--seeds', '2'];
    const threaded = memoryIo();
    const threadedCode = await main([...argv, '--workers', '2'], threaded);
    const inline = memoryIo();
    const inlineCode = await main([...argv, '--workers', '0'], inline);
    expect(threaded.err.join('')).toBe('');
    expect(threadedCode).toBe(inlineCode);
    expect(threaded.out.join('')).toBe(inline.out.join(''));
    expect(threaded.out.join('').trimEnd().split('\n')).toHaveLength(4);
  }, 60_000);
});
