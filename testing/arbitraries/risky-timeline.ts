import fc from 'fast-check';
import { DAY, HOUR, MINUTE } from '../../sim/index.js';
import type { ActionTiming, PlannedAction } from '../../model/config.js';
import { TEXTBOOK_TIMELINE } from './textbook-timeline.js';
import { timelineAround, type TimelineOptions } from './timeline.js';

/**
 * Timelines with one of the mistakes that lose mail in a real cutover (issue 20), then the
 * usual mutations: the batch deleted soon after the switch, the server decommissioned early,
 * the switch before the initial sync, licenses never assigned, Outlook left on-prem, the
 * batch stopped after the switch. Generic mutations rarely lose anything on a prepared
 * tenant (a step forgotten mostly means nothing migrates, and the mail stays on-prem), so a
 * property about losses draws from here to see losses often.
 */
type Change = (plan: PlannedAction[], delay?: number) => PlannedAction[];

const retime = (type: PlannedAction['action'], timing: ActionTiming): Change => (plan) => plan.map((action) => (action.action === type ? { ...action, timing } : action));
const omit = (...types: PlannedAction['action'][]): Change => (plan) => plan.filter((action) => !types.includes(action.action));

export const MISTAKES: Readonly<Record<string, Change>> = {
  'early-removal': (plan, delay = 0) => retime('removeBatch', { after: 'mxSwitched', delay: delay % (48 * HOUR) })(plan),
  'early-decommission': (plan, delay = 0) => retime('decommission', { after: 'mxSwitched', delay: delay % (48 * HOUR) })(plan),
  'switch-before-sync': (plan, delay = 0) => retime('switchMx', { after: 'batchStarted', delay: delay % (2 * HOUR) })(plan),
  'no-licenses': (plan) => omit('assignLicenses')(plan),
  'outlook-left-on-prem': (plan) => omit('createAutodiscoverCname', 'clearScpPointer')(plan),
  'stopped-after-switch': (plan, delay = 0) => [...plan, { action: 'stopBatch', timing: { after: 'mxSwitched', delay: delay % DAY } }],
};

export function riskyTimelineArbitrary(options: TimelineOptions = {}): fc.Arbitrary<PlannedAction[]> {
  return fc
    .record({ mistake: fc.constantFrom(...Object.keys(MISTAKES)), delay: fc.integer({ min: 0, max: 48 * 60 }).map((minutes) => minutes * MINUTE) })
    .chain(({ mistake, delay }) => timelineAround(MISTAKES[mistake]!([...TEXTBOOK_TIMELINE], delay), { maxMutations: 2, ...options }));
}
