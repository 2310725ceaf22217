import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError, safeText } from '../sim/index.js';

/**
 * Input files are refused over a documented size before they are parsed: parsing holds the
 * whole text and a document tree (about 100 bytes of memory per byte of YAML), so a 70 MB
 * file took gigabytes. The limits are far above any real input (docs/scenario-format.md).
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

/**
 * Reads a text file of at most `limit` bytes, refusing a larger one without reading it.
 * Pipes and devices report no size, so at most limit + 1 bytes are ever read. A BOM is dropped.
 */
export function readLimitedText(file: string, limit: number, onTooLarge: (size: number | undefined) => InputError): string {
  const descriptor = openSync(file, 'r');
  try {
    const stats = fstatSync(descriptor);
    if (stats.isFile() && stats.size > limit) throw onTooLarge(stats.size);
    const buffer = Buffer.alloc(Math.min(limit + 1, stats.isFile() ? stats.size + 1 : limit + 1));
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) throw onTooLarge(undefined);
    return buffer.toString('utf8', 0, length).replace(/^\uFEFF/, '');
  } finally {
    closeSync(descriptor);
  }
}

/** The reason a file cannot be read, as a person reads it. */
export const unreadableReason = (error: unknown): string =>
  (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : safeText((error as Error).message, 200);
