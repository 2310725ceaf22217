import { clear, el, setText, wordNodes } from '../dom.js';
import type { DashboardView } from '../session/view.js';
import { findUser, userDetailFields } from './admin-views.js';

/**
 * The admin center's per-user details pane (MUSR): opens beside the page when a mailbox row is
 * clicked (or Enter is pressed on it), follows the clock while open, and closes with its button
 * or Escape, giving focus back to the row. Every figure is the model's Get-MigrationUserStatistics.
 */
export class UserDetailsPane {
  private readonly title = el('h2', { id: 'user-details-title', tabindex: -1, text: 'Migration user' });
  private readonly subtitle = el('p', { id: 'user-details-address', className: 'help' });
  private readonly list = el('dl', { className: 'facts details' });
  private readonly closeButton = el('button', { type: 'button', id: 'user-details-close', text: 'Close', 'aria-label': 'Close the user details' });
  readonly element = el('aside', { id: 'user-details', className: 'panel details-pane', role: 'dialog', 'aria-labelledby': 'user-details-title', hidden: true },
    el('div', { className: 'details-head' }, this.title, this.closeButton), this.subtitle, this.list);
  private address: string | undefined;
  private returnFocus: (() => void) | undefined;
  private shown = '';

  constructor() {
    this.closeButton.addEventListener('click', () => this.close());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });
  }

  get openAddress(): string | undefined {
    return this.address;
  }

  open(address: string, view: DashboardView, returnFocus?: () => void): void {
    this.address = address;
    this.returnFocus = returnFocus;
    this.element.hidden = false;
    this.shown = '';
    this.update(view);
    this.title.focus();
  }

  close(): void {
    if (this.address === undefined) return;
    this.address = undefined;
    this.element.hidden = true;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    back?.();
  }

  update(view: DashboardView): void {
    if (this.address === undefined) return;
    const user = findUser(view.migrationStatistics, this.address);
    const row = view.mailboxes.find((entry) => entry.address.toLowerCase() === this.address!.toLowerCase());
    setText(this.title, row?.displayName ?? this.address);
    setText(this.subtitle, this.address);
    const fields = user === undefined ? [] : userDetailFields(user, view.startDate);
    const key = JSON.stringify(fields);
    if (key === this.shown) return;
    this.shown = key;
    clear(this.list);
    if (user === undefined) {
      this.list.append(el('div', {}, el('dt', { text: 'Status' }), el('dd', { text: 'Not a migration user in this run' })));
      return;
    }
    for (const field of fields) {
      this.list.append(el('div', { className: field.field === 'ErrorSummary' ? 'wide' : undefined },
        el('dt', { text: field.label }),
        el('dd', { 'data-field': field.field, className: field.tone === undefined ? undefined : `tone-${field.tone}` }, ...wordNodes(field.text))));
    }
  }
}
