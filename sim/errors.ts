import { safeText, visibleText } from './safe-text.js';

/** Longest file name or path echoed in an error line. */
const MAX_LOCATION_ECHO = 200;

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

  /**
   * One line for a person: `file:line:column: path: message [code]`. The file name and path
   * come from the user and are cut; every part has control and bidi characters made visible
   * (messages cut the user values they quote themselves), so the line is one line.
   */
  describe(): string {
    const { line, column } = this.location;
    const file = this.location.file === undefined ? undefined : safeText(this.location.file, MAX_LOCATION_ECHO);
    const path = this.location.path === undefined ? undefined : safeText(this.location.path, MAX_LOCATION_ECHO);
    let where = file ?? '';
    if (line !== undefined) where += `${where ? ':' : 'line '}${line}${column !== undefined ? `:${column}` : ''}`;
    const parts = [where, path].filter((part) => part !== undefined && part !== '');
    return `${parts.length ? parts.join(': ') + ': ' : ''}${visibleText(this.message)} [${visibleText(this.code)}]`;
  }
}

export const isInputError = (value: unknown): value is InputError => value instanceof InputError;
