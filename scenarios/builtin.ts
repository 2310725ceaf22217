import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built-in scenarios are the YAML files beside this module: scenarios/NAME.yaml. */
export const BUILTIN_DIRECTORY = dirname(fileURLToPath(import.meta.url));

const BUILTIN_NAME = /^[a-z0-9][a-z0-9-]*$/;

export function builtinScenarioNames(): string[] {
  return readdirSync(BUILTIN_DIRECTORY)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/** The file of a built-in scenario, when `name` is a bare name such as "textbook". */
export function builtinScenarioFile(name: string): string | undefined {
  if (!BUILTIN_NAME.test(name)) return undefined;
  return builtinScenarioNames().includes(name) ? join(BUILTIN_DIRECTORY, `${name}.yaml`) : undefined;
}
