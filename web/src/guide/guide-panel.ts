import { clear, el, panel, setText } from '../dom.js';
import type { DashboardView } from '../session/view.js';
import type { LoggedAction } from '../session/types.js';
import { GUIDE_STEPS, completedSteps, currentStep, type GuideStep } from './steps.js';
import { MISTAKE_PRESETS, type MistakePreset } from './presets.js';
import type { StepReport } from './step-runner.js';
import { cutoverSummary } from './summary.js';

export interface GuideCommands {
  /** Carries out a step (waiting in simulated time in guided mode) and says what happened. */
  doStep(step: GuideStep, free: boolean): StepReport;
  startGuided(): void;
  loadPreset(preset: MistakePreset): void;
}

/**
 * Guided mode: the article's steps in order, each explained, ticked off when done. Steps
 * unlock one at a time; free mode unlocks them all and gives commands at once, so a class can
 * make a mistake on purpose. When the cutover is over, a summary says what was lost or late,
 * why, and the fix for each cause.
 */
export class GuidePanel {
  readonly element: HTMLElement;
  private readonly list = el('ol', { className: 'guide', id: 'guide-steps' });
  private readonly items: { item: HTMLLIElement; button: HTMLButtonElement; state: HTMLElement }[] = [];
  private readonly presetNote = el('p', { id: 'preset-note', className: 'preset-note', 'aria-live': 'polite' });
  private readonly planNote = el('p', { id: 'plan-note', className: 'help', text: "The scenario's own plan gives the commands here; the guided steps follow your own commands in a by-hand cutover." });
  private readonly free = el('input', { id: 'guide-free', type: 'checkbox' });
  private readonly status = el('p', { id: 'guide-status', className: 'guide-status', role: 'status', 'aria-live': 'polite' });
  private readonly summary = el('section', { id: 'cutover-summary', className: 'cutover-summary', 'aria-labelledby': 'cutover-summary-title' });
  private readonly freeRow: HTMLElement;
  private shownCurrent = -1;

  constructor(private readonly commands: GuideCommands) {
    GUIDE_STEPS.forEach((step, index) => this.list.append(this.stepItem(step, index)));
    const start = el('button', { type: 'button', id: 'start-guided', text: 'Start a guided cutover (textbook scenario)' });
    start.addEventListener('click', () => commands.startGuided());
    const presets = el('ul', { className: 'presets' });
    for (const preset of MISTAKE_PRESETS) {
      const button = el('button', { type: 'button', 'data-preset': preset.scenario, text: preset.title });
      button.addEventListener('click', () => {
        commands.loadPreset(preset);
        setText(this.presetNote, `${preset.title}: ${preset.watch} Fix: ${preset.fix}`);
      });
      presets.append(el('li', {}, button));
    }
    this.planNote.hidden = true;
    this.summary.hidden = true;
    this.free.addEventListener('change', () => this.list.classList.toggle('free', this.free.checked));
    this.freeRow = el('p', { className: 'guide-mode' }, this.free, el('label', { for: 'guide-free', text: 'Free mode: any step, any time, no waiting (mistakes allowed on purpose)' }));
    // The steps come first, right under the heading, so the current one is on the first screen.
    this.element = panel('guide', 'Guided mode', this.planNote, this.status, this.list, this.freeRow, this.summary, start,
      el('h3', { text: 'Mistake presets' }),
      el('p', { className: 'help', text: 'Each loads a scenario whose own plan makes the mistake; press Play and watch.' }),
      presets, this.presetNote);
  }

  private stepItem(step: GuideStep, index: number): HTMLLIElement {
    const state = el('span', { className: 'step-state', text: 'to do' });
    const button = el('button', { type: 'button', className: 'step-do', 'data-step': step.id, text: step.command !== undefined ? 'Do this step' : 'Run until done' });
    button.addEventListener('click', () => {
      const report = this.commands.doStep(step, this.free.checked);
      setText(this.status, `${step.title}: ${report.text}`);
      this.status.className = `guide-status ${report.result === 'done' ? 'tone-good' : 'tone-bad'}`;
    });
    const item = el('li', { 'data-step': step.id },
      el('h3', {}, el('span', { text: `${step.title}${step.optional ? ' (optional)' : ''}` }), ' ', state),
      el('p', { className: 'source', text: `Article: ${step.source}` }),
      el('p', { className: 'explanation', text: step.explanation }), button);
    this.items[index] = { item, button, state };
    return item;
  }

