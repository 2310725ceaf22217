import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The chart.js UMD bundle as text, to inline in the report so it opens offline (no CDN).
 * chart.js does not export the UMD file as a subpath, so it is found beside the package's
 * main entry. A `</script` inside it would end the script block early, so it is broken up.
 */
export function chartJsSource(): string {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const main = require.resolve('chart.js');
    const text = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
    cached = text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
  }
  return cached;
}
