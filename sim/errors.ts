/**
 * Errors for bad input (a scenario, a CSV file, a command-line flag, a duration string).
 * Domain outcomes (a message lost, a mailbox disabled) are data in a result, never errors.
 * Each error carries a stable `code` so tools and tests can match on it, and as much of
 * the location (file, line, column, path) as is known.
 */
export interface InputErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path to the field inside the input, for example `plan[3].at`. */
  path?: string;
}

export class InputError extends Error {
  readonly code: string;
  readonly location: InputErrorLocation;
  readonly expected: string | undefined;

  constructor(code: string, message: string, location: InputErrorLocation = {}, expected?: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    this.location = location;
    this.expected = expected;
  }

  /** One line for a person: `file:line:column: path: message [code]`. */
  describe(): string {
    const { file, line, column, path } = this.location;
    let where = file ?? '';
    if (line !== undefined) where += `${where ? ':' : 'line '}${line}${column !== undefined ? `:${column}` : ''}`;
    const parts = [where, path].filter((part) => part !== undefined && part !== '');
    return `${parts.length ? parts.join(': ') + ': ' : ''}${this.message} [${this.code}]`;
  }
}

export const isInputError = (value: unknown): value is InputError => value instanceof InputError;
