import { parseSize } from './size.js';

/**
 * The shapes real inventory exports come in, kept apart from the import itself: the
 * encoding (PowerShell's `>` writes UTF-16, Export-Csv UTF-8 or the ANSI code page), the
 * delimiter (`Export-Csv -UseCulture` writes the list separator, `;` in most of Europe), and
 * sizes and counts printed in the exporting machine's culture ("1,613 GB (1.731.917.007 Bytes)").
 */

/** Text of an exported file: UTF-16 LE/BE (with or without BOM) or UTF-8; the BOM is dropped. */
export function decodeInventory(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // No BOM but every other byte zero at the start: UTF-16 all the same (ASCII headers).
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && bytes[2] !== 0 && bytes[3] === 0) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 4 && b0 === 0 && b1 !== 0 && bytes[2] === 0 && bytes[3] !== 0) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The delimiter of the header line (`,`, `;` or tab): the one that occurs most outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

/** Thousands separators cultures use: comma, dot, apostrophe, (narrow) no-break space, space. */
const GROUPING = /[,.'\u00a0\u202f ]/g;
/** The exact byte count Exchange prints in parentheses, in any culture ("Bytes", "bytes", "octets"). */
const EXACT = /\(\s*(\d[\d,.'\u00a0\u202f ]*)\s*(?:bytes?|octets?)\s*\)/i;

export type SizeReading = { bytes: number } | { blank: true } | undefined;

/**
 * A TotalItemSize cell: the exact count in parentheses in any culture wins; without it, the
 * sizes `parseSize` reads, or a decimal comma ("1,5 GB"). Blank (a mailbox never logged on
 * to has no statistics) is its own answer; undefined when the text is not a size.
 */
export function readInventorySize(text: string): SizeReading {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-' || /^(unlimited|null)$/i.test(trimmed)) return { blank: true };
  const exact = EXACT.exec(trimmed);
  if (exact) {
    const bytes = Number((exact[1] ?? '').replace(GROUPING, ''));
    return Number.isSafeInteger(bytes) ? { bytes } : undefined;
  }
  // "1,5 GB" is a decimal comma; "1,613 GB" stays ambiguous and is read as thousands, as Exchange in English prints it.
  const comma = /^(\d+),(\d+)\s*([KMGT]?B)$/i.exec(trimmed);
  if (comma && comma[2]!.length !== 3) {
    const decimal = parseSize(`${comma[1]}.${comma[2]} ${comma[3]}`);
    return decimal === undefined ? undefined : { bytes: decimal };
  }
  const plain = parseSize(trimmed);
  return plain === undefined ? undefined : { bytes: plain };
}

/** An ItemCount cell: digits with any culture's grouping; blank is its own answer. */
export function readItemCount(text: string): { count: number } | { blank: true } | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return { blank: true };
  if (!/^\d[\d,.'\u00a0\u202f ]*$/.test(trimmed)) return undefined;
  const count = Number(trimmed.replace(GROUPING, ''));
  return Number.isSafeInteger(count) ? { count } : undefined;
}
