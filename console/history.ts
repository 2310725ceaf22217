/**
 * Up and Down through earlier lines, as PSReadLine does: Up from the input goes to the last
 * line given; editing keeps what was typed so Down past the newest returns to it.
 */
export class HistoryCursor {
  private index: number;
  private draft = '';

  constructor(private readonly lines: readonly string[]) {
    this.index = lines.length;
  }

  /** Call after each line is given. */
  reset(): void {
    this.index = this.lines.length;
    this.draft = '';
  }

  up(current: string): string {
    if (this.index === this.lines.length) this.draft = current;
    if (this.index > 0) this.index--;
    return this.lines[this.index] ?? current;
  }

  down(current: string): string {
    if (this.index >= this.lines.length) return current;
    this.index++;
    return this.index === this.lines.length ? this.draft : this.lines[this.index]!;
  }
}
