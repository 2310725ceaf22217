import { displayValue, isPsObject, property, type PsObject, type PsValue } from './values.js';

/**
 * Output shaped as PowerShell prints it: a table with a header, a dashed underline and
 * left-aligned text (numbers right-aligned), or a list of "Name : Value" blocks. Cells wider
 * than the console are cut with "..." as Format-Table does; lists wrap instead.
 */
export interface FormatOptions {
  /** Console width in characters (PowerShell's default window is 120). */
  width?: number;
}

const ELLIPSIS = '...';

export function formatTable(objects: readonly PsValue[], columns?: readonly string[], options: FormatOptions = {}): string {
  const rows = objects.filter(isPsObject);
  const scalars = objects.filter((value) => !isPsObject(value));
  if (rows.length === 0) return scalars.map(displayValue).join('\n');
  const names = columns ?? rows[0]!.tableColumns;
  const width = options.width ?? 120;
  const cells = rows.map((row) => names.map((name) => displayValue(property(row, name)).replace(/\s*\n\s*/g, ' ')));
  const numeric = names.map((_, column) => rows.every((row) => { const value = property(row, names[column]!); return typeof value === 'number' || value === undefined || value === null; }));
  const widths = names.map((name, column) => Math.max(name.length, ...cells.map((row) => row[column]!.length)));
  // Share the width out: every column keeps at least its header, the last one takes what is left.
  let total = widths.reduce((sum, value) => sum + value, 0) + names.length - 1;
  for (let column = widths.length - 1; column >= 0 && total > width; column--) {
    const floor = Math.max(names[column]!.length, 6);
    const cut = Math.min(widths[column]! - floor, total - width);
    if (cut > 0) {
      widths[column]! -= cut;
      total -= cut;
    }
  }
  const fit = (text: string, column: number): string => {
    const size = widths[column]!;
    const shown = text.length > size ? `${text.slice(0, Math.max(0, size - ELLIPSIS.length))}${ELLIPSIS}` : text;
    return numeric[column] ? shown.padStart(size) : shown.padEnd(size);
  };
  const line = (values: readonly string[]) => values.map(fit).join(' ').trimEnd();
  const header = line(names);
  const underline = names.map((name, column) => fit('-'.repeat(Math.min(name.length, widths[column]!)), column)).join(' ').trimEnd();
  return ['', header, underline, ...cells.map(line), '', ...scalars.map(displayValue)].join('\n').replace(/\n+$/, '\n');
}

export function formatList(objects: readonly PsValue[], properties?: readonly string[], options: FormatOptions = {}): string {
  const width = options.width ?? 120;
  const blocks = objects.map((value) => {
    if (!isPsObject(value)) return displayValue(value);
    const names = listNames(value, properties);
    const pad = Math.max(...names.map((name) => name.length));
    return names.map((name) => wrap(`${name.padEnd(pad)} : `, displayValue(property(value, name)), width)).join('\n');
  });
  return `\n${blocks.join('\n\n')}\n`;
}

function listNames(object: PsObject, properties: readonly string[] | undefined): string[] {
  const all = Object.keys(object.properties);
  if (properties === undefined || properties.includes('*')) return all;
  return properties.map((name) => all.find((candidate) => candidate.toLowerCase() === name.toLowerCase()) ?? name);
}

/** Long values continue under the value column, as Format-List prints them. */
function wrap(prefix: string, text: string, width: number): string {
  const room = Math.max(20, width - prefix.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let rest = paragraph;
    while (rest.length > room) {
      const space = rest.lastIndexOf(' ', room);
      const cut = space > room / 2 ? space : room;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    lines.push(rest);
  }
  return lines.map((line, index) => (index === 0 ? prefix : ' '.repeat(prefix.length)) + line).join('\n').trimEnd();
}

/** The default view: a table of the default columns, or a list for objects Exchange lists. */
export function formatDefault(objects: readonly PsValue[], options: FormatOptions = {}): string {
  if (objects.length === 0) return '';
  const first = objects.find(isPsObject);
  if (first?.listByDefault) return formatList(objects, first.tableColumns, options);
  return formatTable(objects, undefined, options);
}
