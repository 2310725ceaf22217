import { z } from 'zod';
import type { FuzzCampaign } from './campaign.js';
import type { Shard } from '../shard/index.js';

/**
 * The fuzz results file (`cutover fuzz --out cases.jsonl`): JSON lines, flushed one by one
 * as cases finish, like the sweep's (sweep-results.ts) but with its own header tag
 * `cutoverFuzz`, so `cutover merge` tells the two apart. The header names the campaign and
 * the shard; every other line is one case, carrying the campaign id and the case index.
 */
export const FUZZ_RESULTS_FORMAT = 1;

export interface FuzzHeader {
  cutoverFuzz: typeof FUZZ_RESULTS_FORMAT;
  campaign: FuzzCampaign;
  shard: Shard;
}

export interface FuzzCaseLine {
  campaign: string;
  case: number;
  verdict: 'ok' | 'counterexample';
  /** The broken invariant and its message (counterexamples only). */
  invariant?: string;
  message?: string;
  /** fast-check's path of the shrunk counterexample ("case:shrink:steps"). */
  path?: string;
  /** The counterexample scenario file, relative to the results file's directory. */
  counterexampleFile?: string;
  /** The counterexample's simulation seed, and its replay command (run from the results file's directory). */
  seed?: number;
  replay?: string;
}

const count = z.number().int().nonnegative();
const headerSchema = z.object({
  cutoverFuzz: z.literal(FUZZ_RESULTS_FORMAT),
  campaign: z.object({
    id: z.string(), scenario: z.string(), configHash: z.string(), runs: z.number().int().positive(), seed: count,
    settings: z.object({ metamorphic: z.boolean() }), command: z.string(),
  }),
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).refine((shard) => shard.index <= shard.count),
});
const caseSchema = z.object({
  campaign: z.string(),
  case: count,
  verdict: z.enum(['ok', 'counterexample']),
  invariant: z.string().optional(),
  message: z.string().optional(),
  path: z.string().optional(),
  counterexampleFile: z.string().optional(),
  seed: count.optional(),
  replay: z.string().optional(),
}).refine((line) => line.verdict === 'ok' || line.invariant !== undefined);

export const fuzzHeaderLine = (header: FuzzHeader): string => `${JSON.stringify(header)}\n`;

/** One case as a line; field order fixed so equal cases give equal lines. */
export function fuzzCaseLine(line: FuzzCaseLine): string {
  const { campaign, case: index, verdict, invariant, message, path, counterexampleFile, seed, replay } = line;
  return `${JSON.stringify({ campaign, case: index, verdict, invariant, message, path, counterexampleFile, seed, replay })}\n`;
}

/** Two lines for the same case agree when the deterministic check gave the same verdict (file names aside). */
export const sameVerdict = (a: FuzzCaseLine, b: FuzzCaseLine): boolean =>
  a.verdict === b.verdict && a.invariant === b.invariant && a.message === b.message && a.path === b.path;

export type ParsedFuzzLine =
  | { kind: 'header'; line: number; header: FuzzHeader }
  | { kind: 'case'; line: number; result: FuzzCaseLine }
  /** Not JSON, or JSON of neither shape, or a last line without its newline (cut off mid-write). */
  | { kind: 'damaged'; line: number };

/** Whether a file's first line is a fuzz header (merge branches on it). */
export function isFuzzResults(text: string): boolean {
  const first = text.split('\n', 1)[0] ?? '';
  try {
    return headerSchema.safeParse(JSON.parse(first)).success;
  } catch {
    return false;
  }
}

/** Reads a fuzz results file's text line by line (blank lines skipped). */
export function parseFuzzResults(text: string): ParsedFuzzLine[] {
  const pieces = text.split('\n');
  const parsed: ParsedFuzzLine[] = [];
  pieces.forEach((piece, position) => {
    const line = position + 1;
    if (piece.trim() === '') return;
    if (position === pieces.length - 1) {
      parsed.push({ kind: 'damaged', line });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(piece);
    } catch {
      parsed.push({ kind: 'damaged', line });
      return;
    }
    const header = headerSchema.safeParse(json);
    if (header.success) {
      parsed.push({ kind: 'header', line, header: header.data as FuzzHeader });
      return;
    }
    const result = caseSchema.safeParse(json);
    parsed.push(result.success ? { kind: 'case', line, result: result.data as FuzzCaseLine } : { kind: 'damaged', line });
  });
  return parsed;
}
