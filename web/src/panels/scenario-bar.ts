import { el, setText } from '../dom.js';

export interface ScenarioChoice {
  /** A built-in name, or a loaded file. */
  source: { name: string } | { fileName: string; text: string };
  seed: number | undefined;
  runPlan: boolean;
}

export interface ScenarioBarCommands {
  load(choice: ScenarioChoice): void;
  exportReport(): void;
  share(): Promise<string>;
}

/** The header: which scenario, which seed, whether its plan runs; export the report; share a link. */
export class ScenarioBar {
  readonly element: HTMLElement;
  readonly title = el('p', { id: 'scenario-title', className: 'scenario-title' });
  /** The scenario's description, folded: on a projector the first screen is for the clock, the batch, the guide and the console. */
  private readonly description = el('p', { id: 'scenario-description' });
  private readonly about = el('details', { id: 'scenario-about', className: 'scenario-about' }, el('summary', { text: 'About this scenario' }), this.description);
  private readonly select = el('select', { id: 'scenario-select' });
  private readonly file = el('input', { id: 'scenario-file', type: 'file', accept: '.yaml,.yml,.json' });
  private readonly seed = el('input', { id: 'seed', type: 'number', min: 0, step: 1, placeholder: 'from file' });
  private readonly runPlan = el('input', { id: 'run-plan', type: 'checkbox' });
  private readonly link = el('input', { id: 'share-link', type: 'text', readonly: true, 'aria-label': 'Shareable link' });
  readonly status = el('p', { id: 'load-status', role: 'status', className: 'load-status' });

  constructor(names: readonly string[], private readonly commands: ScenarioBarCommands) {
    for (const name of names) this.select.append(el('option', { value: name, text: name }));
    const load = el('button', { type: 'submit', id: 'load-scenario', text: 'Load' });
    const form = el('form', { className: 'scenario-form' },
      el('label', { for: 'scenario-select', text: 'Scenario' }), this.select,
      el('label', { for: 'scenario-file', text: 'or a scenario file' }), this.file,
      el('label', { for: 'seed', text: 'Seed' }), this.seed,
      this.runPlan, el('label', { for: 'run-plan', text: "Run the scenario's own plan" }), load);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    const exportButton = el('button', { type: 'button', id: 'export-report', text: 'Export report' });
    exportButton.addEventListener('click', () => commands.exportReport());
    const shareButton = el('button', { type: 'button', id: 'share', text: 'Share link' });
    shareButton.addEventListener('click', () => {
      void commands.share().then((url) => {
        this.link.value = url;
        this.link.select();
      });
    });
    this.element = el('header', { className: 'top' },
      el('div', { className: 'title-line' }, el('h1', { text: 'Cutover twin — trainer dashboard' }), this.title, this.about,
        el('div', { className: 'share' }, exportButton, shareButton, this.link)),
      el('div', { className: 'form-line' }, form, this.status));
  }

  private async submit(): Promise<void> {
    const seedText = this.seed.value.trim();
    const seed = seedText === '' ? undefined : Number(seedText);
    const file = this.file.files?.[0];
    const source = file !== undefined ? { fileName: file.name, text: await file.text() } : { name: this.select.value };
    this.commands.load({ source, seed: Number.isSafeInteger(seed) && seed! >= 0 ? seed : undefined, runPlan: this.runPlan.checked });
  }

  show(choice: { name: string; seed: number; runPlan: boolean; description?: string }): void {
    if (Array.from(this.select.options).some((option) => option.value === choice.name)) this.select.value = choice.name;
    this.seed.value = String(choice.seed);
    this.runPlan.checked = choice.runPlan;
    setText(this.title, `${choice.name}, seed ${choice.seed}, ${choice.runPlan ? "the scenario's plan runs" : 'you give the commands'}`);
    setText(this.description, choice.description ?? '');
    this.about.hidden = !choice.description;
  }

  /** A link made before a rewind or a load no longer describes what is on screen. */
  clearLink(): void {
    this.link.value = '';
  }

  setStatus(text: string, error = false): void {
    setText(this.status, text);
    this.status.className = `load-status${error ? ' tone-bad' : ''}`;
  }
}
