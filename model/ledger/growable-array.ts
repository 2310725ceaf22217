/**
 * A typed array that grows by doubling, for per-message columns. A large run keeps a few
 * bytes per message in these instead of one object per message (issue 6: no object per
 * message on large runs).
 */
type NumericArray = Float64Array | Int32Array | Uint8Array;

export class GrowableArray<A extends NumericArray> {
  private data: A;
  private size = 0;

  constructor(private readonly allocate: (capacity: number) => A, initialCapacity = 256) {
    this.data = allocate(Math.max(1, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  /** Appends a value and returns its index. */
  push(value: number): number {
    if (this.size === this.data.length) {
      const larger = this.allocate(this.data.length * 2);
      larger.set(this.data);
      this.data = larger;
    }
    this.data[this.size] = value;
    return this.size++;
  }

  get(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`index ${index} is outside 0..${this.size - 1}`);
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.size) throw new RangeError(`index ${index} is outside 0..${this.size - 1}`);
    this.data[index] = value;
  }

  /** Drops the first `count` values, moving the rest to the front (for queues consumed from the head). */
  dropFirst(count: number): void {
    if (count <= 0) return;
    const kept = Math.max(0, this.size - count);
    this.data.copyWithin(0, count, this.size);
    this.size = kept;
  }
}

export const growableFloat64 = (capacity?: number) => new GrowableArray((size) => new Float64Array(size), capacity);
export const growableInt32 = (capacity?: number) => new GrowableArray((size) => new Int32Array(size), capacity);
export const growableUint8 = (capacity?: number) => new GrowableArray((size) => new Uint8Array(size), capacity);
