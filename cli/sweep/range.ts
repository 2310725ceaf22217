import { InvalidArgumentError } from 'commander';
import { InputError, formatDuration, isInputError, parseDuration } from '../../sim/index.js';

/** A parsed `--vary PATH=FROM..TO[:STEP]`. */
export interface VarySpec {
  /** The flag's text, to print a command that reproduces the sweep. */
  source: string;
  path: string;
  values: number[];
  /** How each value is shown (`12h` for durations, the number otherwise). */
  labels: string[];
  durations: boolean;
}

const MAX_VALUES = 50;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

const bad = (text: string, why: string): never => {
  throw new InputError('CLI_BAD_VARY', `--vary ${JSON.stringify(text)}: ${why}; expected PATH=FROM..TO[:STEP], for example dns.initialMxTtl=1h..48h:12h or endpoint.maxConcurrentMigrations=10..50:10`);
};

/**
 * Parses `PATH=FROM..TO[:STEP]`. Plain numbers stay numbers; anything with a unit is a
 * duration in milliseconds (`1h..48h:12h`). Without STEP the range is cut into 5 evenly
 * spaced values. Integer ends give integer values (duplicates removed).
 */
export function parseVary(text: string): VarySpec {
  const equals = text.indexOf('=');
  if (equals <= 0) return bad(text, 'no PATH= before the range');
  const path = text.slice(0, equals).trim();
  const range = text.slice(equals + 1).trim();
  const match = /^(.+?)\.\.([^:]+)(?::(.+))?$/.exec(range);
  if (match === null) return bad(text, `the range "${range}" is not FROM..TO or FROM..TO:STEP`);
  const parts = [match[1]!, match[2]!, match[3]].filter((part): part is string => part !== undefined).map((part) => part.trim());
  const durations = parts.some((part) => !PLAIN_NUMBER.test(part));
  const read = (part: string): number => {
    if (!durations) return Number(part);
    try {
      return parseDuration(part);
    } catch (error) {
      return bad(text, (error as Error).message);
    }
  };
  const [from, to, given] = [read(parts[0]!), read(parts[1]!), parts[2] === undefined ? undefined : read(parts[2])];
  if (to < from) return bad(text, 'TO is smaller than FROM');
  const step = given ?? (to - from) / 4;
  if (given !== undefined && !(given > 0)) return bad(text, 'STEP must be greater than zero');
  const integral = Number.isInteger(from) && Number.isInteger(to) && (given === undefined || Number.isInteger(given));
  const values: number[] = [];
  if (step === 0) values.push(from);
  for (let index = 0; step > 0 && from + index * step <= to + 1e-9; index++) {
    if (values.length >= MAX_VALUES) return bad(text, `more than ${MAX_VALUES} values; use a larger STEP`);
    const value = from + index * step;
    const rounded = integral ? Math.round(value) : Math.round(value * 1e9) / 1e9;
    if (values.at(-1) !== rounded) values.push(rounded);
  }
  return { source: text, path, values, labels: values.map((value) => (durations ? formatDuration(value) : String(value))), durations };
}

/** `--vary` for commander: an invalid range is one line (exit 2). */
export function parseVaryOption(text: string): VarySpec {
  try {
    return parseVary(text);
  } catch (error) {
    if (isInputError(error)) throw new InvalidArgumentError(`${error.message}.`);
    throw error;
  }
}
