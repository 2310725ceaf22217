import { describe, expect, test } from 'vitest';
import { createSimulation } from '../../../model/simulation.js';
import type { SimulationSnapshot } from '../../../model/result.js';
import { doStep, stepSessionOf, type StepSession } from '../../../web/src/guide/step-runner.js';
import { GUIDE_STEPS } from '../../../web/src/guide/steps.js';
import { cutoverSummary } from '../../../web/src/guide/summary.js';
import { toView } from '../../../web/src/session/from-snapshot.js';
import { TrainerSession } from '../../../web/src/session/session.js';
import { smallConfig } from '../../fixtures/config.js';

function stepSession() {
  const session = new TrainerSession<SimulationSnapshot>(smallConfig({ plan: [] }), (config) => createSimulation(config));
  const steps: StepSession = stepSessionOf(session, () => toView(session.simulation.snapshot(), session.config));
  const run = (id: string, free = false) => doStep(GUIDE_STEPS.find((step) => step.id === id)!, steps, free);
  return { session, steps, run };
}

describe('"Do this step"', () => {
  test('verifying right after publishing waits, in simulated time, until DNS shows the record, and says so', () => {
    const { session, run } = stepSession();
    expect(run('publish-txt').result).toBe('done');
    const report = run('verify-domain');
    expect(report.result).toBe('done');
    expect(report.text).toMatch(/^Waited \d+m for the TXT record to be seen by DNS .* Done at T\+\d+m/);
    expect(session.now()).toBeGreaterThan(0);
    expect(session.now()).toBeLessThanOrEqual(session.config.tenant.verificationPropagation + 60_000);
  });

  test('in free mode the command is given at once, and refused at once', () => {
    const { session, run } = stepSession();
    run('publish-txt', true);
    const report = run('verify-domain', true);
    expect(report.result).toBe('blocked');
    expect(report.text).toMatch(/^Refused at T\+0: /);
    expect(session.now()).toBe(0);
  });

  test('a step time cannot help is refused with the reason, without moving the clock or logging anything', () => {
    const { session, run } = stepSession();
    const report = run('create-batch');
    expect(report.result).toBe('blocked');
    expect(report.text).toMatch(/^(Not possible yet|Refused at T\+0): .*endpoint/i);
    expect(session.now()).toBe(0);
    expect(session.log).toEqual([]);
  });

  test('decommission waits for the batch removal to finish; a wait step stops when the batch is stopped', () => {
    const { session, run } = stepSession();
    for (const id of ['publish-txt', 'verify-domain', 'create-endpoint', 'create-batch', 'start-batch', 'wait-synced', 'switch-mx', 'remove-batch']) expect(run(id).result, id).toBe('done');
    expect(session.simulation.snapshot().batch.status).toBe('Removing');
    const decommission = run('decommission');
    expect(decommission.text).toMatch(/^Waited \d+m for the batch removal to finish/);
    expect(session.simulation.snapshot().batch.status).toBe('Deleted');

    const stopped = stepSession();
    for (const id of ['publish-txt', 'verify-domain', 'create-endpoint', 'create-batch', 'start-batch']) stopped.run(id);
    // A starting batch cannot be stopped (the service refuses until it is Syncing): stop it once it syncs.
    while (stopped.session.simulation.snapshot().batch.status !== 'Syncing' && stopped.session.now() < stopped.session.horizon) stopped.session.goTo(stopped.session.now() + 60_000);
    expect(stopped.session.act({ action: 'stopBatch' }).outcome).toBe('done');
    stopped.session.goTo(stopped.session.now() + 3_600_000);
    const wait = stopped.run('wait-synced');
    expect(wait.result).toBe('blocked');
    expect(wait.text).toContain('the batch is stopped');
    expect(stopped.session.now()).toBeLessThan(stopped.session.horizon);
  });
});

describe('the end-of-cutover summary', () => {
  test('counts what was lost or bounced and gives each cause with its fix, errors first', () => {
    const { session, run } = stepSession();
    for (const id of ['publish-txt', 'verify-domain', 'create-endpoint', 'create-batch', 'start-batch', 'wait-synced']) run(id);
    session.goTo(session.horizon);
    const summary = cutoverSummary(toView(session.simulation.snapshot(), session.config));
    expect(summary.headline).toMatch(/mailboxes synced/);
    // Nobody licensed the mailboxes in 8 days (grace 30 days), nor switched the MX: the findings say what to fix.
    for (const cause of summary.causes) expect(cause.fix.length).toBeGreaterThan(10);
    const severities = session.simulation.snapshot().findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.severity);
    expect(summary.causes).toHaveLength(severities.length);
  });
});
