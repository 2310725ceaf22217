/**
 * Sizes as people and Exchange write them. Exchange prints binary units with the exact
 * byte count in parentheses, for example "1.234 GB (1,324,567,890 bytes)"
 * (Get-MailboxStatistics TotalItemSize); when that count is present it wins over the
 * rounded figure. Units are binary (1 KB = 1,024 bytes), as Exchange uses them.
 */

const UNIT_BYTES: Record<string, number> = {
  b: 1, byte: 1, bytes: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4,
};

/** The text forms accepted, for JSON Schema `pattern` and error messages. */
export const SIZE_PATTERN = '^\\s*\\d[\\d,]*(\\.\\d+)?\\s*([KkMmGgTt]?[Bb]|bytes)?\\s*(\\(\\s*[\\d,]+\\s*bytes\\s*\\))?\\s*$';
export const SIZE_EXPECTED = 'a size such as "2.4 GB", "512 MB", a number of bytes, or Exchange\'s "1.234 GB (1,324,567,890 bytes)"';

const EXACT_BYTES = /\(\s*([\d,]+)\s*bytes\s*\)/i;
const AMOUNT_UNIT = /^\s*(\d[\d,]*(?:\.\d+)?)\s*([a-z]*)\s*$/i;

/** Bytes for a size, or undefined when the text is not a size. Never throws. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const exact = EXACT_BYTES.exec(value);
  if (exact) {
    const bytes = Number((exact[1] ?? '').replace(/,/g, ''));
    return Number.isSafeInteger(bytes) ? bytes : undefined;
  }
  const match = AMOUNT_UNIT.exec(value);
  if (!match) return undefined;
  const amount = Number((match[1] ?? '').replace(/,/g, ''));
  const unit = UNIT_BYTES[(match[2] ?? '').toLowerCase() || 'b'];
  if (unit === undefined || !Number.isFinite(amount)) return undefined;
  const bytes = Math.round(amount * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Prints bytes in the unit people read: 1_610_612_736 → "1.5 GB". */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['TB', 1024 ** 4], ['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(2))} ${unit}`;
  }
  return `${bytes} B`;
}
