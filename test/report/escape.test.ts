import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { escapeHtml, jsonForScript } from '../../report/index.js';

describe('escapeHtml', () => {
  test('turns markup into text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`a&b "c" 'd' \`e\``)).toBe('a&amp;b &quot;c&quot; &#39;d&#39; &#96;e&#96;');
    expect(escapeHtml(undefined)).toBe('');
  });

  test.prop([fc.string({ unit: 'binary' })], { numRuns: 200 })('never leaves a markup character and decodes back', (text) => {
    const escaped = escapeHtml(text);
    expect(escaped).not.toMatch(/[<>"'`]/);
    const decoded = escaped.replace(/&lt;|&gt;|&quot;|&#39;|&#96;|&amp;/g, (entity) =>
      ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`', '&amp;': '&' })[entity] ?? entity);
    expect(decoded).toBe(text);
  });
});

describe('jsonForScript', () => {
  test('cannot close the script block', () => {
    const text = jsonForScript({ name: '</script><script>alert(1)</script><!--' });
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
  });

  test.prop([fc.jsonValue()], { numRuns: 200 })('parses back to the same value', (value) => {
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