  update(view: DashboardView, log: readonly LoggedAction[]): void {
    const done = completedSteps(view, log);
    const current = currentStep(done);
    const free = this.free.checked;
    done.forEach((isDone, index) => {
      const entry = this.items[index];
      if (entry === undefined) return;
      // Optional steps do not hold the next one back: the first open required step and any open optional step before it are unlocked.
      const locked = !free && !isDone && index > current && GUIDE_STEPS.slice(current, index).some((step, offset) => !done[current + offset] && !step.optional);
      setText(entry.state, isDone ? '✓ done' : index === current ? '→ now' : locked ? '🔒 locked' : 'to do');
      entry.item.classList.toggle('done', isDone);
      entry.item.classList.toggle('current', index === current);
      entry.item.classList.toggle('locked', locked);
      if (index === current) entry.item.setAttribute('aria-current', 'step');
      else entry.item.removeAttribute('aria-current');
      entry.button.hidden = isDone;
      entry.button.disabled = locked;
      entry.button.title = locked ? 'Do the steps before this one first (or tick free mode)' : '';
    });
    this.scrollTo(current);
    const required = GUIDE_STEPS.every((step, index) => done[index] || step.optional);
    this.showSummary(required || view.now >= view.horizon ? view : undefined);
  }

  /**
   * The list scrolls inside its panel (the page stays short on a projector): when the current
   * step changes it is brought into the list's view. Only the list scrolls, never the page.
   */
  private scrollTo(current: number): void {
    if (current === this.shownCurrent) return;
    this.shownCurrent = current;
    const item = this.items[current]?.item;
    if (item === undefined) return;
    // A little of the step before stays in sight, unless the current step needs the room.
    const above = Math.max(0, Math.min(this.list.clientHeight / 4, this.list.clientHeight - item.offsetHeight));
    this.list.scrollTop = Math.max(0, item.offsetTop - above);
  }

  private showSummary(view: DashboardView | undefined): void {
    this.summary.hidden = view === undefined;
    if (view === undefined) return;
    const summary = cutoverSummary(view);
    const key = JSON.stringify(summary);
    if (this.summary.dataset.key === key) return;
    this.summary.dataset.key = key;
    clear(this.summary);
    this.summary.append(el('h3', { id: 'cutover-summary-title', text: 'End of the cutover' }), el('p', { className: 'headline', text: summary.headline }));
    if (summary.messageCauses.length > 0) {
      const messages = el('ul', { className: 'message-causes' });
      for (const row of summary.messageCauses) messages.append(el('li', {}, el('p', { text: row.text }), ...(row.fix === undefined ? [] : [el('p', { className: 'fix', text: `Fix: ${row.fix}` })])));
      this.summary.append(el('p', { text: 'Why messages were not simply delivered:' }), messages);
    }
    if (summary.causes.length === 0) {
      this.summary.append(el('p', { text: 'No finding: every step came in time.' }));
      return;
    }
    const causes = el('ol', { className: 'causes' });
    for (const cause of summary.causes) causes.append(el('li', {}, el('p', { text: cause.text }), el('p', { className: 'fix', text: `Fix: ${cause.fix}` })));
    this.summary.append(causes);
  }

  /** A new scenario or a rewind: outcome messages of the old one would mislead. */
  reset(): void {
    clear(this.status);
    this.status.className = 'guide-status';
  }

  /** With the scenario's plan running, the steps (which follow the trainer's commands) are hidden. */
  setPlanMode(runPlan: boolean): void {
    this.list.hidden = runPlan;
    this.shownCurrent = -1;
    this.freeRow.hidden = runPlan;
    this.planNote.hidden = !runPlan;
    if (!runPlan) clear(this.presetNote);
  }
}
