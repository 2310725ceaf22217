import type { Millis } from '../../../sim/index.js';
import type { TimelineEvent } from '../../../report/event-timeline.js';
import { clear, el, panel, setText } from '../dom.js';
import { formatTime } from '../format.js';

/** Entries shown at most (the latest ones): a long run has thousands of refused clicks at worst. */
const SHOWN = 200;

/**
 * The event timeline (report/event-timeline.ts, the same entries as the report): admin
 * actions, DNS changes, batch and user statuses, findings. Clicking an entry moves the clock
 * to it (the session rewinds exactly).
 */
export class TimelinePanel {
  readonly element: HTMLElement;
  private readonly list = el('ol', { id: 'timeline-list', className: 'timeline' });
  private readonly note = el('p', { className: 'hint', id: 'timeline-note' });
  private shownKey = '';

  constructor(private readonly goTo: (at: Millis) => void) {
    this.element = panel('timeline', 'Event timeline', this.note, this.list);
  }

  /** Redraws only when the entries changed, so clicks are not lost to a redraw. */
  update(events: readonly TimelineEvent[], startDate: string | undefined): void {
    const shown = events.slice(-SHOWN);
    const key = `${startDate ?? ''}|${shown.map((event) => `${event.at}:${event.what}`).join('|')}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    clear(this.list);
    setText(this.note, events.length === 0 ? 'Nothing has happened yet.' : `${events.length} events${events.length > SHOWN ? ` (the last ${SHOWN} shown)` : ''}; click one to move the clock there.`);
    for (const event of shown) {
      const button = el('button', { type: 'button', className: `timeline-entry kind-${event.kind}${event.bad ? ' tone-bad' : ''}`, 'data-at': event.at, title: event.detail },
        el('code', { text: formatTime(event.at, startDate) }), ' ', el('span', { className: 'kind', text: event.kind }), ' ', event.what);
      button.addEventListener('click', () => this.goTo(event.at));
      this.list.append(el('li', {}, button, event.detail === '' ? undefined : el('span', { className: 'timeline-detail', text: event.detail })));
    }
  }
}
