/** Maps strings (addresses, reasons) to small integers so per-message columns hold numbers, not strings. */
export class Interner {
  private readonly indexes = new Map<string, number>();
  private readonly values: string[] = [];

  /** The index of `value`, adding it on first sight. */
  intern(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }

  value(index: number): string {
    const value = this.values[index];
    if (value === undefined) throw new RangeError(`no interned value at ${index}`);
    return value;
  }

  get size(): number {
    return this.values.length;
  }
}
