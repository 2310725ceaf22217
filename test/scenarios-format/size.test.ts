import { describe, expect, it } from 'vitest';
import { formatSize, parseSize } from '../../scenarios/index.js';

describe('parseSize', () => {
  it('takes the exact byte count Exchange prints in parentheses', () => {
    expect(parseSize('1.234 GB (1,324,567,890 bytes)')).toBe(1_324_567_890);
    expect(parseSize('12.5 KB (12,800 bytes)')).toBe(12_800);
  });
  it('reads binary units, plain bytes and numbers', () => {
    expect(parseSize('2.5 GB')).toBe(2.5 * 1024 ** 3);
    expect(parseSize('512mb')).toBe(512 * 1024 ** 2);
    expect(parseSize('1,000')).toBe(1000);
    expect(parseSize(4096)).toBe(4096);
  });
  it('refuses what is not a size', () => {
    for (const text of ['', 'lots', '1 XB', '-1 GB', 'GB']) expect(parseSize(text)).toBeUndefined();
    expect(parseSize(-1)).toBeUndefined();
    expect(parseSize(1.5)).toBeUndefined();
  });
  it('formats in the unit people read', () => {
    expect(formatSize(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatSize(100)).toBe('100 B');
  });
});
