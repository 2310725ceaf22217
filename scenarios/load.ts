import { readFileSync } from 'node:fs';
import { InputError } from '../sim/index.js';
import { builtinScenarioFile, builtinScenarioNames } from './builtin.js';
import { parseScenario, type LoadedScenario } from './parse.js';

/**
 * Loads a scenario from a file, or a built-in one by bare name ("textbook" means
 * scenarios/textbook.yaml). A file that cannot be read is an InputError, like bad content.
 */
export function loadScenario(fileOrBuiltinName: string): LoadedScenario {
  const file = builtinScenarioFile(fileOrBuiltinName) ?? fileOrBuiltinName;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    const isBareName = !/[\\/.]/.test(fileOrBuiltinName);
    const hint = isBareName ? `; built-in scenarios: ${builtinScenarioNames().join(', ')}` : '';
    throw new InputError('SCENARIO_FILE_UNREADABLE', `cannot read the scenario "${fileOrBuiltinName}": ${reason}${hint}`, { file });
  }
  return parseScenario(text.replace(/^\uFEFF/, ''), file);
}
