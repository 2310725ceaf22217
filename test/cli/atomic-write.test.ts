import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkOutputPath, writeFileAtomic } from '../../cli/index.js';
import { temporaryDirectory } from '../fixtures/temporary.js';

const directory = () => temporaryDirectory('write');

describe('writeFileAtomic', () => {
  test('writes the whole content and leaves no temporary file', () => {
    const where = directory();
    writeFileAtomic(join(where, 'a.html'), 'first');
    writeFileAtomic(join(where, 'a.html'), 'second');
    expect(readFileSync(join(where, 'a.html'), 'utf8')).toBe('second');
    expect(readdirSync(where)).toEqual(['a.html']);
  });

  test('a failed write raises a coded error and leaves nothing behind', () => {
    const where = directory();
    mkdirSync(join(where, 'taken'));
    expect(() => writeFileAtomic(join(where, 'taken'), 'x')).toThrow(/cannot write/);
    expect(readdirSync(where)).toEqual(['taken']);
  });
});

describe('checkOutputPath', () => {
  test('refuses an input, also through another spelling or a symlink', () => {
    const where = directory();
    const input = join(where, 'plan.yaml');
    writeFileSync(input, 'x');
    symlinkSync(input, join(where, 'link.yaml'));
    expect(() => checkOutputPath(join(where, 'sub', '..', 'plan.yaml'), [input], '--report')).toThrow(/would overwrite the input file/);
    expect(() => checkOutputPath(join(where, 'link.yaml'), [input], '--report')).toThrow(/would overwrite the input file/);
    expect(() => checkOutputPath(join(where, 'report.html'), [input], '--report')).not.toThrow();
  });

  test('refuses a missing directory and a directory as the file', () => {
    const where = directory();
    expect(() => checkOutputPath(join(where, 'missing', 'r.html'), [], '--report')).toThrow(/does not exist/);
    expect(() => checkOutputPath(where, [], '--report')).toThrow(/is a directory/);
  });
});
