import { formatDurationForPeople, type Millis } from '../../sim/index.js';
import type { Finding, Severity } from '../result.js';
import type { Bounds, Moment } from './moment.js';
import { range } from './moment.js';

/** The article's sections, as findings name them (CUT). */
export const STEP = {
  ttl: 'Optional: Reduce email delays',
  verify: 'Step 1: Verify you own the domain',
  endpoint: 'Step 2: Connect Microsoft 365 or Office 365 to your email system',
  create: 'Step 3: Create the cutover migration batch',
  start: 'Step 4: Start the cutover migration batch',
  route: 'Step 5: Route your email directly to Microsoft 365 or Office 365',
  remove: 'Step 6: Delete the cutover migration batch',
  licenses: 'Step 7: Assign licenses to Microsoft 365 and Office 365 users',
  post: 'Complete post migration tasks',
  welcome: 'How does cutover migration work? step 9: the welcome letter',
} as const;

export type ScheduleRule =
  | 'schedule.no-batch'
  | 'schedule.endpoint-not-before-batch'
  | 'schedule.verify-before-txt-propagated'
  | 'schedule.batch-not-started'
  | 'schedule.mx-switched-before-sync'
  | 'schedule.mx-switched-before-verified'
  | 'schedule.batch-created-before-verified'
  | 'schedule.no-mx-switch'
  | 'schedule.ttl-not-lowered-in-time'
  | 'schedule.batch-removed-without-switch'
  | 'schedule.batch-removed-before-72h'
  | 'schedule.batch-removed-before-final-pass'
  | 'schedule.batch-stopped-after-switch'
  | 'schedule.complete-not-for-cutover'
  | 'schedule.licenses-not-assigned'
  | 'schedule.licenses-after-grace'
  | 'schedule.licenses-before-mailboxes-exist'
  | 'schedule.horizon-cuts-final-sync'
  | 'schedule.batch-stopped-before-final-pass'
  | 'schedule.license-pool-too-small'
  | 'schedule.no-autodiscover-cname'
  | 'schedule.scp-pointer-not-cleared'
  | 'schedule.clients-not-moved-before-removal'
  | 'method.cutover-above-150'
  | 'method.long-coexistence'
  | 'schedule.decommission-too-early'
  | 'schedule.action-never-runs'
  | 'schedule.action-after-horizon'
  | 'schedule.declared-faults'
  | 'schedule.passwords-not-distributed'
  | 'schedule.profiles-not-rebuilt'
  | 'schedule.profiles-rebuilt-before-autodiscover'
  | 'schedule.no-x500-addresses';

export function finding(rule: ScheduleRule, severity: Severity, step: string, message: string, fix: string, extra: { at?: Millis; subjects?: string[] } = {}): Finding {
  const result: Finding = { rule, severity, step, message, fix };
  if (extra.at !== undefined) result.at = extra.at;
  if (extra.subjects !== undefined && extra.subjects.length > 0) result.subjects = extra.subjects;
  return result;
}

/** The earliest time a moment may fall, for a finding's `at`. */
export const earliest = (moment: Moment | undefined, bounds: Bounds): Millis | undefined => (moment ? Math.max(0, range(moment, bounds).low) : undefined);

export const span = (low: Millis, high: Millis): string => (low === high ? formatDurationForPeople(low) : `${formatDurationForPeople(low)}-${formatDurationForPeople(high)}`);
