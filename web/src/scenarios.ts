/**
 * The built-in scenarios (scenarios/NAME.yaml), bundled as text by Vite and parsed in the page
 * with the same parser as the CLI (scenarios/parse.ts, which needs no file system).
 */
const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function builtinScenarios(): Record<string, string> {
  const byName: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const name = /([^/]+)\.yaml$/.exec(path)?.[1];
    if (name !== undefined) byName[name] = text;
  }
  return byName;
}
