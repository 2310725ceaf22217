import { isInputError, type Millis } from '../../sim/index.js';
import { BatchListPanel } from './admin/batch-list-panel.js';
import { UserDetailsPane } from './admin/user-details-pane.js';
import type { SimulationConfig } from '../../model/config.js';
import type { ActionOutcome, Finding, SimulationResult } from '../../model/result.js';
import { chartMarkers } from '../../report/chart-markers.js';
import { eventTimeline } from '../../report/event-timeline.js';
import { Player, type FrameSource } from './clock/playback.js';
import { meaningfulState, stepToMeaningful } from './clock/meaningful.js';
import { el } from './dom.js';
import { GuidePanel } from './guide/guide-panel.js';
import { GUIDED_SCENARIO } from './guide/presets.js';
import { doStep, stepSessionOf, type StepSession } from './guide/step-runner.js';
import { ActionsPanel } from './panels/actions-panel.js';
import { ChartsPanel } from './panels/charts-panel.js';
import { ConsolePanel } from './panels/console-panel.js';
import { ScenarioBar, type ScenarioChoice } from './panels/scenario-bar.js';
import { BatchPanel, DnsPanel, FindingsPanel, LicensesPanel, setClockLabel } from './panels/status-panels.js';
import { TimeControls } from './panels/time-controls.js';
import { TimelinePanel } from './panels/timeline-panel.js';
import { TracerPanel } from './panels/tracer-panel.js';
import { TrainerSession } from './session/session.js';
import { encodeShareState, type ShareState } from './session/share-state.js';
import type { AdminCommand, LoggedAction, SimulationFactory } from './session/types.js';
import type { DashboardView } from './session/view.js';
import { MailboxTable } from './table/mailbox-table.js';

export interface DashboardDependencies<Snapshot> {
  factory: SimulationFactory<Snapshot>;
  toView(snapshot: Snapshot, config: SimulationConfig): DashboardView;
  /** Built-in scenarios: name → file text. */
  scenarios: Readonly<Record<string, string>>;
  parse(text: string, fileName: string): { config: SimulationConfig; description?: string };
  renderReport(result: SimulationResult, scenarioFile: string): string;
  /** The plan checker, for the findings of a scenario whose own plan runs (the presets). */
  checkPlan?(config: SimulationConfig): Finding[];
  frames: FrameSource;
  /** Called after every redraw (tests and the share link read the state through it). */
  onChange?(dashboard: Dashboard<Snapshot>): void;
}

/** How often (in frames) the charts redraw while playing; the tables and facts redraw every frame. */
const CHART_EVERY_FRAMES = 6;

/** Wires the session, the clock and the panels together. The only stateful object of the page. */
export class Dashboard<Snapshot = unknown> {
  readonly element = el('div', { className: 'dashboard' });
  session: TrainerSession<Snapshot> | undefined;
  source: ShareState['scenario'] = { name: GUIDED_SCENARIO };
  runPlan = false;
  /** The plan checker's findings when the scenario's own plan runs: they explain what is coming. */
  private planFindings: Finding[] = [];
  private readonly player: Player;
  private frame = 0;
  private readonly bar: ScenarioBar;
  private readonly time: TimeControls;
  private readonly guide: GuidePanel;
  private readonly actions: ActionsPanel;
  private readonly batch = new BatchPanel();
  private readonly dns = new DnsPanel();
  private readonly licenses = new LicensesPanel();
  private readonly findings = new FindingsPanel();
  private readonly batches = new BatchListPanel();
  private readonly details = new UserDetailsPane();
  private readonly table = new MailboxTable((address, refocus) => this.details.open(address, this.view(), refocus));
  private readonly charts = new ChartsPanel();
  private readonly tracer: TracerPanel;
  private readonly timeline: TimelinePanel;
  readonly console: ConsolePanel;

