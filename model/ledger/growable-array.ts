/**
 * A typed array that grows by doubling, for per-message columns. A large run keeps a few
 * bytes per message in these instead of one object per message (issue 6: no object per
 * message on large runs).
 *
 * One class per element type, written out: a single class shared by Float64Array,
 * Int32Array and Uint8Array made every push/get site polymorphic, and V8 shares feedback
 * between classes made by one factory, so only separate code stays monomorphic (issue 9).
 */
type NumericArray = Float64Array | Int32Array | Uint8Array;

export interface GrowableArray<A extends NumericArray> {
  readonly length: number;
  /** Appends a value and returns its index. */
  push(value: number): number;
  get(index: number): number;
  set(index: number, value: number): void;
  /** Drops the first `count` values, moving the rest to the front (for queues consumed from the head). */
  dropFirst(count: number): void;
  /** The backing store, valid up to `length` (replaced when the array grows). */
  readonly raw: A;
}

const outside = (index: number, length: number): RangeError => new RangeError(`index ${index} is outside 0..${length - 1}`);

class GrowableFloat64 implements GrowableArray<Float64Array> {
  raw: Float64Array;
  length = 0;

  constructor(initialCapacity = 256) {
    this.raw = new Float64Array(Math.max(1, initialCapacity));
  }

  push(value: number): number {
    if (this.length === this.raw.length) {
      const larger = new Float64Array(this.raw.length * 2);
      larger.set(this.raw);
      this.raw = larger;
    }
    this.raw[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    if (!(index >= 0 && index < this.length)) throw outside(index, this.length);
    return this.raw[index]!;
  }

  set(index: number, value: number): void {
    if (!(index >= 0 && index < this.length)) throw outside(index, this.length);
    this.raw[index] = value;
  }

  dropFirst(count: number): void {
    if (count <= 0) return;
    this.raw.copyWithin(0, count, this.length);
    this.length = Math.max(0, this.length - count);
  }
}

class GrowableInt32 implements GrowableArray<Int32Array> {
  raw: Int32Array;
  length = 0;

  constructor(initialCapacity = 256) {
    this.raw = new Int32Array(Math.max(1, initialCapacity));
  }

  push(value: number): number {
    if (this.length === this.raw.length) {
      const larger = new Int32Array(this.raw.length * 2);
      larger.set(this.raw);
      this.raw = larger;
    }
    this.raw[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    if (!(index >= 0 && index < this.length)) throw outside(index, this.length);
    return this.raw[index]!;
  }

  set(index: number, value: number): void {
    if (!(index >= 0 && index < this.length)) throw outside(index, this.length);
    this.raw[index] = value;
  }

  dropFirst(count: number): void {
    if (count <= 0) return;
    this.raw.copyWithin(0, count, this.length);
    this.length = Math.max(0, this.length - count);
  }
}

class GrowableUint8 implements GrowableArray<Uint8Array> {
  raw: Uint8Array;
  length = 0;

  constructor(initialCapacity = 256) {
    this.raw = new Uint8Array(Math.max(1, initialCapacity));
  }

  push(value: number): number {
    if (this.length === this.raw.length) {
      const larger = new Uint8Array(this.raw.length * 2);
      larger.set(this.raw);
      this.raw = larger;
    }
    this.raw[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    if (!(index >= 0 && index < this.length)) throw outside(index, this.length);
    return this.raw[index]!;
  }

  set(index: number, value: number): void {
    if (!(index >= 0 && index < this.length)) throw outside(index, this.length);
    this.raw[index] = value;
  }

  dropFirst(count: number): void {
    if (count <= 0) return;
    this.raw.copyWithin(0, count, this.length);
    this.length = Math.max(0, this.length - count);
  }
}

export const growableFloat64 = (capacity?: number): GrowableArray<Float64Array> => new GrowableFloat64(capacity);
export const growableInt32 = (capacity?: number): GrowableArray<Int32Array> => new GrowableInt32(capacity);
export const growableUint8 = (capacity?: number): GrowableArray<Uint8Array> => new GrowableUint8(capacity);
