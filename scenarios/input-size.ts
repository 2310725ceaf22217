import { InputError, safeText } from '../sim/index.js';

/**
 * Input files are refused over a documented size before they are parsed: parsing holds the
 * whole text and a document tree (about 100 bytes of memory per byte of YAML), so a 70 MB
 * file took gigabytes. The limits are far above any real input (docs/scenario-format.md).
 * No Node import here: the dashboard's parser uses these limits in the browser; the file
 * reader is scenarios/read-limited-text.ts.
 */
export const INPUT_LIMITS = {
  /** 10,000 listed mailboxes (the most a scenario holds) take about 1 MB of YAML. */
  scenarioBytes: 2 * 1024 ** 2,
  /** A full Get-Mailbox | Export-Csv row is a few KB; 10,000 of them fit (docs/cli.md, import). */
  csvBytes: 32 * 1024 ** 2,
} as const;

const formatMegabytes = (bytes: number): string => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;

export function tooLarge(code: string, what: string, file: string, limit: number, actual?: number): InputError {
  const size = actual === undefined ? 'more than' : `${formatMegabytes(actual)}, more than`;
  return new InputError(code, `the ${what} is ${size} the ${formatMegabytes(limit)} limit; a real one is far smaller (see docs/scenario-format.md, Input size)`, { file }, `at most ${formatMegabytes(limit)}`);
}

/** The reason a file cannot be read, as a person reads it. */
export const unreadableReason = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : safeText((error as Error).message, 200);
