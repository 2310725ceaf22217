import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { createHash } from '../../../web/src/report-browser/node-crypto.js';

describe('the browser sha256 used for the exported report', () => {
  test.prop([fc.string({ unit: 'grapheme', maxLength: 300 })], { numRuns: 150 })('matches node:crypto byte for byte', (text) => {
    expect(createHash('sha256').update(text, 'utf8').digest('base64')).toBe(nodeCreateHash('sha256').update(text, 'utf8').digest('base64'));
  });

  test('known answer for the empty string, and other algorithms are refused', () => {
    expect(createHash('sha256').digest('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(() => createHash('md5')).toThrow(/sha256/);
  });
});
