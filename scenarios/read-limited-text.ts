import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { InputError } from '../sim/index.js';

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
