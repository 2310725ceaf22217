import './styles.css';
import './admin/admin.css';
import { createSimulation } from '../../model/simulation.js';
import type { SimulationSnapshot } from '../../model/result.js';
import { renderReport } from '../../report/render.js';
import { checkPlan } from '../../model/checker/index.js';
import { parseScenario } from '../../scenarios/parse.js';
import { Dashboard } from './app.js';
import { GUIDED_SCENARIO } from './guide/presets.js';
import { toView } from './session/from-snapshot.js';
import { decodeShareState } from './session/share-state.js';
import { builtinScenarios } from './scenarios.js';

/**
 * The page's entry: the same simulation core as the CLI, run in the browser. Every path of
 * every message is kept (keepAllPaths) so the tracer can follow any message the trainer picks.
 */
const dashboard = new Dashboard<SimulationSnapshot>({
  factory: (config) => createSimulation(config, { keepAllPaths: true }),
  toView,
  scenarios: builtinScenarios(),
  parse: parseScenario,
  renderReport: (result, scenarioFile) => renderReport(result, { scenarioFile }),
  checkPlan,
  frames: { request: (callback) => requestAnimationFrame(callback), cancel: (handle) => cancelAnimationFrame(handle) },
});

const app = document.getElementById('app')!;
app.replaceChildren(dashboard.element);

async function start(): Promise<void> {
  const match = /(?:^#|&)state=([^&]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    try {
      const state = await decodeShareState(match[1]);
      dashboard.load({ source: state.scenario, seed: state.seed, runPlan: state.runPlan }, state.actions, state.at);
      return;
    } catch (error) {
      dashboard.load({ source: { name: GUIDED_SCENARIO }, seed: undefined, runPlan: false });
      dashboard.reportProblem(error);
      return;
    }
  }
  dashboard.load({ source: { name: GUIDED_SCENARIO }, seed: undefined, runPlan: false });
}

void start();
