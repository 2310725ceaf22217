import { describe, expect, it } from 'vitest';
import { DAY } from '../../../sim/index.js';
import { MAX_ADDRESSES, MessageRecords } from '../../../model/ledger/message-records.js';

const fields = (records: MessageRecords, id: number) => [records.fate(id), records.reason(id), records.place(id), records.kept(id)];

describe('MessageRecords', () => {
  it('keeps every field of every record apart, across chunk boundaries', () => {
    const records = new MessageRecords();
    const count = 70_000; // more than two chunks of 32,768
    for (let id = 0; id < count; id++) expect(records.push(id * 3, id % 977, id % 1_009)).toBe(id);
    for (const id of [0, 1, 32_767, 32_768, 65_536, count - 1]) {
      expect(records.settle(id, 1 + (id % 4), id % 251)).toBe(0);
      records.setPlace(id, 1 + (id % 15));
      records.setKept(id, true);
      records.setReadable(id, id * 3 + 5);
    }
    for (const id of [0, 1, 32_767, 32_768, 65_536, count - 1]) {
      expect([records.sentAt(id), records.sender(id), records.recipient(id), records.readable(id)]).toEqual([id * 3, id % 977, id % 1_009, id * 3 + 5]);
      expect(fields(records, id)).toEqual([1 + (id % 4), id % 251, 1 + (id % 15), true]);
    }
    expect(records.readable(2)).toBeNaN();
    expect([...fields(records, 2), records.sender(2)]).toEqual([0, 0, 0, false, 2]);
    expect(records.length).toBe(count);
  });

  it('changes one field without touching its neighbours in the same word', () => {
    const records = new MessageRecords();
    records.push(0, MAX_ADDRESSES - 1, MAX_ADDRESSES - 2);
    records.setPlace(0, 15);
    records.setKept(0, true);
    expect(records.settle(0, 7, 255)).toBe(0);
    records.setKept(0, false);
    records.setPlace(0, 2);
    expect([...fields(records, 0), records.sender(0), records.recipient(0)]).toEqual([7, 255, 2, false, MAX_ADDRESSES - 1, MAX_ADDRESSES - 2]);
  });

  it('settles a message once: a second fate is refused and the first one kept', () => {
    const records = new MessageRecords();
    records.push(0, 1, 2);
    expect(records.settle(0, 3, 9)).toBe(0);
    expect(records.settle(0, 5, 1)).toBe(3);
    expect(fields(records, 0)).toEqual([3, 9, 0, false]);
  });

  it('keeps sending times that do not fit beside the chunk\'s first one exactly', () => {
    const records = new MessageRecords();
    records.push(5_000, 0, 0);
    records.push(1_000, 0, 0); // before the chunk's first message
    records.push(5_000 + 60 * DAY, 0, 0); // more than 2^32 ms after it
    records.push(5_000.5, 0, 0); // not a whole ms
    expect([0, 1, 2, 3].map((id) => records.sentAt(id))).toEqual([5_000, 1_000, 5_000 + 60 * DAY, 5_000.5]);
    records.setReadable(1, 2_000);
    expect(records.readable(1)).toBe(2_000);
  });

  it('keeps readable times more than 49 days after sending exactly', () => {
    const records = new MessageRecords();
    records.push(1_000, 0, 0);
    records.setReadable(0, 1_000 + 60 * DAY);
    expect(records.readable(0)).toBe(1_000 + 60 * DAY);
    records.setReadable(0, 1_000 + DAY);
    expect(records.readable(0)).toBe(1_000 + DAY);
  });

  it('refuses ids it does not hold, readable times before sending, addresses and codes that do not fit', () => {
    const records = new MessageRecords();
    records.push(10, 0, 0);
    expect(() => records.sentAt(1)).toThrow(RangeError);
    expect(() => records.fate(-1)).toThrow(RangeError);
    expect(() => records.setReadable(0, 9)).toThrow(RangeError);
    expect(() => records.push(20, MAX_ADDRESSES, 0)).toThrow(RangeError);
    expect(() => records.setPlace(0, 16)).toThrow(RangeError);
    expect(() => records.settle(0, 8, 0)).toThrow(RangeError);
    expect(() => records.settle(0, 0, 0)).toThrow(RangeError);
    expect(() => records.settle(0, 1, 256)).toThrow(RangeError);
    expect(records.fate(0)).toBe(0);
    expect(records.length).toBe(1);
  });
});
