import { describe, expect, it } from 'vitest';
import { main, memoryIo } from '../../../cli/index.js';

describe('cutover serve', () => {
  it('refuses a bad port with one line and exit 2', async () => {
    const io = memoryIo();
    expect(await main(['serve', '--port', '70000'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^cutover: error: .*port number.*\[CLI_BAD_FLAG\]\n$/);
  });
  // Serving itself is tested through serveDashboard (test/web/serve.test.ts), which can close the server.
});
