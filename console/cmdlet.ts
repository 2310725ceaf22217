import type { Millis } from '../sim/index.js';
import { badArgument, fail, missingMandatory, parameterNotFound, type ConsoleError } from './errors.js';
import type { ConsoleTarget } from './target.js';
import { asText, isPsObject, property, type PsValue } from './values.js';

export type ParameterType = 'string' | 'switch' | 'int' | 'strings' | 'timespan' | 'any';

export interface ParameterSpec {
  name: string;
  type: ParameterType;
  mandatory?: boolean;
  /** Bound from a bare value at this position (0 = first). */
  position?: number;
  /** Known values, for tab completion and validation. */
  values?: readonly string[];
  /** Bound from each piped object's property of this name (Identity, UserPrincipalName). */
  fromPipeline?: readonly string[];
}

export interface CmdletContext {
  readonly target: ConsoleTarget;
  /** A time as the console prints dates: the calendar time when the scenario has a start date. */
  date(at: Millis | undefined): string | null;
  /** Lines printed before the output (WARNING: ...). */
  warn(text: string): void;
  /** Lines printed as plain host output (Write-Host). */
  host(text: string): void;
}

export type Bound = Record<string, PsValue>;

export interface Cmdlet {
  name: string;
  synopsis: string;
  parameters: readonly ParameterSpec[];
  /** `input` is what the previous command in the pipeline gave (undefined when first). */
  run(context: CmdletContext, bound: Bound, input: readonly PsValue[] | undefined): PsValue[];
  /** Piped objects are all handed to one call (formatters, Select-Object) rather than one call each. */
  takesWholeInput?: boolean;
}

/** Parameters every cmdlet accepts and the twin ignores (there is nobody to ask for confirmation). */
export const COMMON_PARAMETERS: readonly ParameterSpec[] = [
  { name: 'Confirm', type: 'switch' }, { name: 'WhatIf', type: 'switch' }, { name: 'Verbose', type: 'switch' },
  { name: 'ErrorAction', type: 'string', values: ['Stop', 'Continue', 'SilentlyContinue'] },
];

export type RawArgument = { name: string; value?: PsValue; present: true } | { value: PsValue };

/** Finds a parameter by name or an unambiguous prefix, as PowerShell does. */
export function findParameter(cmdlet: Cmdlet, name: string): ParameterSpec {
  const all = [...cmdlet.parameters, ...COMMON_PARAMETERS];
  const lower = name.toLowerCase();
  const exact = all.find((spec) => spec.name.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const matches = all.filter((spec) => spec.name.toLowerCase().startsWith(lower));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    return fail({
      command: cmdlet.name, message: `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${matches.map((spec) => `-${spec.name}`).join(' ')}.`,
      category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `AmbiguousParameter,${cmdlet.name}`,
    });
  }
  return fail(parameterNotFound(cmdlet.name, name));
}

/** Converts a value to the parameter's type, or fails the way PowerShell's binder does. */
export function convert(cmdlet: Cmdlet, spec: ParameterSpec, value: PsValue): PsValue {
  const problem = (detail: string): ConsoleError => badArgument(cmdlet.name, spec.name, detail);
  switch (spec.type) {
    case 'switch':
      return value === undefined ? true : value === true || value === 'true' || value === '$true' || value === 1;
    case 'int': {
      const number = typeof value === 'number' ? value : Number(asText(value));
      if (!Number.isSafeInteger(number)) fail(problem(`Cannot convert value "${asText(value)}" to type "System.Int32".`));
      return number;
    }
    case 'strings':
      return (Array.isArray(value) ? value : [value]).map(asText);
    case 'timespan':
      return parseTimeSpan(asText(value)) ?? fail(problem(`Cannot convert value "${asText(value)}" to type "System.TimeSpan" (write hh:mm:ss, d.hh:mm:ss, or 90m, 2h, 3d).`));
    case 'any':
      return value;
    case 'string': {
      if (value === undefined) return fail(problem(`Missing an argument for parameter '${spec.name}'. Specify a parameter of type 'System.String' and try again.`));
      const text = asText(value);
      if (spec.values !== undefined && !spec.values.some((known) => known.toLowerCase() === text.toLowerCase())) {
        fail(problem(`Cannot validate argument on parameter '${spec.name}'. The argument "${text}" does not belong to the set "${spec.values.join(',')}".`));
      }
      return spec.values?.find((known) => known.toLowerCase() === text.toLowerCase()) ?? text;
    }
  }
}

/** Binds named and positional arguments, then checks mandatory ones (piped input counts for its parameter). */
export function bind(cmdlet: Cmdlet, args: readonly RawArgument[], piped?: PsValue): Bound {
  const bound: Bound = {};
  const positional: PsValue[] = [];
  for (const arg of args) {
    if ('name' in arg) {
      const spec = findParameter(cmdlet, arg.name);
      bound[spec.name] = convert(cmdlet, spec, arg.value);
    } else {
      positional.push(arg.value);
    }
  }
  const positions = cmdlet.parameters.filter((spec) => spec.position !== undefined && !(spec.name in bound)).sort((a, b) => a.position! - b.position!);
  positional.forEach((value, index) => {
    const spec = positions[index];
    if (spec === undefined) {
      fail({
        command: cmdlet.name, message: `A positional parameter cannot be found that accepts argument '${asText(value)}'.`,
        category: 'InvalidArgument', target: '', exception: 'ParameterBindingException', errorId: `PositionalParameterNotFound,${cmdlet.name}`,
      });
    }
    bound[spec!.name] = convert(cmdlet, spec!, value);
  });
  if (piped !== undefined && isPsObject(piped)) {
    for (const spec of cmdlet.parameters) {
      if (spec.fromPipeline === undefined || spec.name in bound) continue;
      const name = spec.fromPipeline.find((candidate) => property(piped, candidate) !== undefined);
      if (name !== undefined) bound[spec.name] = convert(cmdlet, spec, property(piped, name));
    }
  }
  const missing = cmdlet.parameters.filter((spec) => spec.mandatory && !(spec.name in bound)).map((spec) => spec.name);
  if (missing.length > 0) fail(missingMandatory(cmdlet.name, missing));
  return bound;
}

/** "01:00:00", "2.00:00:00" (PowerShell TimeSpan) or the twin's shorthand "90m", "2h", "1d12h". */
export function parseTimeSpan(text: string): Millis | undefined {
  const clock = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (clock !== null) {
    const [, days = '0', hours, minutes, seconds = '0'] = clock;
    return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000;
  }
  const units: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
  const parts = [...text.trim().toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*([dhms])/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('').replace(/\s/g, '') !== text.trim().toLowerCase().replace(/\s/g, '')) return undefined;
  return Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * units[part[2]!]!, 0));
}
