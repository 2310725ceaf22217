/**
 * Every message's fixed-size record: 16 bytes (four 32-bit words) a message in chunks of
 * 32,768 records. A sync pass settles messages that arrived hours or days earlier, so their
 * data is cold: one small record costs one cache miss where a column per field cost one per
 * field. Chunks are never copied, so a growing run touches only the memory its records use;
 * on the reference VM first-touching fresh memory costs ~3-4 ns a byte, which is why the
 * record is kept this small.
 *
 * Words: 0 sent at, as ms after the chunk's first message (UNSET when it does not fit: kept
 * in a map); 1 first readable as a delay after sending (UNSET until then; delays of 2^32 - 1
 * ms or more, possible only in runs over 49 days, live in a map); 2 sender (low 24 bits),
 * fate (3 bits), path kept (1 bit), place (4 bits); 3 recipient (low 24 bits), reason (8 bits).
 */
const CHUNK_BITS = 15;
const CHUNK_RECORDS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_RECORDS - 1;
const UNSET = 0xffffffff;
/** Interned addresses are 24-bit indexes: 16.7 million distinct addresses per run. */
export const MAX_ADDRESSES = 1 << 24;
const ADDRESS_MASK = MAX_ADDRESSES - 1;
const FATE_SHIFT = 24;
const KEPT_SHIFT = 27;
const PLACE_SHIFT = 28;
const REASON_SHIFT = 24;
/** Largest fate code, place code and reason index a record holds. */
export const MAX_FATE = 7;
export const MAX_PLACE = 15;
export const MAX_REASON = 255;

export class MessageRecords {
  private readonly words: Uint32Array[] = [];
  /** Each chunk's first sent-at: words hold offsets from it. */
  private readonly bases: number[] = [];
  private readonly farSent = new Map<number, number>();
  private readonly longDelays = new Map<number, number>();
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Appends a record (not readable yet; fate, reason, place and kept 0) and returns its index. */
  push(sentAt: number, sender: number, recipient: number): number {
    if (!(sender >= 0 && sender < MAX_ADDRESSES && recipient >= 0 && recipient < MAX_ADDRESSES)) throw new RangeError(`message records hold address indexes below ${MAX_ADDRESSES}, got ${sender} and ${recipient}`);
    const id = this.size;
    const offset = id & CHUNK_MASK;
    if (offset === 0) {
      this.words.push(new Uint32Array(CHUNK_RECORDS * 4));
      this.bases.push(sentAt);
    }
    const chunk = id >>> CHUNK_BITS;
    const words = this.words[chunk]!;
    const at = offset << 2;
    const sinceBase = sentAt - this.bases[chunk]!;
    if (sinceBase >= 0 && sinceBase < UNSET && Number.isInteger(sinceBase)) words[at] = sinceBase;
    else {
      words[at] = UNSET;
      this.farSent.set(id, sentAt);
    }
    words[at + 1] = UNSET;
    words[at + 2] = sender;
    words[at + 3] = recipient;
    this.size = id + 1;
    return id;
  }

  sentAt(id: number): number {
    this.check(id);
    const chunk = id >>> CHUNK_BITS;
    const sinceBase = this.words[chunk]![(id & CHUNK_MASK) << 2]!;
    return sinceBase !== UNSET ? this.bases[chunk]! + sinceBase : this.farSent.get(id)!;
  }

  /** When the message first became readable, or NaN while it has not. */
  readable(id: number): number {
    const delay = this.word(id, 1);
    if (delay !== UNSET) return this.sentAt(id) + delay;
    return this.longDelays.get(id) ?? Number.NaN;
  }

  setReadable(id: number, at: number): void {
    const delay = at - this.sentAt(id);
    if (!(delay >= 0 && Number.isInteger(delay))) throw new RangeError(`message ${id}: readable at ${at} is not a whole millisecond after it was sent`);
    if (delay < UNSET) {
      this.setWord(id, 1, delay);
      this.longDelays.delete(id);
    } else {
      this.setWord(id, 1, UNSET);
      this.longDelays.set(id, at);
    }
  }

  /**
   * Marks the message readable at `at` unless it already is, in one pass over its record;
   * returns how long after sending it became readable (the earlier time when already set).
   */
  markReadable(id: number, at: number): number {
    const delay = this.word(id, 1);
    if (delay !== UNSET) return delay;
    const longDelay = this.longDelays.get(id);
    const sentAt = this.sentAt(id);
    if (longDelay !== undefined) return longDelay - sentAt;
    this.setReadable(id, at);
    return at - sentAt;
  }

  sender(id: number): number {
    return this.word(id, 2) & ADDRESS_MASK;
  }

  recipient(id: number): number {
    return this.word(id, 3) & ADDRESS_MASK;
  }

  /** The fate code (0 while the message has none). */
  fate(id: number): number {
    return (this.word(id, 2) >>> FATE_SHIFT) & MAX_FATE;
  }

  /** Gives the message its fate code and reason index at once; returns the fate code it had (0 when none). */
  settle(id: number, code: number, reason: number): number {
    if (!(code >= 1 && code <= MAX_FATE && reason >= 0 && reason <= MAX_REASON)) throw new RangeError(`message ${id}: fate ${code} or reason ${reason} out of range`);
    const at = this.index(id);
    const words = this.words[id >>> CHUNK_BITS]!;
    const flags = words[at + 2]!;
    const previous = (flags >>> FATE_SHIFT) & MAX_FATE;
    if (previous !== 0) return previous;
    words[at + 2] = (flags | (code << FATE_SHIFT)) >>> 0;
    words[at + 3] = ((words[at + 3]! & ADDRESS_MASK) | (reason << REASON_SHIFT)) >>> 0;
    return 0;
  }

  kept(id: number): boolean {
    return ((this.word(id, 2) >>> KEPT_SHIFT) & 1) === 1;
  }

  setKept(id: number, kept: boolean): void {
    this.setBits(id, 2, KEPT_SHIFT, 1, kept ? 1 : 0);
  }

  /** The router's place code (0-15). */
  place(id: number): number {
    return this.word(id, 2) >>> PLACE_SHIFT;
  }

  setPlace(id: number, code: number): void {
    this.setBits(id, 2, PLACE_SHIFT, MAX_PLACE, code);
  }

  reason(id: number): number {
    return this.word(id, 3) >>> REASON_SHIFT;
  }

  private word(id: number, word: number): number {
    return this.words[id >>> CHUNK_BITS]![this.index(id) + word]!;
  }

  /** The record's first word within its chunk, once the id is known to exist. */
  private index(id: number): number {
    this.check(id);
    return (id & CHUNK_MASK) << 2;
  }

  private setWord(id: number, word: number, value: number): void {
    this.words[id >>> CHUNK_BITS]![((id & CHUNK_MASK) << 2) + word] = value;
  }

  private setBits(id: number, word: number, shift: number, mask: number, value: number): void {
    if (!(value >= 0 && value <= mask && Number.isInteger(value))) throw new RangeError(`message ${id}: ${value} does not fit in ${mask.toString(2).length} bits`);
    const current = this.word(id, word);
    this.setWord(id, word, ((current & ~(mask << shift)) | (value << shift)) >>> 0);
  }

  private check(id: number): void {
    if (!(id >= 0 && id < this.size)) throw new RangeError(`no message ${id} (there are ${this.size})`);
  }
}
