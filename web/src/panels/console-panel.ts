import { HistoryCursor, MigrationConsole, commonPrefix, complete, sessionTarget, type ConsoleTarget } from '../../../console/index.js';
import { el, panel } from '../dom.js';
import type { TrainerSession } from '../session/session.js';

/** Lines of output kept on screen: a long session scrolls, the page does not grow. */
const MAX_OUTPUT_CHARS = 60_000;

/**
 * The migration PowerShell console: a prompt and what it printed. Commands run against the
 * trainer's session through its one action layer, the same as the buttons; `changed` redraws
 * the dashboard after each line. Tab completes, Up and Down walk the history.
 */
export class ConsolePanel {
  readonly element: HTMLElement;
  private readonly output = el('pre', { id: 'console-output', className: 'console-output', 'aria-live': 'polite', tabindex: 0 });
  private readonly input = el('input', { id: 'console-input', type: 'text', spellcheck: 'false', autocomplete: 'off', 'aria-label': 'PowerShell command', placeholder: 'Get-MigrationBatch   (Tab completes; Get-Command lists the cmdlets)' });
  private readonly console: MigrationConsole;
  private readonly cursor: HistoryCursor;
  private target: { session: TrainerSession<unknown>; target: ConsoleTarget } | undefined;
  private cycle: { line: string; candidates: string[]; index: number; start: number } | undefined;

  constructor(private readonly session: () => TrainerSession<unknown> | undefined, private readonly changed: () => void) {
    this.console = new MigrationConsole(() => this.currentTarget(), { width: 110 });
    this.cursor = new HistoryCursor(this.console.history);
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    const form = el('form', { className: 'console-prompt' }, el('label', { for: 'console-input', text: 'PS>' }), this.input);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.element = panel('console', 'Exchange Online PowerShell (simulated)', this.output, form,
      el('p', { className: 'help' }, 'Commands and buttons are the same actions: both are refused for the same reasons and both go into the share link and the event log. ',
        el('code', { className: 'word', text: 'Wait-Time 2h' }), ' lets simulated time pass.'));
  }

  /** The session's console target, rebuilt when the dashboard loads another scenario or rewinds. */
  private currentTarget(): ConsoleTarget | undefined {
    const session = this.session();
    if (session === undefined) return undefined;
    if (this.target?.session !== session) this.target = { session, target: sessionTarget(session) };
    return this.target.target;
  }

  /** Runs a line as if typed (the guide and tests use it too). */
  run(line: string): void {
    const reply = this.console.run(line);
    if (reply.clear) this.output.textContent = '';
    this.append(`PS> ${line}\n${reply.output === '' ? '' : `${reply.output}\n`}`, reply.error);
    this.cursor.reset();
    this.changed();
  }

  private submit(): void {
    const line = this.input.value;
    this.input.value = '';
    this.cycle = undefined;
    this.run(line);
  }

  private append(text: string, error: boolean): void {
    const block = el('span', { className: error ? 'console-error' : 'console-block', text });
    this.output.append(block);
    while ((this.output.textContent?.length ?? 0) > MAX_OUTPUT_CHARS && this.output.firstChild !== null) this.output.firstChild.remove();
    this.output.scrollTop = this.output.scrollHeight;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Tab') {
      event.preventDefault();
      this.completeNow(event.shiftKey ? -1 : 1);
      return;
    }
    if (event.key !== 'Shift') this.cycle = undefined;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      this.input.value = this.cursor.up(this.input.value);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.input.value = this.cursor.down(this.input.value);
    }
  }

  /** First Tab fills in what all candidates share; further Tabs cycle through them, as PowerShell does. */
  private completeNow(direction: 1 | -1): void {
    if (this.cycle !== undefined && this.input.value === this.cycle.line) {
      const { candidates, start } = this.cycle;
      this.cycle.index = (this.cycle.index + direction + candidates.length) % candidates.length;
      this.input.value = `${this.input.value.slice(0, start)}${candidates[this.cycle.index]}`;
      this.cycle.line = this.input.value;
      return;
    }
    const line = this.input.value;
    const cursor = this.input.selectionStart ?? line.length;
    const found = complete(this.console, line, cursor, this.currentTarget());
    if (found.candidates.length === 0) return;
    const typed = line.slice(found.start, cursor);
    const shared = commonPrefix(found.candidates);
    const fill = found.candidates.length === 1 ? found.candidates[0]! : shared.length > typed.length ? shared : found.candidates[0]!;
    this.input.value = `${line.slice(0, found.start)}${fill}${line.slice(cursor)}`;
    this.cycle = { line: this.input.value, candidates: found.candidates, index: Math.max(0, found.candidates.indexOf(fill)), start: found.start };
  }
}
