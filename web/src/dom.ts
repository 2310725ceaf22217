/**
 * The few DOM helpers the panels share. Text always goes in through textContent, never
 * innerHTML, so a scenario string (a display name, a file name) can never become markup.
 */
type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else if (name === 'className') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A titled panel section, labelled by its heading for screen readers. */
export function panel(id: string, title: string, ...children: Child[]): HTMLElement {
  const heading = el('h2', { id: `${id}-title`, text: title });
  return el('section', { id, className: 'panel', 'aria-labelledby': `${id}-title` }, heading, ...children);
}

/** Sets text only when it changed, so a 60 fps redraw does not churn the DOM. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * A value's words as nodes: each word a nowrap span, the spaces between them text. A narrow
 * cell then wraps only between words, never inside one (not at a hyphen of "on-prem" or
 * of a host name either); a word wider than its cell overflows instead of breaking.
 */
export function wordNodes(text: string): Node[] {
  return text.split(/(\s+)/).filter((part) => part !== '')
    .map((part) => (/^\s+$/.test(part) ? document.createTextNode(part) : el('span', { className: 'word', text: part })));
}

/** Sets a value's text as words (see wordNodes), only when it changed. */
export function setWords(element: Element, text: string): void {
  if (element.textContent !== text) element.replaceChildren(...wordNodes(text));
}

/** A definition list of label → value cells, updated in place. */
export class Facts {
  readonly element = el('dl', { className: 'facts' });
  private readonly cells = new Map<string, HTMLElement>();

  constructor(labels: Record<string, string>) {
    for (const [key, label] of Object.entries(labels)) {
      const value = el('dd', { 'data-fact': key, text: '—' });
      this.cells.set(key, value);
      this.element.append(el('div', {}, el('dt', { text: label }), value));
    }
  }

  set(key: string, text: string, tone?: 'good' | 'bad' | 'warn'): void {
    const cell = this.cells.get(key);
    if (cell === undefined) return;
    setWords(cell, text);
    const className = tone === undefined ? '' : `tone-${tone}`;
    if (cell.className !== className) cell.className = className;
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.firstChild.remove();
}
