import { describe, expect, test } from 'vitest';
import { serveDashboard } from '../../cli/serve.js';

describe('cutover serve (cli/serve.ts)', () => {
  test('serves the dashboard on 127.0.0.1, prints the address, and closes', async () => {
    const printed: string[] = [];
    const served = await serveDashboard({ port: 0, print: (line) => printed.push(line) });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(printed).toEqual([`cutover dashboard: ${served.url} (Ctrl+C to stop)`]);
      const page = await fetch(served.url).then((response) => response.text());
      expect(page).toContain('Cutover twin — trainer dashboard');
      const entry = await fetch(new URL('src/main.ts', served.url));
      expect(entry.status).toBe(200);
    } finally {
      await served.close();
    }
    await expect(fetch(served.url)).rejects.toThrow();
  });
});
