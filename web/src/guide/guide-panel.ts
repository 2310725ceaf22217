import { clear, el, panel, setText } from '../dom.js';
import type { DashboardView } from '../session/view.js';
import type { AdminCommand, LoggedAction } from '../session/types.js';
import { GUIDE_STEPS, completedSteps, currentStep, type GuideStep } from './steps.js';
import { MISTAKE_PRESETS, type MistakePreset } from './presets.js';

export interface GuideCommands {
  give(command: AdminCommand): void;
  /** Runs the clock until the condition holds (or the horizon); false when it never did. */
  runUntil(condition: (view: DashboardView, log: readonly LoggedAction[]) => boolean): boolean;
  startGuided(): void;
  loadPreset(preset: MistakePreset): void;
}

/** Guided mode: the article's steps in order, each explained, ticked off when done; and the mistake presets. */
export class GuidePanel {
  readonly element: HTMLElement;
  private readonly list = el('ol', { className: 'guide', id: 'guide-steps' });
  private readonly items: { item: HTMLLIElement; button: HTMLButtonElement; state: HTMLElement }[] = [];
  private readonly presetNote = el('p', { id: 'preset-note', className: 'preset-note', 'aria-live': 'polite' });
  private readonly planNote = el('p', { id: 'plan-note', className: 'help', text: "The scenario's own plan gives the commands here; the guided steps follow your own commands in a by-hand cutover." });

  constructor(private readonly commands: GuideCommands) {
    GUIDE_STEPS.forEach((step, index) => this.list.append(this.stepItem(step, index)));
    const start = el('button', { type: 'button', id: 'start-guided', text: 'Start a guided cutover (textbook scenario)' });
    start.addEventListener('click', () => commands.startGuided());
    const presets = el('ul', { className: 'presets' });
    for (const preset of MISTAKE_PRESETS) {
      const button = el('button', { type: 'button', 'data-preset': preset.scenario, text: preset.title });
      button.addEventListener('click', () => {
        commands.loadPreset(preset);
        setText(this.presetNote, `${preset.title}: ${preset.watch}`);
      });
      presets.append(el('li', {}, button));
    }
    this.planNote.hidden = true;
    this.element = panel('guide', 'Guided mode', start, this.planNote, this.list,
      el('h3', { text: 'Mistake presets' }),
      el('p', { className: 'help', text: 'Each loads a scenario whose own plan makes the mistake; press Play and watch.' }),
      presets, this.presetNote);
  }

  private stepItem(step: GuideStep, index: number): HTMLLIElement {
    const state = el('span', { className: 'step-state', text: 'to do' });
    const button = el('button', { type: 'button', className: 'step-do', 'data-step': step.id, text: step.command !== undefined ? 'Do this step' : 'Run until done' });
    button.addEventListener('click', () => {
      if (step.command !== undefined) this.commands.give(step.command);
      else if (step.waitFor !== undefined) this.commands.runUntil(step.waitFor);
    });
    const item = el('li', { 'data-step': step.id },
      el('h3', {}, el('span', { text: `${step.title}${step.optional ? ' (optional)' : ''}` }), ' ', state),
      el('p', { className: 'source', text: `Article: ${step.source}` }),
      el('p', { text: step.explanation }), button);
    this.items[index] = { item, button, state };
    return item;
  }

  update(view: DashboardView, log: readonly LoggedAction[]): void {
    const done = completedSteps(view, log);
    const current = currentStep(done);
    done.forEach((isDone, index) => {
      const entry = this.items[index];
      if (entry === undefined) return;
      setText(entry.state, isDone ? '✓ done' : index === current ? '→ now' : 'to do');
      entry.item.classList.toggle('done', isDone);
      entry.item.classList.toggle('current', index === current);
      if (index === current) entry.item.setAttribute('aria-current', 'step');
      else entry.item.removeAttribute('aria-current');
      entry.button.hidden = isDone;
    });
  }

  /** With the scenario's plan running, the steps (which follow the trainer's commands) are hidden. */
  setPlanMode(runPlan: boolean): void {
    this.list.hidden = runPlan;
    this.planNote.hidden = !runPlan;
    if (!runPlan) clear(this.presetNote);
  }
}
