import { InputError, isInputError } from '../sim/index.js';
import { builtinScenarioFile, builtinScenarioNames } from './builtin.js';
import { INPUT_LIMITS, tooLarge, unreadableReason } from './input-size.js';
import { readLimitedText } from './read-limited-text.js';
import { parseScenario, type LoadedScenario } from './parse.js';

/**
 * Loads a scenario from a file, or a built-in one by bare name ("textbook" means
 * scenarios/textbook.yaml). A file that cannot be read is an InputError, like bad content;
 * so is one over INPUT_LIMITS.scenarioBytes, refused before it is read.
 */
export function loadScenario(fileOrBuiltinName: string): LoadedScenario {
  const file = builtinScenarioFile(fileOrBuiltinName) ?? fileOrBuiltinName;
  let text: string;
  try {
    text = readLimitedText(file, INPUT_LIMITS.scenarioBytes, (size) => tooLarge('SCENARIO_TOO_LARGE', 'scenario file', file, INPUT_LIMITS.scenarioBytes, size));
  } catch (error) {
    if (isInputError(error)) throw error;
    const isBareName = !/[\\/.]/.test(fileOrBuiltinName);
    const hint = isBareName ? `; built-in scenarios: ${builtinScenarioNames().join(', ')}` : '';
    throw new InputError('SCENARIO_FILE_UNREADABLE', `cannot read the scenario: ${unreadableReason(error)}${hint}`, { file });
  }
  return parseScenario(text, file);
}
