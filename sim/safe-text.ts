/**
 * User text (a key, a value, a file name, a CSV cell, a parser's message) echoed on a
 * terminal. Control characters (C0, DEL, C1: ESC starts every escape sequence, CR rewinds
 * the line, NUL and BEL are invisible), bidirectional overrides and isolates (they reorder
 * what a reader sees: "Trojan Source", CVE-2021-42574), zero-width spaces (not the joiners emoji and some scripts need), line and
 * paragraph separators and lone surrogates are written as visible escapes (\x1b, \u202e),
 * so echoed text can neither drive the terminal nor hide or fake part of a line. Long text
 * is cut with an ellipsis: an error line should point at the value, not reprint it.
 */

/** Characters that are never echoed as they are. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED = new Map<string, string>([['\n', '\\n'], ['\r', '\\r'], ['\t', '\\t'], ['\u001b', '\\x1b']]);

const ESCAPE_AT = /^\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|[nrt])/;

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

function escapeCharacter(character: string): string {
  const named = NAMED.get(character);
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
}

/** Text with every unsafe character made visible; nothing is cut. */
export function visibleText(text: string): string {
  return String(text).replace(UNSAFE, escapeCharacter);
}

/** Longest echo of one user string, in characters (after escaping). */
export const MAX_ECHO_LENGTH = 80;

/**
 * `text` made safe to print and cut to `maxLength` characters (an ellipsis marks the cut,
 * which never splits an escape or a surrogate pair).
 */
export function safeText(text: unknown, maxLength = MAX_ECHO_LENGTH): string {
  const source = typeof text === 'string' ? text : String(text);
  // Escaping can only lengthen the text, so a long input is cut first (bounded work on a 70 MB value).
  const head = source.length > maxLength ? source.slice(0, maxLength + 1) : source;
  const visible = visibleText(head);
  if (visible.length <= maxLength && head.length === source.length) return visible;
  let cut = maxLength - 1;
  // Never cut inside an escape this function wrote (at most 6 characters: \u202e).
  for (let start = Math.max(0, cut - 5); start < cut; start++) {
    const escape = ESCAPE_AT.exec(visible.slice(start, start + 6));
    if (escape && start + escape[0].length > cut) {
      cut = start;
      break;
    }
  }
  const code = visible.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${visible.slice(0, Math.max(0, cut))}…`;
}
