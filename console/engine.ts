import { isInputError } from '../sim/index.js';
import { bind, findParameter, type Cmdlet, type CmdletContext, type RawArgument } from './cmdlet.js';
import { ALIASES, CMDLETS, moduleOf } from './cmdlets/index.js';
import { consoleDate } from './dates.js';
import { ConsoleFailure, commandNotFound, fail, formatError, type ConsoleError } from './errors.js';
import { formatDefault, formatTable } from './format.js';
import { parseLine, type Argument, type Statement, type ValueToken } from './parse.js';
import type { ConsoleTarget } from './target.js';
import { isPsObject, psObject, type PsValue } from './values.js';

/** What one line gave: the text to print, whether it ended in an error, and whether to clear the screen. */
export interface ConsoleReply {
  input: string;
  output: string;
  error: boolean;
  clear?: boolean;
}

export interface ConsoleOptions {
  /** Console width for tables (default 120). */
  width?: number;
}

/** Cmdlets that live in the console itself: they read its history and its list of cmdlets. */
const SHELL_CMDLETS = ['Get-Command', 'Get-Help', 'Get-History', 'Get-Credential', 'Clear-Host'];

/**
 * The migration console: reads a line, runs its cmdlets against the session and returns what
 * PowerShell would print. It holds no state of the world, only the history and variables; the
 * world is the target, reached for each line (the dashboard may load another scenario).
 */
export class MigrationConsole {
  readonly history: string[] = [];
  private readonly variables = new Map<string, PsValue>();
  private readonly cmdlets = new Map<string, Cmdlet>();

  constructor(private readonly target: () => ConsoleTarget | undefined, private readonly options: ConsoleOptions = {}) {
    for (const cmdlet of [...CMDLETS, ...this.shellCmdlets()]) this.cmdlets.set(cmdlet.name.toLowerCase(), cmdlet);
  }

  /** Every command name and alias, for completion and Get-Command. */
  commandNames(): string[] {
    return [...[...this.cmdlets.values()].map((cmdlet) => cmdlet.name), ...Object.keys(ALIASES)];
  }

  lookup(name: string): Cmdlet | undefined {
    const lower = name.toLowerCase();
    return this.cmdlets.get(lower) ?? this.cmdlets.get((ALIASES[lower] ?? '').toLowerCase());
  }

  run(line: string): ConsoleReply {
    const printed: string[] = [];
    const reply: ConsoleReply = { input: line, output: '', error: false };
    try {
      for (const statement of parseLine(line)) {
        if (statement.pipeline.length === 1 && /^(clear-host|cls|clear)$/i.test(statement.pipeline[0]!.name)) {
          reply.clear = true;
          continue;
        }
        const values = this.evaluate(statement, printed);
        if (statement.assignTo !== undefined) this.variables.set(statement.assignTo.toLowerCase(), values.length === 1 ? values[0] : values);
        else if (values.length > 0) printed.push(render(values, this.options.width).replace(/\n$/, ''));
      }
    } catch (error) {
      reply.error = true;
      printed.push(formatError(toRecord(error)));
    }
    reply.output = printed.join('\n');
    // Added after the line ran, as PowerShell does: Get-History does not list itself.
    const trimmed = line.trim();
    if (trimmed !== '' && this.history[this.history.length - 1] !== trimmed) this.history.push(trimmed);
    return reply;
  }

  private context(printed: string[]): CmdletContext {
    const target = this.target();
    if (target === undefined) fail({ command: '', message: 'No scenario is loaded.', category: 'InvalidOperation', target: '', exception: 'InvalidOperationException', errorId: 'NoSession' });
    return {
      target: target!,
      date: (at) => (at === undefined ? null : consoleDate(at, target!.config.startDate)),
      warn: (text) => printed.push(`WARNING: ${text}`),
      host: (text) => printed.push(text),
    };
  }

  private evaluate(statement: Statement, printed: string[]): PsValue[] {
    let values: PsValue[] | undefined;
    for (const call of statement.pipeline) {
      const cmdlet = this.lookup(call.name) ?? fail(commandNotFound(call.name));
      const args = this.rawArguments(cmdlet, call.args, printed);
      const context = this.context(printed);
      if (values === undefined) values = cmdlet.run(context, bind(cmdlet, args), undefined);
      else if (cmdlet.takesWholeInput) values = cmdlet.run(context, bind(cmdlet, args), values);
      else values = values.flatMap((value) => cmdlet.run(context, bind(cmdlet, args, value), [value]));
    }
    return values ?? [];
  }

