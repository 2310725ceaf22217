import { z } from 'zod';
import type { Campaign } from './campaign.js';
import type { Shard } from '../shard/index.js';
import type { SweepRun } from './stats.js';

/**
 * The sweep results file (`--out runs.jsonl`): JSON lines, flushed one by one as runs
 * finish. The first line is a header naming the campaign and the shard; every other line
 * is one run, carrying the campaign id and its job key (value, seed), so lines from files
 * that were concatenated or mixed up are still recognised.
 */
export const RESULTS_FORMAT = 1;

export interface ResultsHeader {
  cutoverSweep: typeof RESULTS_FORMAT;
  campaign: Campaign;
  shard: Shard;
}

export type RunLine = SweepRun & { campaign: string };

const count = z.number().int().nonnegative();
const varySchema = z.object({ source: z.string(), path: z.string(), values: z.array(z.number()), labels: z.array(z.string()), durations: z.boolean() });
const headerSchema = z.object({
  cutoverSweep: z.literal(RESULTS_FORMAT),
  campaign: z.object({ id: z.string(), scenario: z.string(), configHash: z.string(), varyHash: z.string(), seeds: z.number().int().positive(), jobs: count, vary: varySchema, command: z.string() }),
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).refine((shard) => shard.index <= shard.count),
});
const runSchema = z.object({
  campaign: z.string(),
  value: z.number(),
  seed: count,
  traceHash: z.string(),
  sent: count,
  delivered: count,
  deliveredLate: count,
  bounced: count,
  lost: count,
  delays: z.array(z.number()),
  // Added later: optional, so results files written before still resume and merge.
  histogram: z.object({ buckets: z.array(z.tuple([z.number(), z.number()])), total: count, max: z.number() }).optional(),
  oldHostAfterSwitch: z.number().nullable().optional(),
  reasons: z.record(z.string(), z.number()).optional(),
});

export const headerLine = (header: ResultsHeader): string => `${JSON.stringify(header)}\n`;

/** One run as a line; field order fixed so equal runs give equal lines. */
export function runLine(campaign: string, run: SweepRun): string {
  const { value, seed, traceHash, sent, delivered, deliveredLate, bounced, lost, delays, histogram, oldHostAfterSwitch, reasons } = run;
  const extra = { ...(histogram === undefined ? {} : { histogram }), ...(oldHostAfterSwitch === undefined ? {} : { oldHostAfterSwitch }), ...(reasons === undefined ? {} : { reasons }) };
  return `${JSON.stringify({ campaign, value, seed, traceHash, sent, delivered, deliveredLate, bounced, lost, delays, ...extra } satisfies RunLine)}\n`;
}

export type ParsedLine =
  | { kind: 'header'; line: number; header: ResultsHeader }
  | { kind: 'run'; line: number; run: RunLine }
  /** Not JSON, or JSON of neither shape: a line cut short by an interruption, or damage. */
  | { kind: 'damaged'; line: number; last: boolean };

/**
 * Reads a results file's text line by line. A last line without its newline was cut off
 * mid-write (the run was interrupted), so it counts as damaged even if it happens to parse:
 * its run is simply done again.
 */
export function parseResults(text: string): ParsedLine[] {
  const pieces = text.split('\n');
  const parsed: ParsedLine[] = [];
  pieces.forEach((piece, position) => {
    const last = position === pieces.length - 1;
    if (last && piece === '') return;
    const line = position + 1;
    if (piece.trim() === '') return;
    if (last) {
      parsed.push({ kind: 'damaged', line, last: true });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(piece);
    } catch {
      parsed.push({ kind: 'damaged', line, last: false });
      return;
    }
    const header = headerSchema.safeParse(json);
    if (header.success) {
      parsed.push({ kind: 'header', line, header: header.data as ResultsHeader });
      return;
    }
    const run = runSchema.safeParse(json);
    parsed.push(run.success ? { kind: 'run', line, run: run.data } : { kind: 'damaged', line, last: false });
  });
  return parsed;
}

/** The run without its campaign id (what the statistics take). */
export function withoutCampaign(line: RunLine): SweepRun {
  const { campaign: _campaign, ...run } = line;
  return run;
}

/** Two lines for the same job agree when the deterministic run gave the same figures. */
export const sameRun = (a: SweepRun, b: SweepRun): boolean => runLine('', a) === runLine('', b);
