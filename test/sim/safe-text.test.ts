import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InputError, safeText, visibleText } from '../../sim/index.js';

/** Anything a terminal acts on or a reader cannot see: C0, DEL, C1, bidi controls, zero-width and separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

describe('safeText', () => {
  it('makes escape sequences, carriage returns and bells visible', () => {
    expect(safeText('seed\u001b]0;PWNED\u0007\u001b[2J')).toBe('seed\\x1b]0;PWNED\\x07\\x1b[2J');
    expect(safeText('verify-domain\r')).toBe('verify-domain\\r');
    expect(safeText('a\u0000b\nc\td')).toBe('a\\x00b\\nc\\td');
  });

  it('makes bidirectional overrides and isolates visible (Trojan Source)', () => {
    expect(safeText('admin\u202e.exe\u2066x\u2069')).toBe('admin\\u202e.exe\\u2066x\\u2069');
    expect(safeText('zero\u200bwidth')).toBe('zero\\u200bwidth');
  });

  it('keeps ordinary text, accents and emoji as they are', () => {
    expect(safeText('Zoë Ångström 👩‍💻 ❤️ ≤ 2 GB')).toBe('Zoë Ångström 👩‍💻 ❤️ ≤ 2 GB');
  });

  it('cuts long text with an ellipsis at the limit', () => {
    const cut = safeText('A'.repeat(5_000), 80);
    expect(cut).toHaveLength(80);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never cuts inside an escape it wrote or a surrogate pair', () => {
    expect(safeText(`${'a'.repeat(76)}\u001bzzz`, 80)).toBe(`${'a'.repeat(76)}…`);
    expect(safeText(`${'a'.repeat(78)}😀zz`, 80)).toBe(`${'a'.repeat(78)}…`);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 200 })], { numRuns: 300 })(
    'the result has no unsafe character, no lone surrogate, and is at most the limit',
    (text, limit) => {
      const safe = safeText(text, limit);
      expect(safe).not.toMatch(UNSAFE);
      expect(safe).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(safe.length).toBeLessThanOrEqual(limit);
      if (visibleText(text).length <= limit) expect(safe).toBe(visibleText(text));
    },
  );
});

describe('InputError.describe', () => {
  it('is one line with the file name, path and message made safe', () => {
    const error = new InputError('SCENARIO_UNKNOWN_KEY', 'unknown key "a\nb"', { file: 'x\u001b[2J.yaml', line: 2, column: 1, path: 'k\r' });
    const line = error.describe();
    expect(line).not.toMatch(UNSAFE);
    expect(line).toBe('x\\x1b[2J.yaml:2:1: k\\r: unknown key "a\\nb" [SCENARIO_UNKNOWN_KEY]');
  });
});
