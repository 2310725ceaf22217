import type { MessageFate, MessageTrace } from '../../../model/result.js';
import { clear, el, panel, setText } from '../dom.js';
import { formatSpan, formatTime } from '../format.js';
import { hopWords } from './hop-words.js';

export interface TracerSource {
  /** Messages whose path is known so far (all of them: the dashboard keeps every path). */
  traces(): readonly MessageTrace[];
  message(id: number): MessageTrace | undefined;
  startDate(): string | undefined;
}

const LIST_LIMIT = 300;

/** Pick any message and see its path, its fate and the reason. */
export class TracerPanel {
  readonly element: HTMLElement;
  private readonly fate = el('select', { id: 'tracer-fate' });
  private readonly choice = el('select', { id: 'tracer-message' });
  private readonly output = el('div', { id: 'tracer-output', 'aria-live': 'polite' });

  constructor(private readonly source: TracerSource) {
    for (const [value, label] of [['', 'any fate'], ['lost', 'lost'], ['bounced', 'bounced'], ['stranded', 'stranded on-prem'], ['pending', 'pending'], ['recovered', 'recovered'], ['deliveredLate', 'delivered late'], ['delivered', 'delivered']]) {
      this.fate.append(el('option', { value, text: label }));
    }
    const find = el('button', { type: 'button', id: 'tracer-find', text: 'List messages' });
    find.addEventListener('click', () => this.list());
    const show = el('button', { type: 'button', id: 'tracer-show', text: 'Trace' });
    show.addEventListener('click', () => this.show());
    this.element = panel('tracer', 'Message tracer',
      el('div', { className: 'tracer-tools' },
        el('label', { for: 'tracer-fate', text: 'Fate' }), this.fate, find,
        el('label', { for: 'tracer-message', text: 'Message' }), this.choice, show),
      this.output);
  }

  list(): number {
    const wanted = this.fate.value as MessageFate | '';
    const matches = this.source.traces().filter((trace) => wanted === '' || trace.fate === wanted).slice(0, LIST_LIMIT);
    clear(this.choice);
    for (const trace of matches) {
      const label = `#${trace.id} ${trace.label ?? ''} ${trace.from} → ${trace.to} (${trace.fate})`.replace(/\s+/g, ' ');
      this.choice.append(el('option', { value: trace.id, text: label }));
    }
    if (matches.length === 0) this.choice.append(el('option', { value: '', text: 'no messages match yet' }));
    return matches.length;
  }

  show(): void {
    clear(this.output);
    const id = Number(this.choice.value);
    const trace = this.choice.value === '' ? undefined : this.source.message(id);
    if (trace === undefined) {
      this.output.append(el('p', { text: 'Pick a message first (List messages).' }));
      return;
    }
    const start = this.source.startDate();
    const tone = trace.fate === 'lost' || trace.fate === 'bounced' || trace.fate === 'stranded' ? 'tone-bad' : trace.fate === 'deliveredLate' || trace.fate === 'pending' ? 'tone-warn' : 'tone-good';
    this.output.append(
      el('p', {}, el('strong', { className: tone, text: trace.fate }), ` — ${trace.reason}`),
      el('p', { text: `From ${trace.from} to ${trace.to}, sent ${formatTime(trace.sentAt, start)}${trace.latency === undefined ? '' : `, took ${formatSpan(trace.latency)}`}.` }));
    const path = el('ol', { className: 'path' });
    for (const hop of trace.path) path.append(el('li', {}, el('code', { text: formatTime(hop.at, start) }), ` ${hopWords(hop)}`));
    this.output.append(path);
  }

  reset(): void {
    clear(this.choice);
    clear(this.output);
    setText(this.output, '');
  }
}