  /** Pairs each -Parameter with its value; a switch takes none unless written -Switch:$false. */
  private rawArguments(cmdlet: Cmdlet, args: readonly Argument[], printed: string[]): RawArgument[] {
    const out: RawArgument[] = [];
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!;
      if (arg.kind === 'value') {
        out.push({ value: this.value(arg.value, printed) });
        continue;
      }
      const spec = findParameter(cmdlet, arg.name);
      if (arg.attached !== undefined) out.push({ name: spec.name, value: this.value(arg.attached, printed), present: true });
      else if (spec.type === 'switch') out.push({ name: spec.name, present: true });
      else {
        const next = args[index + 1];
        if (next?.kind === 'value') {
          out.push({ name: spec.name, value: this.value(next.value, printed), present: true });
          index++;
        } else {
          out.push({ name: spec.name, present: true });
        }
      }
    }
    return out;
  }

  private value(token: ValueToken, printed: string[]): PsValue {
    switch (token.kind) {
      case 'text':
        return !token.quoted && /^-?\d+(\.\d+)?$/.test(token.text) ? Number(token.text) : token.text;
      case 'variable': {
        const name = token.name.toLowerCase();
        if (name === 'true') return true;
        if (name === 'false') return false;
        if (name === 'null') return null;
        return this.variables.get(name) ?? null;
      }
      case 'hashtable':
        return { kind: 'hashtable', text: token.text };
      case 'array':
        return token.items.map((item) => this.value(item, printed));
      case 'subexpression': {
        const values = this.evaluate(token.statement, printed);
        return values.length === 1 ? values[0] : values;
      }
    }
  }

  private shellCmdlets(): Cmdlet[] {
    const console = this;
    const cmdlets: Cmdlet[] = [
      {
        name: 'Get-Command', synopsis: 'Lists the commands this console knows.', parameters: [{ name: 'Name', type: 'string', position: 0 }],
        run: (_context, bound) => [...console.cmdlets.values()]
          .filter((cmdlet) => bound.Name === undefined || new RegExp(`^${String(bound.Name).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i').test(cmdlet.name))
          .map((cmdlet) => psObject('CmdletInfo', { CommandType: 'Cmdlet', Name: cmdlet.name, Source: moduleOf(cmdlet.name), Synopsis: cmdlet.synopsis }, ['CommandType', 'Name', 'Source'])),
      },
      {
        name: 'Get-Help', synopsis: 'Shows what a command does and its parameters.', parameters: [{ name: 'Name', type: 'string', position: 0 }],
        run: (_context, bound) => {
          if (bound.Name === undefined) return ['Get-Command lists the commands; Get-Help <command> shows one. Tab completes names and parameters; Up and Down walk the history.'];
          const cmdlet = console.lookup(String(bound.Name)) ?? fail(commandNotFound(String(bound.Name)));
          const syntax = cmdlet.parameters.map((spec) => {
            const value = spec.type === 'switch' ? '' : ` <${spec.values?.join('|') ?? spec.type}>`;
            const text = `-${spec.name}${value}`;
            return spec.mandatory ? text : `[${text}]`;
          }).join(' ');
          return [`\nNAME\n    ${cmdlet.name}\n\nSYNOPSIS\n    ${cmdlet.synopsis}\n\nSYNTAX\n    ${cmdlet.name} ${syntax}\n`];
        },
      },
      {
        name: 'Get-History', synopsis: 'Lists the commands given in this console.', parameters: [],
        run: () => console.history.map((line, index) => psObject('HistoryInfo', { Id: index + 1, CommandLine: line }, ['Id', 'CommandLine'])),
      },
      {
        name: 'Get-Credential', synopsis: 'The migration admin account of the scenario (its password stays a reference; it is never shown).', parameters: [{ name: 'UserName', type: 'string', position: 0 }],
        run: (context) => [{ kind: 'secret', userName: context.target.config.endpoint.username }],
      },
      { name: 'Clear-Host', synopsis: 'Clears the console.', parameters: [], run: () => [] },
    ];
    return cmdlets.filter((cmdlet) => SHELL_CMDLETS.includes(cmdlet.name));
  }
}

function render(values: readonly PsValue[], width: number | undefined): string {
  const texts = values.filter((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean');
  const objects = values.filter((value) => isPsObject(value));
  const secrets = values.filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'secret');
  const parts: string[] = [];
  if (objects.length > 0) parts.push(formatDefault(objects, width === undefined ? {} : { width }));
  if (secrets.length > 0) parts.push(formatTable(secrets.map((secret) => psObject('PSCredential', { UserName: (secret as { userName: string }).userName, Password: 'System.Security.SecureString' }, ['UserName', 'Password']))));
  parts.push(...texts.map(String));
  return parts.join('\n');
}

function toRecord(error: unknown): ConsoleError {
  if (error instanceof ConsoleFailure) return error.record;
  const message = isInputError(error) ? error.message : error instanceof Error ? error.message : String(error);
  return { command: '', message, category: 'NotSpecified', target: '', exception: 'RuntimeException', errorId: 'RuntimeException' };
}
