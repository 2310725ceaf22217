import { fail, parseError } from './errors.js';

/**
 * A console line as PowerShell reads it, reduced to what a migration session uses:
 * `[$var =] Cmdlet -Param value -Switch 'quoted' a,b | Next-Cmdlet ...`, several statements
 * separated by `;`, comments from `#`. Binding a token to a parameter needs the cmdlet's
 * parameter list, so the parser keeps arguments as tokens and binding happens later.
 */
export type Argument =
  | { kind: 'parameter'; name: string; /** `-Name:value` */ attached?: ValueToken }
  | { kind: 'value'; value: ValueToken };

export type ValueToken =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'variable'; name: string }
  | { kind: 'hashtable'; text: string }
  | { kind: 'array'; items: ValueToken[] }
  | { kind: 'subexpression'; statement: Statement };

export interface CommandCall {
  name: string;
  args: Argument[];
}

export interface Statement {
  /** `$name = ...` */
  assignTo?: string;
  pipeline: CommandCall[];
}

class Reader {
  position = 0;
  constructor(readonly text: string) {}
  peek(offset = 0): string {
    return this.text[this.position + offset] ?? '';
  }
  atEnd(): boolean {
    return this.position >= this.text.length;
  }
  skipBlanks(): void {
    while (!this.atEnd() && /[ \t\r\n]/.test(this.peek())) this.position++;
    if (this.peek() === '#') this.position = this.text.length;
  }
}

/** Parses one line (or a script's joined lines) into statements; a syntax error throws a ParserError record. */
export function parseLine(text: string): Statement[] {
  const reader = new Reader(text);
  const statements: Statement[] = [];
  for (;;) {
    reader.skipBlanks();
    if (reader.atEnd()) break;
    if (reader.peek() === ';') {
      reader.position++;
      continue;
    }
    statements.push(readStatement(reader, ''));
  }
  return statements;
}

function readStatement(reader: Reader, closing: string): Statement {
  const statement: Statement = { pipeline: [] };
  reader.skipBlanks();
  const assignment = /^\$([A-Za-z_][\w]*)\s*=(?!=)/.exec(reader.text.slice(reader.position));
  if (assignment !== null) {
    statement.assignTo = assignment[1]!;
    reader.position += assignment[0].length;
  }
  for (;;) {
    reader.skipBlanks();
    const call = readCommand(reader, closing);
    if (call === undefined) fail(parseError('An empty pipe element is not allowed.', 'EmptyPipeElement'));
    statement.pipeline.push(call!);
    reader.skipBlanks();
    if (reader.peek() !== '|') break;
    reader.position++;
  }
  return statement;
}

const ends = (char: string, closing: string): boolean => char === '' || char === '|' || char === ';' || (closing !== '' && char === closing);

function readCommand(reader: Reader, closing: string): CommandCall | undefined {
  if (ends(reader.peek(), closing)) return undefined;
  const name = readBare(reader, closing);
  if (name === '') fail(parseError(`Unexpected token '${reader.peek()}' in expression or statement.`, 'UnexpectedToken'));
  const call: CommandCall = { name, args: [] };
  for (;;) {
    reader.skipBlanks();
    if (ends(reader.peek(), closing)) return call;
    if (reader.peek() === '-' && /[A-Za-z]/.test(reader.peek(1))) {
      reader.position++;
      const word = readBare(reader, closing);
      const colon = word.indexOf(':');
      if (colon >= 0) {
        const rest = word.slice(colon + 1);
        const attached = rest === '' ? readValue(reader, closing) : rest.startsWith('$') ? { kind: 'variable' as const, name: rest.slice(1) } : toText(rest, false);
        call.args.push({ kind: 'parameter', name: word.slice(0, colon), attached });
      } else {
        call.args.push({ kind: 'parameter', name: word });
      }
      continue;
    }
    call.args.push({ kind: 'value', value: readValue(reader, closing) });
  }
}

