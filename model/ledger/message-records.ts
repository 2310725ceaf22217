/**
 * Every message's fixed-size record, interleaved: 24 bytes a message in chunks of 32,768
 * records, read through typed-array views of the same buffer. A sync pass settles messages
 * that arrived hours or days earlier, so their data is cold; with one column per field each
 * settled message cost a cache miss per column, with one record it costs one or two (issue
 * 9 profile). Chunks are never copied, so a growing run touches only the memory its records
 * use: on the reference VM first-touching fresh memory costs ~4 ns a byte, which is why the
 * record is kept this small.
 *
 * Layout (bytes): 0-7 sent at; 8-11 first readable as a delay after sending (NONE until
 * then; delays of 2^32 - 1 ms or more, possible only in runs over 49 days, live in a map);
 * 12-15 sender, 16-19 recipient (interned address indexes); 20 fate code, 21 reason index,
 * 22 the router's place code, 23 whether the full path is kept.
 */
const CHUNK_BITS = 15;
const CHUNK_RECORDS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_RECORDS - 1;
const RECORD_BYTES = 24;
const NONE = 0xffffffff;

export type ByteField = 0 | 1 | 2 | 3;

export class MessageRecords {
  private readonly doubles: Float64Array[] = [];
  private readonly words: Uint32Array[] = [];
  private readonly integers: Int32Array[] = [];
  private readonly bytes: Uint8Array[] = [];
  private readonly longDelays = new Map<number, number>();
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Appends a record (not readable yet; fate, reason, place and kept 0) and returns its index. */
  push(sentAt: number, sender: number, recipient: number): number {
    const id = this.size;
    const offset = id & CHUNK_MASK;
    if (offset === 0) {
      const buffer = new ArrayBuffer(CHUNK_RECORDS * RECORD_BYTES);
      this.doubles.push(new Float64Array(buffer));
      this.words.push(new Uint32Array(buffer));
      this.integers.push(new Int32Array(buffer));
      this.bytes.push(new Uint8Array(buffer));
    }
    const chunk = id >>> CHUNK_BITS;
    this.doubles[chunk]![offset * 3] = sentAt;
    this.words[chunk]![offset * 6 + 2] = NONE;
    const integers = this.integers[chunk]!;
    integers[offset * 6 + 3] = sender;
    integers[offset * 6 + 4] = recipient;
    this.size = id + 1;
    return id;
  }

  sentAt(id: number): number {
    this.check(id);
    return this.doubles[id >>> CHUNK_BITS]![(id & CHUNK_MASK) * 3]!;
  }

  /** When the message first became readable, or NaN while it has not. */
  readable(id: number): number {
    this.check(id);
    const chunk = id >>> CHUNK_BITS;
    const offset = id & CHUNK_MASK;
    const delay = this.words[chunk]![offset * 6 + 2]!;
    if (delay !== NONE) return this.doubles[chunk]![offset * 3]! + delay;
    return this.longDelays.get(id) ?? Number.NaN;
  }

  setReadable(id: number, at: number): void {
    this.check(id);
    const chunk = id >>> CHUNK_BITS;
    const offset = id & CHUNK_MASK;
    const delay = at - this.doubles[chunk]![offset * 3]!;
    if (!(delay >= 0 && Number.isInteger(delay))) throw new RangeError(`message ${id}: readable at ${at} is not a whole millisecond after it was sent`);
    if (delay < NONE) {
      this.words[chunk]![offset * 6 + 2] = delay;
      this.longDelays.delete(id);
    } else {
      this.words[chunk]![offset * 6 + 2] = NONE;
      this.longDelays.set(id, at);
    }
  }

  sender(id: number): number {
    this.check(id);
    return this.integers[id >>> CHUNK_BITS]![(id & CHUNK_MASK) * 6 + 3]!;
  }

  recipient(id: number): number {
    this.check(id);
    return this.integers[id >>> CHUNK_BITS]![(id & CHUNK_MASK) * 6 + 4]!;
  }

  /** Byte `field` of the record: 0 fate, 1 reason, 2 place, 3 path kept. */
  byte(id: number, field: ByteField): number {
    this.check(id);
    return this.bytes[id >>> CHUNK_BITS]![(id & CHUNK_MASK) * RECORD_BYTES + 20 + field]!;
  }

  setByte(id: number, field: ByteField, value: number): void {
    this.check(id);
    this.bytes[id >>> CHUNK_BITS]![(id & CHUNK_MASK) * RECORD_BYTES + 20 + field] = value;
  }

  private check(id: number): void {
    if (!(id >= 0 && id < this.size)) throw new RangeError(`no message ${id} (there are ${this.size})`);
  }
}
