import { describe, expect, test } from 'vitest';
import { DAY, HOUR } from '../../../sim/index.js';
import { GUIDE_STEPS, MX_PROPAGATION_WAIT, completedSteps, currentStep } from '../../../web/src/guide/steps.js';
import { MISTAKE_PRESETS } from '../../../web/src/guide/presets.js';
import { builtinScenarioNames } from '../../../scenarios/index.js';
import type { LoggedAction } from '../../../web/src/session/types.js';
import type { DashboardView } from '../../../web/src/session/view.js';

const view = (change: Partial<DashboardView['batch']> = {}, now = 0): DashboardView => ({
  now, horizon: 30 * DAY,
  batch: { status: 'None', total: 0, synced: 0, failed: 0, active: 0, stopped: 0, ...change },
  mailboxes: [],
  dns: { mxHost: 'old', mxTtl: HOUR, shareOnNewMx: 0, oldMxHost: 'old', newMxHost: 'new', autodiscoverCname: false, verificationTxtPublished: false },
  licenses: { licensed: 0, inGrace: 0, disabled: 0 },
  messages: { sent: 0, delivered: 0, deliveredLate: 0, bounced: 0, lost: 0, stranded: 0, recovered: 0, pending: 0, inFlight: 0 },
  onPremRunning: true,
  findings: [],
});
const given = (...entries: [number, LoggedAction['action']['action']][]): LoggedAction[] => entries.map(([at, action]) => ({ at, action: { action } }));
const index = (id: string) => GUIDE_STEPS.findIndex((step) => step.id === id);

describe('guided steps', () => {
  test('the article\'s order: verify, endpoint, batch, switch, then delete the batch, then decommission', () => {
    const order = ['verify-domain', 'create-endpoint', 'create-batch', 'start-batch', 'switch-mx', 'wait-propagation', 'remove-batch', 'decommission'].map(index);
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('a command step is done once the command was carried out; the first open step is current', () => {
    const done = completedSteps(view(), given([0, 'publishVerificationTxt']));
    expect(done[index('publish-txt')]).toBe(true);
    expect(done[index('verify-domain')]).toBe(false);
    expect(currentStep(done)).toBe(index('verify-domain'));
  });

  test('the wait after the switch needs both the 72 hours and a finished sync that started after them', () => {
    const log = given([0, 'switchMx']);
    const step = GUIDE_STEPS[index('wait-propagation')]!;
    expect(step.waitFor!(view({ status: 'Synced', lastSyncedAt: MX_PROPAGATION_WAIT - 1 }, MX_PROPAGATION_WAIT + HOUR), log)).toBe(false);
    expect(step.waitFor!(view({ status: 'IncrementalSyncing', lastSyncedAt: MX_PROPAGATION_WAIT + 1 }, MX_PROPAGATION_WAIT + HOUR), log)).toBe(false);
    expect(step.waitFor!(view({ status: 'Synced', lastSyncedAt: MX_PROPAGATION_WAIT + 1 }, MX_PROPAGATION_WAIT + HOUR), log)).toBe(true);
  });

  test('a wait counts as behind us once a later step is done, even when its condition no longer holds', () => {
    const done = completedSteps(view({ status: 'None' }), given([0, 'switchMx'], [1, 'removeBatch']));
    expect(done[index('wait-synced')]).toBe(true);
    expect(done[index('wait-propagation')]).toBe(true);
  });

  test('every mistake preset names a built-in scenario', () => {
    const names = builtinScenarioNames();
    expect(names).toContain('textbook');
    for (const preset of MISTAKE_PRESETS) expect(names, preset.scenario).toContain(preset.scenario);
  });
});