/** A value, with `a,b,c` read as one array. */
function readValue(reader: Reader, closing: string): ValueToken {
  const first = readSingle(reader, closing);
  const items = [first];
  while (reader.peek() === ',') {
    reader.position++;
    reader.skipBlanks();
    items.push(readSingle(reader, closing));
  }
  return items.length === 1 ? first : { kind: 'array', items };
}

function readSingle(reader: Reader, closing: string): ValueToken {
  const char = reader.peek();
  if (char === "'" || char === '"') return { kind: 'text', text: readQuoted(reader), quoted: true };
  if (char === '@' && (reader.peek(1) === '{' || reader.peek(1) === '(')) {
    const start = reader.position;
    reader.position++;
    skipBalanced(reader);
    const text = reader.text.slice(start, reader.position);
    if (text.startsWith('@(')) {
      const inner = text.slice(2, -1).trim();
      return { kind: 'array', items: inner === '' ? [] : inner.split(',').map((item) => toText(unquote(item.trim()), true)) };
    }
    return { kind: 'hashtable', text };
  }
  if (char === '(') {
    reader.position++;
    const statement = readStatement(reader, ')');
    reader.skipBlanks();
    if (reader.peek() !== ')') fail(parseError("Missing closing ')' in expression.", 'MissingEndParenthesisInExpression'));
    reader.position++;
    return { kind: 'subexpression', statement };
  }
  if (char === '$') {
    reader.position++;
    const name = readBare(reader, closing);
    return { kind: 'variable', name };
  }
  const word = readBare(reader, closing);
  if (word === '') fail(parseError(`Unexpected token '${char}' in expression or statement.`, 'UnexpectedToken'));
  return toText(word, false);
}

const toText = (text: string, quoted: boolean): ValueToken => ({ kind: 'text', text, quoted });
const unquote = (text: string): string => (/^(['"]).*\1$/s.test(text) ? text.slice(1, -1) : text);

function readBare(reader: Reader, closing: string): string {
  const start = reader.position;
  while (!reader.atEnd() && !/[\s|;,'"()]/.test(reader.peek()) && !(closing !== '' && reader.peek() === closing)) reader.position++;
  return reader.text.slice(start, reader.position);
}

/** A quoted string; a doubled quote inside stands for one quote, as in PowerShell. */
function readQuoted(reader: Reader): string {
  const quote = reader.peek();
  reader.position++;
  let text = '';
  for (;;) {
    if (reader.atEnd()) fail(parseError(`The string is missing the terminator: ${quote}.`, 'TerminatorExpectedAtEndOfString'));
    const char = reader.peek();
    reader.position++;
    if (char === quote) {
      if (reader.peek() === quote) {
        text += quote;
        reader.position++;
        continue;
      }
      return text;
    }
    text += char;
  }
}

function skipBalanced(reader: Reader): void {
  const open = reader.peek();
  const close = open === '{' ? '}' : ')';
  let depth = 0;
  for (;;) {
    if (reader.atEnd()) fail(parseError(`Missing closing '${close}' in statement block or type definition.`, 'MissingEndCurlyBrace'));
    const char = reader.peek();
    if (char === "'" || char === '"') {
      readQuoted(reader);
      continue;
    }
    reader.position++;
    if (char === open) depth++;
    else if (char === close && --depth === 0) return;
  }
}

/** A script's lines as statements: a line ending in a backtick continues on the next one. */
export function joinScriptLines(script: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let pending: { line: number; text: string } | undefined;
  script.split(/\r?\n/).forEach((raw, index) => {
    const continues = /`\s*$/.test(raw);
    const text = continues ? raw.replace(/`\s*$/, ' ') : raw;
    if (pending === undefined) pending = { line: index + 1, text };
    else pending.text += text;
    if (!continues) {
      if (pending.text.trim() !== '') out.push(pending);
      pending = undefined;
    }
  });
  if (pending !== undefined && pending.text.trim() !== '') out.push(pending);
  return out;
}