  constructor(private readonly deps: DashboardDependencies<Snapshot>) {
    const dashboard = this;
    const clock = {
      now: () => dashboard.session?.now() ?? 0,
      get horizon() { return dashboard.session?.horizon ?? 0; },
      goTo: (time: Millis) => dashboard.session?.goTo(time),
    };
    this.player = new Player(deps.frames, clock, (playing) => {
      this.time.setPlaying(playing);
      this.render(this.frame++ % CHART_EVERY_FRAMES === 0 || !playing);
    });
    this.bar = new ScenarioBar(Object.keys(deps.scenarios).sort(), {
      load: (choice) => this.load(choice),
      exportReport: () => this.exportReport(),
      share: () => this.shareLink(),
    });
    this.time = new TimeControls({
      play: () => this.player.play(),
      pause: () => this.player.pause(),
      setSpeed: (index) => { this.player.speedIndex = index; },
      step: () => this.whilePaused(() => this.stepToMeaningful()),
      goTo: (time) => this.whilePaused(() => {
        if (time < (this.session?.now() ?? 0)) this.forgetOutcomes();
        this.session?.goTo(time);
      }),
      restart: () => this.whilePaused(() => {
        this.forgetOutcomes();
        this.session?.restart();
      }),
    });
    this.actions = new ActionsPanel((command) => this.giveAndRender(command));
    this.guide = new GuidePanel({
      doStep: (step, free) => {
        if (this.player.playing) this.player.pause();
        const report = doStep(step, this.stepSession(), free);
        this.render(true);
        return report;
      },
      startGuided: () => this.load({ source: { name: GUIDED_SCENARIO }, seed: undefined, runPlan: false }),
      loadPreset: (preset) => this.load({ source: { name: preset.scenario }, seed: undefined, runPlan: true }),
    });
    this.console = new ConsolePanel(() => this.session as TrainerSession<unknown> | undefined, () => this.render(true));
    this.timeline = new TimelinePanel((at) => this.whilePaused(() => {
      if (at < (this.session?.now() ?? 0)) this.forgetOutcomes();
      this.session?.goTo(at);
    }));
    this.tracer = new TracerPanel({
      traces: () => this.session?.simulation.result().traces ?? [],
      message: (id) => this.session?.simulation.message(id),
      startDate: () => this.session?.config.startDate,
    });
    this.element.append(
      this.bar.element,
      el('div', { className: 'columns' },
        el('div', { className: 'side' }, this.time.element, this.guide.element, this.actions.element),
        el('main', { className: 'main' },
          el('div', { className: 'row' }, this.batch.element, this.dns.element, this.licenses.element),
          this.console.element, this.batches.element, this.table.element, this.details.element, this.charts.element, this.timeline.element, this.findings.element, this.tracer.element)));
  }

  /** A link that rebuilds this exact state: the page address with the encoded state in its fragment. */
  async shareLink(): Promise<string> {
    const state = this.shareState();
    if (state === undefined) return '';
    const url = new URL(window.location.href);
    url.hash = `state=${await encodeShareState(state)}`;
    history.replaceState(null, '', url);
    return url.href;
  }

  private requireSession(): TrainerSession<Snapshot> {
    if (this.session === undefined) throw new Error('no scenario loaded');
    return this.session;
  }

  private giveAndRender(command: AdminCommand): ActionOutcome {
    const outcome = this.requireSession().act(command);
    this.render(true);
    return outcome;
  }

  private whilePaused(change: () => unknown): void {
    if (this.player.playing) this.player.pause();
    change();
    this.render(true);
  }

  private stepSession(): StepSession {
    return stepSessionOf(this.requireSession(), () => this.view());
  }

  /** "Step to next event": the next admin action, status change, DNS change or finding, not the next engine event. */
  private stepToMeaningful(): void {
    const session = this.requireSession();
    stepToMeaningful({
      horizon: session.horizon,
      now: () => session.now(),
      goTo: (time) => session.goTo(time),
      nextEventAt: () => session.simulation.nextEventAt(),
      state: () => meaningfulState(this.view(), session.log.length, session.simulation.availableActions()),
    });
  }

  /** Outcome messages and a share link describe the state they were made in; a rewind or a load drops them. */
  private forgetOutcomes(): void {
    this.guide.reset();
    this.actions.clearOutcome();
    this.bar.clearLink();
  }

