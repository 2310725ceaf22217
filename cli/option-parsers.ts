import { InvalidArgumentError, Option } from 'commander';
import { isInputError, parseDuration, type Millis } from '../sim/index.js';

/**
 * Typed option parsing for commander: each parser turns the flag's text into a value or
 * throws InvalidArgumentError, which commander reports as one line (exit 2).
 */
export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number of 0 or more, for example --seed 42.');
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('the seed is too large.');
  return seed;
}

export function parsePositiveCount(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new InvalidArgumentError('expected a whole number of 1 or more.');
  const count = Number(text);
  if (count > 100_000) throw new InvalidArgumentError('at most 100000.');
  return count;
}

export function parseWorkerCount(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError('expected a whole number (0 runs in this thread).');
  return Number(text);
}

/** A duration flag that must be positive; `example` shows the flag in use, e.g. "--until 72h". */
export function positiveDuration(example: string): (text: string) => Millis {
  return (text) => {
    try {
      const duration = parseDuration(text);
      if (duration <= 0) throw new InvalidArgumentError(`expected a duration greater than zero, for example ${example}.`);
      return duration;
    } catch (error) {
      if (isInputError(error)) throw new InvalidArgumentError(`${error.message}.`);
      throw error;
    }
  };
}

export const parseUntil = positiveDuration('--until 72h');

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65_535) throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one).');
  return port;
}

/** `--budget <factor>`: the work budget (scenarios/budget.ts) times this; 1 is the default. */
export function parseBudget(text: string): number {
  const factor = Number(text);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text) || !(factor > 0) || factor > 1_000) {
    throw new InvalidArgumentError('expected a factor above 0 and at most 1000, for example --budget 4 (four times the default work budget).');
  }
  return factor;
}

export const budgetOption = (): Option =>
  new Option('--budget <factor>', 'raise the work budget this many times (default 1: 30 million events, 2 GB; see docs/cli.md)').argParser(parseBudget);
