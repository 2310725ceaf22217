import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../../model/simulation.js';
import type { SimulationSnapshot } from '../../../model/result.js';
import { loadScenario } from '../../../scenarios/index.js';
import { GUIDED_SCENARIO } from '../../../web/src/guide/presets.js';
import { doStep, stepSessionOf, type StepSession } from '../../../web/src/guide/step-runner.js';
import { GUIDE_STEPS } from '../../../web/src/guide/steps.js';
import { toView } from '../../../web/src/session/from-snapshot.js';
import { TrainerSession } from '../../../web/src/session/session.js';

/** The guide teaches the textbook: every action of its plan is a step, and following the steps is as clean as the plan. */
describe('the guided cutover and the textbook scenario', () => {
  const { config } = loadScenario(GUIDED_SCENARIO);

  test('every action of the textbook\'s plan is a guide step', () => {
    const guided = new Set(GUIDE_STEPS.flatMap((step) => (step.command === undefined ? [] : [step.command.action])));
    const missing = config.plan.map((action) => action.action).filter((action) => !guided.has(action));
    expect(missing).toEqual([]);
  });

  test('doing every step on the textbook without its plan loses, bounces and leaves pending nothing, with no finding', () => {
    const session = new TrainerSession<SimulationSnapshot>({ ...config, plan: [] }, (next) => createSimulation(next));
    const steps: StepSession = stepSessionOf(session, () => toView(session.simulation.snapshot(), session.config));
    for (const step of GUIDE_STEPS) expect(doStep(step, steps, false).result, step.id).toBe('done');
    session.goTo(session.horizon);
    const snapshot = session.simulation.snapshot();
    expect(snapshot.batch.status).toBe('Deleted');
    expect(snapshot.messages.delivered).toBeGreaterThan(1000);
    expect({ lost: snapshot.messages.lost, bounced: snapshot.messages.bounced, stranded: snapshot.messages.stranded, pending: snapshot.messages.pending, inFlight: snapshot.messages.inFlight })
      .toEqual({ lost: 0, bounced: 0, stranded: 0, pending: 0, inFlight: 0 });
    expect(snapshot.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.rule)).toEqual([]);
  }, 60_000);
});
