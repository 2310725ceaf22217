import { describe, expect, it } from 'vitest';
import { DAY } from '../../../sim/index.js';
import { MessageRecords } from '../../../model/ledger/message-records.js';

describe('MessageRecords', () => {
  it('keeps every field of every record apart, across chunk boundaries', () => {
    const records = new MessageRecords();
    const count = 70_000; // more than two chunks of 32,768
    for (let id = 0; id < count; id++) expect(records.push(id * 3, id % 977, id % 1_009)).toBe(id);
    for (const id of [0, 1, 32_767, 32_768, 65_536, count - 1]) {
      records.setByte(id, 0, 1 + (id % 4));
      records.setByte(id, 1, id % 251);
      records.setByte(id, 2, 1);
      records.setByte(id, 3, 1);
      records.setReadable(id, id * 3 + 5);
    }
    for (const id of [0, 1, 32_767, 32_768, 65_536, count - 1]) {
      expect([records.sentAt(id), records.sender(id), records.recipient(id), records.readable(id)]).toEqual([id * 3, id % 977, id % 1_009, id * 3 + 5]);
      expect([records.byte(id, 0), records.byte(id, 1), records.byte(id, 2), records.byte(id, 3)]).toEqual([1 + (id % 4), id % 251, 1, 1]);
    }
    expect(records.readable(2)).toBeNaN();
    expect([records.byte(2, 0), records.byte(2, 3), records.sender(2)]).toEqual([0, 0, 2]);
    expect(records.length).toBe(count);
  });

  it('keeps readable times more than 49 days after sending exactly', () => {
    const records = new MessageRecords();
    records.push(1_000, 0, 0);
    records.setReadable(0, 1_000 + 60 * DAY);
    expect(records.readable(0)).toBe(1_000 + 60 * DAY);
    records.setReadable(0, 1_000 + DAY);
    expect(records.readable(0)).toBe(1_000 + DAY);
  });

  it('refuses ids it does not hold and readable times before sending', () => {
    const records = new MessageRecords();
    records.push(10, 0, 0);
    expect(() => records.sentAt(1)).toThrow(RangeError);
    expect(() => records.byte(-1, 0)).toThrow(RangeError);
    expect(() => records.setReadable(0, 9)).toThrow(RangeError);
  });
});