  /** Shows a problem (a bad link, a bad file) in the header. */
  reportProblem(error: unknown): void {
    this.bar.setStatus(isInputError(error) ? error.describe() : `Something went wrong: ${error instanceof Error ? error.message : String(error)}`, true);
  }

  /** Loads a scenario; anything wrong with it is shown in the header, never thrown at the page. */
  load(choice: ScenarioChoice, log: readonly LoggedAction[] = [], at: Millis = 0): boolean {
    if (this.player.playing) this.player.pause();
    try {
      const fileName = 'name' in choice.source ? `${choice.source.name}.yaml` : choice.source.fileName;
      const text = 'name' in choice.source ? this.deps.scenarios[choice.source.name] : choice.source.text;
      if (text === undefined) throw new Error(`there is no built-in scenario called "${'name' in choice.source ? choice.source.name : ''}"`);
      const loaded = this.deps.parse(text, fileName);
      const config: SimulationConfig = { ...loaded.config, seed: choice.seed ?? loaded.config.seed, plan: choice.runPlan ? loaded.config.plan : [] };
      this.session = new TrainerSession(config, this.deps.factory, log);
      this.planFindings = choice.runPlan ? this.deps.checkPlan?.(config) ?? [] : [];
      if (at > 0) this.session.goTo(at);
      this.source = choice.source;
      this.runPlan = choice.runPlan;
      this.tracer.reset();
      this.details.close();
      this.forgetOutcomes();
      this.guide.setPlanMode(choice.runPlan);
      this.bar.show({ name: config.name, seed: config.seed, runPlan: choice.runPlan, ...(loaded.description ? { description: loaded.description } : {}) });
      this.bar.setStatus(`Loaded ${fileName}.`);
      this.render(true);
      return true;
    } catch (error) {
      this.reportProblem(error);
      return false;
    }
  }

  view(): DashboardView {
    const session = this.requireSession();
    const view = this.deps.toView(session.simulation.snapshot(), session.config);
    if (this.planFindings.length > 0) view.findings = [...view.findings, ...this.planFindings];
    return view;
  }

  shareState(): ShareState | undefined {
    const session = this.session;
    if (session === undefined) return undefined;
    return { scenario: this.source, seed: session.config.seed, runPlan: this.runPlan, actions: [...session.log], at: session.now() };
  }

  private exportReport(): void {
    const session = this.requireSession();
    const html = this.deps.renderReport(session.simulation.result(), 'name' in this.source ? `${this.source.name}.yaml` : this.source.fileName);
    const link = el('a', { href: URL.createObjectURL(new Blob([html], { type: 'text/html' })), download: `cutover-report-${session.config.name}.html` });
    document.body.append(link);
    link.click();
    link.remove();
    this.bar.setStatus('Report exported.');
  }

  private cachedResult: { key: string; result: SimulationResult } | undefined;

  /**
   * The result so far, for the series (when the snapshot has none), the timeline and the chart
   * markers. It costs a few hundred milliseconds on a big run: computed only when the clock stands still.
   */
  private pausedResult(session: TrainerSession<Snapshot>): SimulationResult | undefined {
    const key = `${session.generation}:${session.now()}:${session.log.length}`;
    if (this.cachedResult?.key !== key && !this.player.playing) this.cachedResult = { key, result: session.simulation.result() };
    return this.cachedResult?.result;
  }

  render(withCharts: boolean): void {
    const session = this.session;
    if (session === undefined) return;
    const view = this.view();
    setClockLabel(this.time.clock, view);
    this.batch.update(view);
    this.dns.update(view);
    this.licenses.update(view);
    this.findings.update(view);
    this.table.update(view.mailboxes, view.startDate);
    this.batches.update(view);
    this.details.update(view);
    this.actions.update(session.simulation.availableActions());
    this.guide.update(view, session.log);
    if (withCharts) {
      const result = this.pausedResult(session);
      this.charts.update(view, view.series ?? result?.series, result === undefined ? undefined : chartMarkers(result));
      if (result !== undefined) this.timeline.update(eventTimeline(result), view.startDate);
    }
    this.deps.onChange?.(this);
  }
}
