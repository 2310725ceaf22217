import { LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, isInputError, safeText } from '../sim/index.js';
import type { SimulationConfig } from '../model/config.js';
import { firstDuplicateKey } from './duplicate-keys.js';
import { INPUT_LIMITS, tooLarge } from './input-size.js';
import { byPosition, issueToErrors } from './issues.js';
import { formatPath, locate } from './locate.js';
import { resolveScenario, type ResolveFailure } from './resolve.js';
import { scenarioSchema } from './schema.js';

/** A scenario file, validated and resolved. */
export interface LoadedScenario {
  config: SimulationConfig;
  /** The file's `description`, when it has one. */
  description?: string;
  source: { file: string; text: string };
}

/** A parser's message can quote the input; it is cut like any echoed text. */
const MAX_REASON = 200;

const baseName = (file: string): string => (file.split(/[\\/]/).pop() ?? file).replace(/\.(ya?ml|json)$/i, '') || 'scenario';

/**
 * Every problem in a scenario text, first (by position) first. An empty list means the
 * text is a valid scenario. YAML syntax errors stop the check (nothing after them can be trusted).
 */
export function scenarioProblems(text: string, fileName: string): InputError[] {
  const outcome = validate(text, fileName);
  return 'problems' in outcome ? outcome.problems : [];
}

/** Parses and resolves a scenario (YAML or JSON). Bad input throws the first InputError, with a count of the rest. */
export function parseScenario(text: string, fileName: string): LoadedScenario {
  const outcome = validate(text, fileName);
  if ('problems' in outcome) {
    const [first, ...rest] = outcome.problems;
    if (!first) throw new InputError('SCENARIO_INVALID_VALUE', 'the scenario is not valid', { file: fileName });
    if (rest.length === 0) throw first;
    throw new InputError(first.code, `${first.message} (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`, first.location, first.expected);
  }
  return outcome.loaded;
}

function validate(text: string, file: string): { loaded: LoadedScenario } | { problems: InputError[] } {
  if (typeof text !== 'string') return { problems: [new InputError('SCENARIO_EMPTY', 'expected the text of a scenario file', { file })] };
  // Text handed in directly (the library, the dashboard) is held to the file limit too; UTF-16 length ≤ bytes.
  if (text.length > INPUT_LIMITS.scenarioBytes) return { problems: [tooLarge('SCENARIO_TOO_LARGE', 'scenario text', file, INPUT_LIMITS.scenarioBytes)] };
  const lines = new LineCounter();
  let document: Document;
  let data: unknown;
  try {
    // logLevel 'error': the library's warnings (a complex key) would reach stderr through process.emitWarning;
    // such a key is reported as an unknown key instead.
    document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    const syntax = document.errors[0];
    if (syntax) {
      const position = lines.linePos(syntax.pos[0]);
      const line = position.line;
      const column = position.col;
      const reason = safeText(syntax.message.split('\n')[0] ?? syntax.message, MAX_REASON);
      return { problems: [new InputError('SCENARIO_YAML_SYNTAX', `not valid YAML or JSON: ${reason}`, { file, line, column }, 'YAML or JSON text')] };
    }
    const duplicate = firstDuplicateKey(document);
    if (duplicate) {
      const { line, col } = lines.linePos(duplicate.offset);
      return { problems: [new InputError('SCENARIO_YAML_SYNTAX', `not valid YAML or JSON: the key "${safeText(duplicate.key)}" appears twice in one mapping`, { file, line, column: col }, 'each key once')] };
    }
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = safeText(error instanceof Error ? error.message : String(error), MAX_REASON);
    return { problems: [new InputError('SCENARIO_YAML_SYNTAX', `not valid YAML or JSON: ${reason}`, { file, line: 1, column: 1 }, 'YAML or JSON text')] };
  }
  if (data === null || data === undefined) {
    return { problems: [new InputError('SCENARIO_EMPTY', 'the scenario file is empty; expected at least `organisation: { domain: ... }`', { file, line: 1, column: 1 })] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [new InputError('SCENARIO_INVALID_VALUE', 'expected a mapping of keys such as organisation, plan, dns', { file, line: 1, column: 1 }, 'a mapping')] };
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => issueToErrors(issue, document, lines, file, data)).sort(byPosition);
    return { problems };
  }
  const fail: ResolveFailure = (path, message) => {
    const position = locate(document, lines, path);
    throw new InputError('SCENARIO_INVALID_VALUE', message, { file, line: position.line, column: position.column, path: formatPath(path) }, message);
  };
  try {
    const config = resolveScenario(parsed.data, baseName(file), fail);
    const loaded: LoadedScenario = { config, source: { file, text } };
    if (parsed.data.description !== undefined) loaded.description = parsed.data.description;
    return { loaded };
  } catch (error) {
    if (isInputError(error)) return { problems: [error.location.file ? error : new InputError(error.code, error.message, { ...error.location, file }, error.expected)] };
    throw error;
  }
}
